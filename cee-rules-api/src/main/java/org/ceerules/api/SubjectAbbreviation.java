package org.ceerules.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The abbreviations that open the subject line of a document e-mailed to a Center (CEE
 * processing procedures v1.3, "Subject Line Submission"): {@code DR} for docs required, {@code
 * F28} for a request for information, and so on.
 *
 * <p>The constants are the abbreviations' identities; what each stands for, the trade function
 * whose route carries it and the source are read from the data file {@code
 * org/ceerules/api/subject-abbreviations.csv}. A missing or malformed row stops this class from
 * loading, naming the file and line.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum SubjectAbbreviation {
    /** {@code DR}, docs required. */
    DOCS_REQUIRED("DR"),
    /** {@code CE}, census. */
    CENSUS("CE"),
    /** {@code PR}, protest. */
    PROTEST("PR"),
    /** {@code CA}, cancellation. */
    CANCELLATION("CA"),
    /** {@code F28}, CBP Form 28, request for information. */
    FORM_28("F28"),
    /** {@code F29}, CBP Form 29, notice of action. */
    FORM_29("F29"),
    /** {@code C}, a DCMA or TSCA certificate. */
    CERTIFICATE("C"),
    /** {@code A}, antidumping or countervailing duty documents. */
    ADCVD("A"),
    /** {@code I}, general inquiry. */
    GENERAL_INQUIRY("I"),
    /** {@code PE}, post-entry amendment. */
    POST_ENTRY_AMENDMENT("PE"),
    /** {@code R}, reject. */
    REJECT("R"),
    /** {@code PD}, prior disclosure. */
    PRIOR_DISCLOSURE("PD"),
    /** {@code 5D}, a 19 U.S.C. 1520(d) post-importation claim. */
    CLAIM_520D("5D");

    private static final String DATA_FILE = "subject-abbreviations.csv";

    private final String abbreviation;

    SubjectAbbreviation(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    /**
     * @return the abbreviation as the subject line writes it, such as {@code F28}
     */
    public String abbreviation() {
        return abbreviation;
    }

    /**
     * @return what is sent, as the procedures name it, such as {@code Form 28}
     */
    public String document() {
        return Data.ROWS.get(this).document();
    }

    /**
     * @return the trade function whose route to a Center carries this abbreviation; empty for
     *         documents no single function covers (certificates, AD/CVD documents, general
     *         inquiries)
     */
    public Optional<TradeFunction> function() {
        return Optional.ofNullable(Data.ROWS.get(this).function());
    }

    /**
     * @return the source of the abbreviation and of its function
     */
    public String source() {
        return Data.ROWS.get(this).source();
    }

    /**
     * @param abbreviation an abbreviation such as {@code F28} or {@code f28}
     * @return the constant, or empty if the procedures list no such abbreviation
     */
    public static Optional<SubjectAbbreviation> of(String abbreviation) {
        String upper = abbreviation.toUpperCase(Locale.ROOT);
        for (SubjectAbbreviation value : values()) {
            if (value.abbreviation.equals(upper)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * @param function a trade function
     * @return the abbreviation of the documents of that function sent to a Center; empty if the
     *         procedures give that function's documents none
     */
    public static Optional<SubjectAbbreviation> forFunction(TradeFunction function) {
        return Optional.ofNullable(Data.BY_FUNCTION.get(function));
    }

    private record Row(String document, TradeFunction function, String source) {
    }

    /** Reads the data file once, when an abbreviation's data is first asked for. */
    private static final class Data {
        static final Map<SubjectAbbreviation, Row> ROWS = new EnumMap<>(SubjectAbbreviation.class);
        static final Map<TradeFunction, SubjectAbbreviation> BY_FUNCTION = new EnumMap<>(TradeFunction.class);

        static {
            DataFile file = DataFile.read(DATA_FILE,
                    List.of("abbreviation", "constant", "document", "function", "status", "source"));
            for (DataFile.Row row : file.rows()) {
                Optional<SubjectAbbreviation> constant = of(row.cell(0));
                TradeFunction function = function(row.cell(3));
                if (constant.isEmpty() || !constant.get().name().equals(row.cell(1))) {
                    file.problem(row.line(), "abbreviation " + row.cell(0) + " is not " + row.cell(1) + ": " + row.text());
                } else if (ROWS.containsKey(constant.get())) {
                    file.problem(row.line(), "second row for abbreviation " + row.cell(0));
                } else if (function == null && !row.cell(3).isEmpty()) {
                    file.problem(row.line(), "unknown trade function " + row.cell(3) + ": " + row.text());
                } else if (function != null && BY_FUNCTION.containsKey(function)) {
                    file.problem(row.line(), "second abbreviation for " + function + ": " + row.text());
                } else if (row.cell(2).isBlank() || Certainty.ofLabel(row.cell(4)).isEmpty() || row.cell(5).isBlank()) {
                    file.problem(row.line(), "document, status (confirmed or inferred) and source are required: "
                            + row.text());
                } else {
                    ROWS.put(constant.get(), new Row(row.cell(2), function, row.cell(5)));
                    if (function != null) {
                        BY_FUNCTION.put(function, constant.get());
                    }
                }
            }
            for (SubjectAbbreviation value : values()) {
                if (!ROWS.containsKey(value)) {
                    file.problem("no row for abbreviation " + value.abbreviation);
                }
            }
            file.requireValid();
        }

        private static TradeFunction function(String name) {
            for (TradeFunction function : TradeFunction.values()) {
                if (function.name().equals(name)) {
                    return function;
                }
            }
            return null;
        }
    }
}
