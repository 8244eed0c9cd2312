package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SubmissionTest {

    private static EntrySummary entry(String entryNumber, String port) {
        return new EntrySummary(entryNumber, "01", port, LocalDate.of(2016, 4, 20),
                List.of(EntryLine.of("8517.62.0090", BigDecimal.TEN)));
    }

    /** tpd-2013, "Subject Line Submission": its three examples, with valid entry numbers. */
    @Nested
    class TheProceduresExamples {

        @Test
        void generalInquiryOfAmericanEurocopter() {
            Submission s = Submission.of(SubjectAbbreviation.GENERAL_INQUIRY, Center.AUTOMOTIVE_AEROSPACE,
                    Account.unassigned("12-345678900", "American Eurocopter LLC"), entry("123-4567890-3", "5301"));
            assertThat(s.subject()).isEqualTo("I,AmericanEu,123-45678903,5301");
            assertThat(s.to()).containsExactly("CEE-Automotive@cbp.dhs.gov", "CEE-Aerospace@cbp.dhs.gov");
        }

        @Test
        void form28OfSyngenta() {
            Submission s = Submission.of(SubjectAbbreviation.FORM_28, Center.PHARMACEUTICALS_HEALTH_CHEMICALS,
                    Account.unassigned("98-765432100", "Syngenta"), entry("234-5678901-7", "4601"));
            assertThat(s.subject()).isEqualTo("F28,Syngenta,234-56789017,4601");
        }

        @Test
        void docsRequiredOfNokia() {
            Submission s = Submission.of(SubjectAbbreviation.DOCS_REQUIRED, Center.ELECTRONICS,
                    Account.unassigned("12-345678900", "Nokia Inc"), entry("345-6789012-3", "2704"));
            assertThat(s.subject()).isEqualTo("DR,NokiaInc,345-67890123,2704");
            assertThat(s.to()).containsExactly("CEE-Electronics@cbp.dhs.gov");
        }
    }

    /** The account-name field: where the procedures are silent, {@link Submission#accountNameField} decides. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        Nokia Inc                      | NokiaInc
        American Eurocopter            | AmericanEu
        Syngenta Crop Protection, LLC  | SyngentaCr
        nokia inc                      | NokiaInc
        NOKIA INC                      | NOKIAINC
        McKesson Corp.                 | McKessonCo
        AT&T Inc.                      | ATTInc
        Procter & Gamble               | ProcterGam
        Coca-Cola Co                   | CocaColaCo
        Macy's Inc                     | MacysInc
        O'Neil Imports                 | ONeilImpor
        U.S. Steel                     | USSteel
        3M Company                     | 3MCompany
        7-eleven inc                   | 7ElevenInc
        ACME                           | ACME
        a                              | A
        Müller GmbH                    | MullerGmbH
        Société Générale               | SocieteGen
        Straße AG                      | StrasseAG
        Ørsted A/S                     | OrstedAS
        Œuvre Lżd                      | OeuvreLzd
        Ænima Records                  | AenimaReco
        株式会社 東芝                    | 株式会社東芝
        Δέλτα Shipping                 | ΔελταShipp
        ---Acme---                     | Acme
        """)
    void accountNameField(String name, String field) {
        assertThat(Submission.accountNameField(name)).isEqualTo(field);
    }

    @Test
    void theFieldCountsCodePointsNotCharsSoALetterBeyondTheBasicPlaneIsNotCut() {
        String name = "𝐀bcdefghij klm";
        assertThat(Submission.accountNameField(name)).isEqualTo("𝐀bcdefghij".replace("𝐀", "A"));
        String gothic = "𐌰𐌱𐌲𐌳𐌴𐌵𐌶𐌷𐌸𐌹𐌺";
        assertThat(Submission.accountNameField(gothic).codePointCount(0, Submission.accountNameField(gothic).length()))
                .isEqualTo(10);
    }

    @Test
    void aNameWithoutLetterOrDigitHasNoField() {
        assertThatIllegalArgumentException().isThrownBy(() -> Submission.accountNameField("&&& ..."))
                .withMessageContaining("a letter or digit");
    }

    @Test
    void theEntryNumberFieldDropsTheSecondDash() {
        assertThat(Submission.entryNumberField("SP7-0000001-4")).isEqualTo("SP7-00000014");
        assertThatIllegalArgumentException().isThrownBy(() -> Submission.entryNumberField("SP700000014"));
    }

    @Test
    void theConstructorRefusesFieldsNoSubjectLineHolds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Submission(SubjectAbbreviation.FORM_28,
                Center.ELECTRONICS, "Nokia Inc", "345-67890123", "2704")).withMessageContaining("accountName");
        assertThatIllegalArgumentException().isThrownBy(() -> new Submission(SubjectAbbreviation.FORM_28,
                Center.ELECTRONICS, "NokiaIncorporated", "345-67890123", "2704")).withMessageContaining("accountName");
        assertThatIllegalArgumentException().isThrownBy(() -> new Submission(SubjectAbbreviation.FORM_28,
                Center.ELECTRONICS, "NokiaInc", "345-6789012-3", "2704")).withMessageContaining("entryNumber");
        assertThatIllegalArgumentException().isThrownBy(() -> new Submission(SubjectAbbreviation.FORM_28,
                Center.ELECTRONICS, "NokiaInc", "sp7-00000014", "2704")).withMessageContaining("entryNumber");
        assertThat(new Submission(SubjectAbbreviation.FORM_28, Center.ELECTRONICS, "NokiaInc", "SP7-00000014", "2704")
                .subject()).isEqualTo("F28,NokiaInc,SP7-00000014,2704");
        assertThatIllegalArgumentException().isThrownBy(() -> new Submission(SubjectAbbreviation.FORM_28,
                Center.ELECTRONICS, "NokiaInc", "345-67890123", "27A4")).withMessageContaining("port");
        assertThatThrownBy(() -> new Submission(null, Center.ELECTRONICS, "NokiaInc", "345-67890123", "2704"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anAccountNameNeedsALetterOrDigit() {
        assertThatThrownBy(() -> Account.unassigned("12-345678900", "&.-"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("name: must contain a letter or digit");
    }

    @Nested
    class Abbreviations {

        /** The list of tpd-2013: every abbreviation, what it stands for, and the function whose route carries it. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            DR  | DOCS_REQUIRED        | Docs Required       | ENTRY_SUMMARY_REVIEW
            CE  | CENSUS               | Census              | CENSUS_REJECT
            PR  | PROTEST              | Protest             | PROTEST
            CA  | CANCELLATION         | Cancellation        | CANCELLATION
            F28 | FORM_28              | Form 28             | REQUEST_FOR_INFORMATION
            F29 | FORM_29              | Form 29             | NOTICE_OF_ACTION
            C   | CERTIFICATE          | DCMA Cert; TSCA Cert | -
            A   | ADCVD                | ADCVD               | -
            I   | GENERAL_INQUIRY      | General Inquiry     | -
            PE  | POST_ENTRY_AMENDMENT | PEA                 | POST_ENTRY_AMENDMENT
            R   | REJECT               | Reject              | SUMMARY_REJECTION
            PD  | PRIOR_DISCLOSURE     | Prior Disclosure    | PRIOR_DISCLOSURE
            5D  | CLAIM_520D           | 520(d)              | POST_IMPORTATION_CLAIM
            """)
        void theProceduresList(String abbreviation, SubjectAbbreviation constant, String document, TradeFunction function) {
            assertThat(SubjectAbbreviation.of(abbreviation)).contains(constant);
            assertThat(SubjectAbbreviation.of(abbreviation.toLowerCase())).contains(constant);
            assertThat(constant.abbreviation()).isEqualTo(abbreviation);
            assertThat(constant.document()).isEqualTo(document);
            assertThat(constant.function()).isEqualTo(Optional.ofNullable(function));
            assertThat(constant.source()).startsWith("tpd-2013, Subject Line Submission");
            if (function != null) {
                assertThat(SubjectAbbreviation.forFunction(function)).contains(constant);
            }
        }

        @Test
        void functionsWithoutAnAbbreviationHaveNone() {
            assertThat(Arrays.stream(TradeFunction.values()).filter(f -> SubjectAbbreviation.forFunction(f).isEmpty()))
                    .containsExactlyInAnyOrder(TradeFunction.CARGO_RELEASE, TradeFunction.PAYMENT,
                            TradeFunction.LIQUIDATED_DAMAGES, TradeFunction.LIQUIDATION,
                            TradeFunction.POST_SUMMARY_CORRECTION, TradeFunction.INTERNAL_ADVICE,
                            TradeFunction.FURTHER_REVIEW, TradeFunction.ENFORCEMENT, TradeFunction.DRAWBACK,
                            TradeFunction.RECONCILIATION);
            assertThat(SubjectAbbreviation.of("XX")).isEmpty();
        }
    }

    @Nested
    class OnARoute {
        private final Submission f28 = new Submission(SubjectAbbreviation.FORM_28, Center.ELECTRONICS, "NokiaInc",
                "345-67890123", "2704");

        @Test
        void aRouteHoldsTheSubmissionToItsCenter() {
            Route route = new Route(TradeFunction.REQUEST_FOR_INFORMATION, Center.ELECTRONICS, List.of(), "r", "a",
                    Optional.of(f28));
            assertThat(route.submission()).contains(f28);
            assertThat(new Route(TradeFunction.REQUEST_FOR_INFORMATION, Center.ELECTRONICS, List.of(), "r", "a")
                    .submission()).isEmpty();
        }

        @Test
        void orToTheCenterAmongItsAlternatives() {
            Submission pd = new Submission(SubjectAbbreviation.PRIOR_DISCLOSURE, Center.ELECTRONICS, "NokiaInc",
                    "345-67890123", "2704");
            Route route = new Route(TradeFunction.PRIOR_DISCLOSURE, new PortOfEntry("2704"), List.of(Center.ELECTRONICS),
                    "r", "a", Optional.of(pd));
            assertThat(route.submission()).contains(pd);
        }

        @Test
        void notToAnotherOfficeNorOfAnotherFunction() {
            assertThatIllegalArgumentException().isThrownBy(() -> new Route(TradeFunction.REQUEST_FOR_INFORMATION,
                    Center.BASE_METALS, List.of(), "r", "a", Optional.of(f28))).withMessageContaining("not its office");
            assertThatIllegalArgumentException().isThrownBy(() -> new Route(TradeFunction.NOTICE_OF_ACTION,
                    Center.ELECTRONICS, List.of(), "r", "a", Optional.of(f28))).withMessageContaining("F28");
            assertThatThrownBy(() -> new Route(TradeFunction.NOTICE_OF_ACTION, Center.ELECTRONICS, List.of(), "r", "a",
                    null)).isInstanceOf(NullPointerException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(SubjectAbbreviation.class)
    void everySubjectIsCommaSeparatedWithoutSpaces(SubjectAbbreviation abbreviation) {
        String subject = new Submission(abbreviation, Center.MACHINERY, "Acme", "ABC-12345676", "2304").subject();
        assertThat(subject).doesNotContain(" ").isEqualTo(abbreviation.abbreviation() + ",Acme,ABC-12345676,2304");
    }

    @Nested
    class DatedFormat {
        @ParameterizedTest(name = "routed {0}: {1}")
        @CsvSource({"2011-10-20, CONFIRMED", "2017-06-29, CONFIRMED", "2017-06-30, INFERRED", "2026-12-06, INFERRED"})
        void theFormatIsConfirmedUntilTheProceduresOfJune2017ReplacedIt(String asOf, Certainty certainty) {
            assertThat(Submission.formatCertainty(LocalDate.parse(asOf))).isEqualTo(certainty);
        }

        @Test
        void theSourcesAreIdsOfTheBibliography() {
            assertThat(Citation.isSourceId(Submission.FORMAT_SOURCE)).isTrue();
            assertThat(Citation.isSourceId(Submission.FORMAT_SUPERSEDED_BY)).isTrue();
        }
    }
}
