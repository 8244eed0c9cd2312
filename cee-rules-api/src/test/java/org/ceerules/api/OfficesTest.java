package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ceerules.api.Fixtures.onlyViolation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ceerules.api.DrawbackCenter.City;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfficesTest {

    @Test
    void officeIsSealedToTheFourKinds() {
        assertThat(Office.class.isSealed()).isTrue();
        assertThat(Office.class.getPermittedSubclasses()).containsExactlyInAnyOrder(Center.class, PortOfEntry.class,
                DrawbackCenter.class, RegulationsAndRulings.class);
    }

    @Test
    void officeTypesAreThoseOfTheJsonContract() {
        assertThat(Arrays.stream(OfficeType.values()).map(Enum::name))
                .containsExactly("CENTER", "PORT", "DRAWBACK_CENTER", "REGULATIONS_AND_RULINGS");
    }

    @Nested
    class PortCode {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2704", "5101", "0101"})
        void isFourDigits(String code) {
            PortOfEntry port = new PortOfEntry(code);
            assertThat(port.portCode()).isEqualTo(code);
            assertThat(port.type()).isEqualTo(OfficeType.PORT);
            assertThat(port.code()).contains(code);
            assertThat(port.district()).isEqualTo(code.substring(0, 2));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"27A4", "", "270", "27040", " 2704"})
        void rejectsAnythingElse(String code) {
            assertThat(onlyViolation(() -> new PortOfEntry(code)))
                    .isEqualTo(new Violation("portCode", "must be 4 digits, was " + Checks.quote(code)));
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> new PortOfEntry(null))).isEqualTo(new Violation("portCode", "is required"));
        }

        @Test
        void portsAreEqualByCode() {
            assertThat(new PortOfEntry("2704")).isEqualTo(new PortOfEntry("2704"))
                    .hasSameHashCodeAs(new PortOfEntry("2704")).isNotEqualTo(new PortOfEntry("2701"));
        }
    }

    @Nested
    class DrawbackCity {

        @Test
        void anyHasTheTypeAndNoCode() {
            DrawbackCenter any = DrawbackCenter.any();
            assertThat(any.type()).isEqualTo(OfficeType.DRAWBACK_CENTER);
            assertThat(any.city()).isEmpty();
            assertThat(any.code()).isEmpty();
            assertThat(any).isEqualTo(DrawbackCenter.any()).isEqualTo(new DrawbackCenter(Optional.empty()));
        }

        @Test
        void allListsTheFourInOrder() {
            List<Office> all = DrawbackCenter.all();
            assertThat(all).containsExactly(DrawbackCenter.of(City.NEW_YORK), DrawbackCenter.of(City.CHICAGO),
                    DrawbackCenter.of(City.SAN_FRANCISCO), DrawbackCenter.of(City.HOUSTON));
            assertThat(all).extracting(Office::code).containsExactly(Optional.of("NEW_YORK"), Optional.of("CHICAGO"),
                    Optional.of("SAN_FRANCISCO"), Optional.of("HOUSTON"));
            assertThat(all).extracting(Office::type).containsOnly(OfficeType.DRAWBACK_CENTER);
            assertThat(all).doesNotContain(DrawbackCenter.any());
            assertThatThrownBy(() -> all.add(DrawbackCenter.any())).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aCityIsItsCode() {
            assertThat(DrawbackCenter.of(City.HOUSTON).code()).contains("HOUSTON");
            assertThat(DrawbackCenter.of(City.HOUSTON)).isEqualTo(new DrawbackCenter(Optional.of(City.HOUSTON)))
                    .isNotEqualTo(DrawbackCenter.of(City.CHICAGO));
        }

        @Test
        void nullIsRefused() {
            assertThatNullPointerException().isThrownBy(() -> new DrawbackCenter(null)).withMessage("city");
            assertThatNullPointerException().isThrownBy(() -> DrawbackCenter.of(null));
        }
    }

    @Nested
    class Rulings {

        @Test
        void hasTheTypeAndNoCode() {
            RegulationsAndRulings office = new RegulationsAndRulings();
            assertThat(office.type()).isEqualTo(OfficeType.REGULATIONS_AND_RULINGS);
            assertThat(office.code()).isEmpty();
        }

        @Test
        void allInstancesAreEqual() {
            assertThat(new RegulationsAndRulings()).isEqualTo(new RegulationsAndRulings())
                    .hasSameHashCodeAs(new RegulationsAndRulings());
        }
    }

    @Test
    void officesOfDifferentKindsAreNotEqual() {
        List<Office> offices = List.of(Center.ELECTRONICS, new PortOfEntry("2704"), DrawbackCenter.any(),
                DrawbackCenter.of(City.NEW_YORK), new RegulationsAndRulings());
        for (int i = 0; i < offices.size(); i++) {
            for (int j = 0; j < offices.size(); j++) {
                assertThat(offices.get(i).equals(offices.get(j))).as("%s = %s", offices.get(i), offices.get(j))
                        .isEqualTo(i == j);
            }
        }
    }
}
