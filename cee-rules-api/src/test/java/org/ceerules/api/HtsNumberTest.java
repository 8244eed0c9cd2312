package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"8511.10.0000", "8511100000", "851110.0000", "8511.100000"})
    void isHeldInItsDottedForm(String text) {
        HtsNumber hts = HtsNumber.of(text);
        assertThat(hts.value()).isEqualTo("8511.10.0000");
        assertThat(hts.digits()).isEqualTo("8511100000");
        assertThat(hts.chapter()).isEqualTo("85");
        assertThat(hts.heading()).isEqualTo("8511");
        assertThat(hts).hasToString("8511.10.0000").isEqualTo(new HtsNumber("8511100000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8511", "8511.10.00000", "85a1.10.0000", "0011.10.0000", "7701.10.0000"})
    void namesTheFieldHtsWhenInvalid(String text) {
        assertThatThrownBy(() -> HtsNumber.of(text)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("hts"));
    }

    @Test
    void nullIsNamedToo() {
        assertThatThrownBy(() -> HtsNumber.of(null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.violations()).extracting(Violation::message).containsExactly("is required"));
    }

    @Test
    void anIndustryScopeChecksItsRangesAndLine() {
        HtsNumber hts = HtsNumber.of("8511.10.0000");
        LocalDate from = LocalDate.parse("2014-03-10");
        IndustryScope scope = new IndustryScope(hts, from, Optional.of(Center.AUTOMOTIVE_AEROSPACE), "8511", "8511",
                from, Optional.empty(), Certainty.CONFIRMED, "79 FR 13322", "data/hts-scope.csv", 60);
        assertThat(scope.range()).isEqualTo("8511");
        assertThat(new IndustryScope(hts, from, Optional.empty(), "98", "99", from, Optional.empty(),
                Certainty.INFERRED, "s", "f", 1).range()).isEqualTo("98-99");
        assertThatThrownBy(() -> new IndustryScope(hts, from, Optional.empty(), "85", "8511", from, Optional.empty(),
                Certainty.INFERRED, "s", "f", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndustryScope(hts, from, Optional.empty(), "86", "85", from, Optional.empty(),
                Certainty.INFERRED, "s", "f", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndustryScope(hts, from, Optional.empty(), "85", "85", from, Optional.of(from),
                Certainty.INFERRED, "s", "f", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndustryScope(hts, from, Optional.empty(), "85", "85", from, Optional.empty(),
                Certainty.INFERRED, "s", "f", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Certainty.INFERRED.label()).isEqualTo("inferred");
    }

    @Test
    void aKnowledgeBaseRuleHasALine() {
        assertThat(new KnowledgeBaseRule("r", "a", "drl/x.drl", 3)).hasToString("drl/x.drl:3: r");
        assertThatThrownBy(() -> new KnowledgeBaseRule("r", "a", "drl/x.drl", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
