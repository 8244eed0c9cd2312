package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.ceerules.api.Fixtures.IMPORTER;
import static org.ceerules.api.Fixtures.NAME;
import static org.ceerules.api.Fixtures.PARTICIPATION;
import static org.ceerules.api.Fixtures.WITHDRAWAL;
import static org.ceerules.api.Fixtures.fields;
import static org.ceerules.api.Fixtures.onlyViolation;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

    private static Account withImporter(String importerNumber) {
        return Account.unassigned(importerNumber, NAME);
    }

    private static Account withName(String name) {
        return Account.unassigned(IMPORTER, name);
    }

    private static Account participating(LocalDate start, Optional<LocalDate> withdrawal) {
        return new Account(IMPORTER, NAME, Optional.of(Center.ELECTRONICS), Optional.of(start), withdrawal);
    }

    @Nested
    class ImporterNumber {

        @ParameterizedTest(name = "IRS number {0}")
        @ValueSource(strings = {"12-345678900", "12-3456789AB", "98-7654321XY", "00-000000000", "12-34567890H",
                "12-3456789JP"})
        void acceptsIrsNumbers(String value) {
            assertThat(withImporter(value).importerNumber()).isEqualTo(value);
        }

        @ParameterizedTest(name = "IRS suffix letter {0}")
        @ValueSource(strings = {"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S",
                "T", "U", "V", "W", "X", "Y"})
        void acceptsEverySuffixLetterButOIZ(String letter) {
            assertThat(withImporter("12-3456789" + letter + "0").importerNumber()).endsWith(letter + "0");
            assertThat(withImporter("12-34567890" + letter).importerNumber()).endsWith("0" + letter);
        }

        @ParameterizedTest(name = "IRS suffix {0}")
        @ValueSource(strings = {"O0", "0O", "I0", "0I", "Z0", "0Z", "OI", "ZZ"})
        void rejectsSuffixLettersOIZ(String suffix) {
            String value = "12-3456789" + suffix;
            Violation v = onlyViolation(() -> withImporter(value));
            assertThat(v.field()).isEqualTo("importerNumber");
            assertThat(v.message()).contains("\"" + value + "\"");
        }

        @ParameterizedTest(name = "CBP-assigned number {0}")
        @ValueSource(strings = {"160527-00001", "991234-12345"})
        void acceptsCbpAssignedNumbers(String value) {
            assertThat(withImporter(value).importerNumber()).isEqualTo(value);
        }

        @ParameterizedTest(name = "SSN {0}")
        @ValueSource(strings = {"123-45-6789", "000-00-0000"})
        void acceptsSocialSecurityNumbers(String value) {
            assertThat(withImporter(value).importerNumber()).isEqualTo(value);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", " ", "12345678900", "12-3456789", "12-3456789000", "12-3456789ab",
                "1-2345678900", "123-45678900", "12-345678900 ", " 12-345678900", "12_345678900",
                "16052-700001", "1605270-0001", "160527-0001", "160527-000011", "123456789", "123-456-789",
                "12-34-5678", "123-45-67890", "AB-345678900", "12-3456789-0", "\uFF11\uFF12-345678900"})
        void rejectsMalformedNumbers(String value) {
            Violation v = onlyViolation(() -> withImporter(value));
            assertThat(v.field()).isEqualTo("importerNumber");
            assertThat(v.message()).startsWith("must be an IRS number NN-NNNNNNNXX");
        }

        @Test
        void isRequired() {
            Violation v = onlyViolation(() -> withImporter(null));
            assertThat(v).isEqualTo(new Violation("importerNumber", "is required"));
        }
    }

    @Nested
    class Name {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"Nokia Inc", "A", "Société Générale S.A.", "  padded  "})
        void acceptsNames(String value) {
            assertThat(withName(value).name()).isEqualTo(value);
        }

        @Test
        void accepts256Characters() {
            String value = "N".repeat(256);
            assertThat(withName(value).name()).isEqualTo(value);
        }

        @Test
        void rejects257Characters() {
            Violation v = onlyViolation(() -> withName("N".repeat(257)));
            assertThat(v).isEqualTo(new Violation("name", "must be at most 256 characters, was 257"));
        }

        @ParameterizedTest(name = "blank \"{0}\"")
        @ValueSource(strings = {"", " ", "\t", "   "})
        void rejectsBlank(String value) {
            Violation v = onlyViolation(() -> withName(value));
            assertThat(v).isEqualTo(new Violation("name", "must not be blank"));
        }

        @ParameterizedTest(name = "control character {index}")
        @ValueSource(strings = {"Nokia\nInc", "Nokia\u0000Inc", "Nokia\u007fInc", "Nokia Inc\r", "Nokia\u0085Inc"})
        void rejectsControlCharacters(String value) {
            Violation v = onlyViolation(() -> withName(value));
            assertThat(v).isEqualTo(new Violation("name", "must not contain control characters"));
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> withName(null))).isEqualTo(new Violation("name", "is required"));
        }
    }

    @Nested
    class CenterComponent {

        @Test
        void isOptional() {
            assertThat(Account.unassigned(IMPORTER, NAME).center()).isEmpty();
            assertThat(Account.assigned(IMPORTER, NAME, Center.MACHINERY).center()).contains(Center.MACHINERY);
        }

        @Test
        void nullOptionalIsRefused() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new Account(IMPORTER, NAME, null, Optional.empty(), Optional.empty()))
                    .withMessage("center");
        }

        @Test
        void participationNeedsACenter() {
            Violation v = onlyViolation(() -> new Account(IMPORTER, NAME, Optional.empty(), Optional.of(PARTICIPATION),
                    Optional.empty()));
            assertThat(v.field()).isEqualTo("participationStart");
            assertThat(v.message()).isEqualTo("needs center: an account participates in a Center");
        }
    }

    @Nested
    class ParticipationStart {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1900-01-01", "2014-03-01", "2199-12-31"})
        void acceptsDatesInRange(String date) {
            LocalDate start = LocalDate.parse(date);
            assertThat(participating(start, Optional.empty()).participationStart()).contains(start);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1899-12-31", "2200-01-01", "0000-01-01", "9999-12-31"})
        void rejectsDatesOutOfRange(String date) {
            Violation v = onlyViolation(() -> participating(LocalDate.parse(date), Optional.empty()));
            assertThat(v.field()).isEqualTo("participationStart");
            assertThat(v.message()).isEqualTo("must be on or after 1900-01-01 and before 2200-01-01, was " + date);
        }

        @Test
        void rejectsTheExtremesOfLocalDate() {
            assertThat(fields(() -> participating(LocalDate.MIN, Optional.empty()))).containsExactly("participationStart");
            assertThat(fields(() -> participating(LocalDate.MAX, Optional.empty()))).containsExactly("participationStart");
        }

        @Test
        void nullOptionalIsRefused() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new Account(IMPORTER, NAME, Optional.of(Center.ELECTRONICS), null,
                            Optional.empty()))
                    .withMessage("participationStart");
        }
    }

    @Nested
    class WithdrawalEffective {

        @Test
        void acceptsAWithdrawalAfterParticipation() {
            Account account = participating(PARTICIPATION, Optional.of(WITHDRAWAL));
            assertThat(account.withdrawalEffective()).contains(WITHDRAWAL);
            assertThat(participating(PARTICIPATION, Optional.of(PARTICIPATION.plusDays(1))).withdrawalEffective())
                    .contains(PARTICIPATION.plusDays(1));
        }

        @Test
        void rejectsAWithdrawalOnTheDayParticipationBegan() {
            Violation v = onlyViolation(() -> participating(PARTICIPATION, Optional.of(PARTICIPATION)));
            assertThat(v).isEqualTo(new Violation("withdrawalEffective",
                    "must be after participationStart 2014-03-01, was 2014-03-01"));
        }

        @Test
        void rejectsAWithdrawalBeforeParticipation() {
            Violation v = onlyViolation(() -> participating(PARTICIPATION, Optional.of(PARTICIPATION.minusDays(1))));
            assertThat(v.field()).isEqualTo("withdrawalEffective");
            assertThat(v.message()).startsWith("must be after participationStart");
        }

        @Test
        void rejectsAWithdrawalWithoutParticipation() {
            Violation v = onlyViolation(() -> new Account(IMPORTER, NAME, Optional.of(Center.ELECTRONICS),
                    Optional.empty(), Optional.of(WITHDRAWAL)));
            assertThat(v.field()).isEqualTo("withdrawalEffective");
            assertThat(v.message()).startsWith("needs participationStart");
        }

        @Test
        void rejectsDatesOutOfRange() {
            assertThat(fields(() -> participating(PARTICIPATION, Optional.of(LocalDate.of(2200, 1, 1)))))
                    .containsExactly("withdrawalEffective");
            assertThat(participating(PARTICIPATION, Optional.of(LocalDate.of(2199, 12, 31))).withdrawalEffective())
                    .contains(LocalDate.of(2199, 12, 31));
        }

        @Test
        void nullOptionalIsRefused() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new Account(IMPORTER, NAME, Optional.of(Center.ELECTRONICS), Optional.empty(),
                            null))
                    .withMessage("withdrawalEffective");
        }
    }

    @Test
    void reportsEveryInvalidComponentAtOnce() {
        assertThat(fields(() -> new Account("12-3456789O0", " ", Optional.empty(), Optional.of(PARTICIPATION),
                Optional.of(PARTICIPATION.minusYears(1)))))
                .containsExactly("importerNumber", "name", "participationStart", "withdrawalEffective");
    }

    @Test
    void reportsMissingRequiredComponentsTogether() {
        assertThat(fields(() -> Account.unassigned(null, null))).containsExactly("importerNumber", "name");
    }

    @Test
    void factoriesBuildTheSameRecordsAsTheConstructor() {
        assertThat(Account.unassigned(IMPORTER, NAME))
                .isEqualTo(new Account(IMPORTER, NAME, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(Account.assigned(IMPORTER, NAME, Center.BASE_METALS))
                .isEqualTo(new Account(IMPORTER, NAME, Optional.of(Center.BASE_METALS), Optional.empty(),
                        Optional.empty()));
    }
}
