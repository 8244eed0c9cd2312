package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamNumberTest {

    /** DOMAIN section 1 and seed 000: the third digit names the Center; 0 is Machinery. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
        CE1, 001, CONFIRMED
        XY2, 002, CONFIRMED
        AB3, 003, CONFIRMED
        CE4, 004, CONFIRMED
        ce4, 004, CONFIRMED
        005, 005, CONFIRMED
        9Z6, 006, CONFIRMED
        C17, 007, CONFIRMED
        AA8, 008, CONFIRMED
        B09, 009, CONFIRMED
        AB0, 010, INFERRED
        """)
    void theThirdDigitNamesTheCenter(String number, String team, Certainty certainty) {
        TeamNumber teamNumber = TeamNumber.of(number);
        assertThat(teamNumber.center()).contains(Center.ofTeamCode(team).orElseThrow());
        assertThat(Center.ofTeamNumber(number)).isEqualTo(teamNumber.center());
        assertThat(teamNumber.certainty()).contains(certainty);
        assertThat(teamNumber.source()).get().asString().contains("seed 000");
        assertThat(teamNumber.value()).isEqualTo(number.toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "12X", "C1a", "00Z"})
    void aThirdLetterIsAPortTeam(String number) {
        assertThat(Center.ofTeamNumber(number)).isEmpty();
        assertThat(TeamNumber.of(number).certainty()).isEmpty();
        assertThat(TeamNumber.of(number).source()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "1234", "C-4", "C 4", " C4", "CÉ4", "١٢٣"})
    void anythingButThreeLettersOrDigitsIsRefused(String number) {
        assertThatThrownBy(() -> Center.ofTeamNumber(number)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("teamNumber: must be 3 letters or digits");
    }

    @Test
    void nullIsRefusedByName() {
        assertThatThrownBy(() -> TeamNumber.of(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("teamNumber: is required");
    }

    @Test
    void numbersConsistentlyNamingOneCenterNameIt() {
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("CE4"), TeamNumber.of("DX4"), TeamNumber.of("114"))))
                .contains(Center.APPAREL_FOOTWEAR_TEXTILES);
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("CE4")))).contains(Center.APPAREL_FOOTWEAR_TEXTILES);
    }

    @Test
    void numbersNamingDifferentCentersOrAPortTeamNameNone() {
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("CE4"), TeamNumber.of("CE7")))).isEmpty();
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("CE4"), TeamNumber.of("ABC")))).isEmpty();
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("ABC"), TeamNumber.of("ABC")))).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> TeamNumber.commonCenter(List.of()));
    }
}
