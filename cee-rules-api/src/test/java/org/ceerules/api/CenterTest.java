package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CenterTest {

    @Test
    void thereAreTenCentersWithTeamCodes001To010InOrder() {
        assertThat(Center.values()).hasSize(10);
        assertThat(Arrays.stream(Center.values()).map(Center::teamCode))
                .containsExactly("001", "002", "003", "004", "005", "006", "007", "008", "009", "010");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Center.class)
    void ofTeamCodeRoundTrips(Center center) {
        assertThat(Center.ofTeamCode(center.teamCode())).contains(center);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"011", "000", "7", "07", "0007", "", " 007", "007 ", "ELECTRONICS", "10"})
    void ofTeamCodeIsEmptyForAnyOtherText(String code) {
        assertThat(Center.ofTeamCode(code)).isEmpty();
    }

    /** The Centers as tpd-2013 ("Center Team Designation") lists them. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        001 | PHARMACEUTICALS_HEALTH_CHEMICALS     | Pharmaceuticals, Health & Chemicals    | New York      | CEE-Pharmaceuticals@cbp.dhs.gov CEE-Chemicals@cbp.dhs.gov
        002 | AGRICULTURE_PREPARED_PRODUCTS        | Agriculture & Prepared Products        | Miami         | CEE-Agriculture@cbp.dhs.gov
        003 | AUTOMOTIVE_AEROSPACE                 | Automotive & Aerospace                 | Detroit       | CEE-Automotive@cbp.dhs.gov CEE-Aerospace@cbp.dhs.gov
        004 | APPAREL_FOOTWEAR_TEXTILES            | Apparel, Footwear & Textiles           | San Francisco | CEE-Apparel@cbp.dhs.gov
        005 | BASE_METALS                          | Base Metals                            | Chicago       | CEE-Basemetals@cbp.dhs.gov
        006 | PETROLEUM_NATURAL_GAS_MINERALS       | Petroleum, Natural Gas & Minerals      | Houston       | CEE-Petroleum@cbp.dhs.gov
        007 | ELECTRONICS                          | Electronics                            | Los Angeles   | CEE-Electronics@cbp.dhs.gov
        008 | CONSUMER_PRODUCTS_MASS_MERCHANDISING | Consumer Products & Mass Merchandising | Atlanta       | CEE-Consumer@cbp.dhs.gov
        009 | INDUSTRIAL_MANUFACTURING_MATERIALS   | Industrial & Manufacturing Materials   | Buffalo       | CEE-Industrialmaterials@cbp.dhs.gov
        010 | MACHINERY                            | Machinery                              | Laredo        | CEE-Machinery@cbp.dhs.gov
        """)
    void referenceDataMatchesTheProcedures(String team, Center center, String industry, String headquarters,
                                         String emails) {
        assertThat(center.teamCode()).isEqualTo(team);
        assertThat(center.industry()).isEqualTo(industry);
        assertThat(center.headquarters()).isEqualTo(headquarters);
        assertThat(center.emailAddresses()).containsExactly(emails.split(" "));
    }

    @Test
    void pharmaceuticalsHasTwoAddressesAndMachineryIsInLaredo() {
        assertThat(Center.ofTeamCode("001").orElseThrow().emailAddresses()).hasSize(2);
        assertThat(Center.ofTeamCode("010").orElseThrow().headquarters()).isEqualTo("Laredo");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Center.class)
    void isAnOfficeOfTypeCenterCodedByItsTeamCode(Center center) {
        Office office = center;
        assertThat(office.type()).isEqualTo(OfficeType.CENTER);
        assertThat(office.code()).contains(center.teamCode());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Center.class)
    void namesItsSourceAndHoldsItsAddressesImmutably(Center center) {
        assertThat(center.source()).isNotBlank();
        List<String> emails = center.emailAddresses();
        assertThat(emails).isNotEmpty().allSatisfy(e -> assertThat(e).endsWith("@cbp.dhs.gov"));
        assertThatThrownBy(() -> emails.add("x@y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void industriesHeadquartersAndAddressesAreDistinct() {
        assertThat(Arrays.stream(Center.values()).map(Center::industry).collect(Collectors.toSet())).hasSize(10);
        assertThat(Arrays.stream(Center.values()).map(Center::headquarters).collect(Collectors.toSet())).hasSize(10);
        assertThat(Arrays.stream(Center.values()).flatMap(c -> c.emailAddresses().stream())).doesNotHaveDuplicates();
    }
}
