package org.ceerules.api;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;

/**
 * How to e-mail the documents of one trade function to a Center: the addresses, and the subject
 * line the CEE processing procedures (v1.3, "Subject Line Submission") prescribe, {@code
 * ABBREVIATION,AccountName,FFF-NNNNNNNC,PPPP} with no spaces, such as {@code
 * F28,Syngenta,234-56789017,4601}.
 *
 * <p>The account-name field is made by {@link #accountNameField(String)}: each word capitalized,
 * spaces and punctuation removed, the first 10 characters kept.
 *
 * <p>Immutable and thread-safe.
 *
 * @param abbreviation the subject's abbreviation: what is sent
 * @param center       the Center it is sent to
 * @param accountName  the subject's account-name field: 1 to 10 letters or digits
 * @param entryNumber  the entry number as the subject writes it: 12 characters, the filer code, a
 *                     dash, the 7 digits and the check digit ({@code 345-67890123})
 * @param port         the port of entry's 4-digit code
 * @since 0.1
 */
public record Submission(SubjectAbbreviation abbreviation, Center center, String accountName, String entryNumber,
                         String port) {

    /** How many characters of the account's name the subject keeps. */
    public static final int ACCOUNT_NAME_LENGTH = 10;

    /**
     * The last day the subject-line format is confirmed: the 2013 procedures prescribe it
     * ({@value #FORMAT_SOURCE}, "Subject Line Submission"); the procedures of June 2017
     * ({@value #FORMAT_SUPERSEDED_BY}) replaced that section with "Electronic Document
     * Submission", so for work routed after this day the format is the rule set's reading.
     *
     * @since 0.1
     */
    public static final java.time.LocalDate FORMAT_CONFIRMED_UNTIL = java.time.LocalDate.of(2017, 6, 29);
    /** The bibliography id of the procedures that prescribe the subject line. @since 0.1 */
    public static final String FORMAT_SOURCE = "tpd-2013";
    /** The bibliography id of the procedures that replaced the section. @since 0.1 */
    public static final String FORMAT_SUPERSEDED_BY = "tpd-2017";

    /**
     * How sure the subject-line format is for work routed on a date.
     *
     * @param asOf the date the work is routed
     * @return {@link Certainty#CONFIRMED} up to {@link #FORMAT_CONFIRMED_UNTIL}, then {@link
     *         Certainty#INFERRED}
     * @since 0.1
     */
    public static Certainty formatCertainty(java.time.LocalDate asOf) {
        return asOf.isAfter(FORMAT_CONFIRMED_UNTIL) ? Certainty.INFERRED : Certainty.CONFIRMED;
    }

    /**
     * Validates that every field is as the subject line writes it.
     *
     * @param abbreviation the subject's abbreviation: what is sent
     * @param center       the Center it is sent to
     * @param accountName  the subject's account-name field: 1 to 10 letters or digits
     * @param entryNumber  the entry number as the subject writes it ({@code 345-67890123})
     * @param port         the port of entry's 4-digit code
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a field is not as the subject line writes it
     */
    public Submission {
        Objects.requireNonNull(abbreviation, "abbreviation");
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(entryNumber, "entryNumber");
        Objects.requireNonNull(port, "port");
        if (!isAccountNameField(accountName)) {
            throw new IllegalArgumentException("accountName must be 1 to " + ACCOUNT_NAME_LENGTH
                    + " letters or digits, was " + Checks.quote(accountName));
        }
        if (!Checks.shaped(entryNumber, "uuu-dddddddd")) {
            throw new IllegalArgumentException("entryNumber must be a filer code, a dash and 8 digits, was "
                    + Checks.quote(entryNumber));
        }
        if (!Checks.shaped(port, "dddd")) {
            throw new IllegalArgumentException("port must be 4 digits, was " + Checks.quote(port));
        }
    }

    /**
     * The submission of an entry's documents to a Center.
     *
     * @param abbreviation what is sent
     * @param center       the Center it is sent to
     * @param account      the importer's account: its name makes the subject's account-name field
     * @param entrySummary the entry: its number and port of entry
     * @return the submission
     */
    public static Submission of(SubjectAbbreviation abbreviation, Center center, Account account,
                                EntrySummary entrySummary) {
        return new Submission(abbreviation, center, accountNameField(account.name()),
                entryNumberField(entrySummary.entryNumber()), entrySummary.portOfEntry());
    }

    /**
     * @return the Center's e-mail addresses, in the order of the procedures; where a Center has
     *         two (001, 003), the procedures do not say which documents go to which, so both are
     *         given
     */
    public List<String> to() {
        return center.emailAddresses();
    }

    /**
     * @return the subject line, such as {@code F28,Syngenta,234-56789017,4601}
     */
    public String subject() {
        return abbreviation.abbreviation() + ',' + accountName + ',' + entryNumber + ',' + port;
    }

    /**
     * The account-name field of a subject line, from an account's name. The procedures say: the
     * first 10 characters of the account name, each word capitalized, without spaces; their
     * examples ({@code AmericanEu}, {@code NokiaInc}) count the 10 characters after the spaces are
     * removed. Where they are silent this method decides:
     * <ul>
     *   <li>a word is a run of letters and digits; every other character separates words and is
     *       removed, except an apostrophe inside a word, which is removed without starting a new
     *       word ({@code Macy's} gives {@code Macys});</li>
     *   <li>the first letter of each word is made upper case; the others are kept as written
     *       ({@code IBM} stays {@code IBM}, {@code McKesson} stays {@code McKesson});</li>
     *   <li>digits are kept ({@code 3M Company} gives {@code 3MCompany});</li>
     *   <li>accents are removed ({@code Müller} gives {@code Muller}), and the letters {@code ß},
     *       {@code æ}, {@code œ}, {@code ø}, {@code ł}, {@code đ} and {@code þ} are written {@code
     *       ss}, {@code ae}, {@code oe}, {@code o}, {@code l}, {@code d} and {@code th}; letters with
     *       no Latin form (Greek, Cyrillic, Chinese...) are kept as they are;</li>
     *   <li>a name shorter than 10 characters is kept whole; characters are Unicode code points.</li>
     * </ul>
     *
     * @param name an account's name, with at least one letter or digit
     * @return the field: 1 to 10 letters or digits
     * @throws IllegalArgumentException if the name has no letter or digit
     */
    public static String accountNameField(String name) {
        String folded = isAscii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder field = new StringBuilder(ACCOUNT_NAME_LENGTH);
        int kept = 0;
        boolean wordStart = true;
        for (int i = 0; i < folded.length() && kept < ACCOUNT_NAME_LENGTH; ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if ((c == '\'' || c == '\u2019') && !wordStart && i < folded.length()
                    && Character.isLetterOrDigit(folded.codePointAt(i))) {
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                wordStart = true;
                continue;
            }
            String letters = latin(c);
            if (letters == null) { // the letter itself: no string made for it
                field.appendCodePoint(wordStart ? Character.toUpperCase(c) : c);
                wordStart = false;
                kept++;
                continue;
            }
            for (int j = 0; j < letters.length() && kept < ACCOUNT_NAME_LENGTH; ) {
                int l = letters.codePointAt(j);
                j += Character.charCount(l);
                field.appendCodePoint(wordStart ? Character.toUpperCase(l) : l);
                wordStart = false;
                kept++;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("an account name needs a letter or digit, was " + Checks.quote(name));
        }
        return field.toString();
    }

    /**
     * @param entryNumber an entry number in its canonical form {@code FFF-NNNNNNN-C}, as {@link
     *                    EntrySummary#entryNumber()} holds it
     * @return the entry number as a subject line writes it: {@code FFF-NNNNNNNC}
     * @throws IllegalArgumentException if the entry number is not in its canonical form
     */
    public static String entryNumberField(String entryNumber) {
        if (entryNumber.length() != 13 || entryNumber.charAt(3) != '-' || entryNumber.charAt(11) != '-') {
            throw new IllegalArgumentException("entry number must be FFF-NNNNNNN-C, was " + Checks.quote(entryNumber));
        }
        return entryNumber.substring(0, 11) + entryNumber.charAt(12);
    }

    /** The Latin letters of one letter with no decomposition of its own; null for a letter kept as it is. */
    private static String latin(int c) {
        return switch (c) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'Æ' -> "Ae";
            case 'œ' -> "oe";
            case 'Œ' -> "Oe";
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'đ' -> "d";
            case 'Đ' -> "D";
            case 'þ' -> "th";
            case 'Þ' -> "Th";
            case 'ı' -> "i";
            default -> null;
        };
    }

    /** Checked with loops, not streams: a decision makes a submission for each of ten routes. */
    private static boolean isAccountNameField(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                return false;
            }
            i += Character.charCount(c);
            count++;
        }
        return count > 0 && count <= ACCOUNT_NAME_LENGTH;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
