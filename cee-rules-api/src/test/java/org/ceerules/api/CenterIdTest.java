package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** cbp-center-id: ACE's Center ID of an account, CEE001 to CEE010, NOTELG or PNDING, since 2019-03-16. */
class CenterIdTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Center.class)
    void ceeAndATeamCodeNameTheCenterTheAccountIsAssignedTo(Center center) {
        CenterId id = CenterId.of("CEE" + center.teamCode());
        assertThat(id.center()).contains(center);
        assertThat(id.status()).isEqualTo(CenterId.Status.ASSIGNED);
        assertThat(id.certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(id.source()).isEqualTo("cbp-center-id");
        assertThat(CenterId.assignedTo(center)).isEqualTo(id);
        assertThat(id).hasToString("CEE" + center.teamCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        NOTELG, NOT_ELIGIBLE
        PNDING, PENDING
        notelg, NOT_ELIGIBLE
        Pnding, PENDING
        """)
    void notEligibleAndPendingNameNoCenter(String text, CenterId.Status status) {
        CenterId id = CenterId.of(text);
        assertThat(id.value()).isEqualTo(text.toUpperCase());
        assertThat(id.status()).isEqualTo(status);
        assertThat(id.center()).isEmpty();
        assertThat(id.certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(CenterId.isCenterId(text)).isTrue();
    }

    @Test
    void lowerCaseIsPutInUpperCase() {
        assertThat(CenterId.of("cee004").value()).isEqualTo("CEE004");
        assertThat(CenterId.of("cee004").center()).contains(Center.APPAREL_FOOTWEAR_TEXTILES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CEE000", "CEE011", "CEE4", "CEE0004", "CE004", "CEX004", "NOTELIG", "PENDNG", "CEE 04",
            " CEE004", "CEE004 ", "004", "CE4", "ＣＥＥ００４"})
    void anythingElseIsRefusedByName(String text) {
        assertThat(CenterId.isCenterId(text)).isFalse();
        assertThatThrownBy(() -> CenterId.of(text)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("centerId: must be a Center ID of ACE, CEE001 to CEE010, NOTELG or PNDING");
    }

    @Test
    void nullIsRefusedByName() {
        assertThat(CenterId.isCenterId(null)).isFalse();
        assertThatThrownBy(() -> CenterId.of(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("centerId: is required");
    }

    @Test
    void aceCarriesItSince2019_03_16() {
        assertThat(CenterId.IN_ACE_SINCE).hasToString("2019-03-16");
    }
}
