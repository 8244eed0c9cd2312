package org.ceerules.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ten Centers of Excellence and Expertise.
 *
 * <p>The constants are the Centers' identities; their reference data (industry, headquarters,
 * e-mail addresses and the source of each) is read from the data file {@code
 * org/ceerules/api/centers.csv}, one row per Center, so that it can be read and diffed without
 * reading Java. A missing or malformed row stops this class from loading, naming the file and
 * line.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum Center implements Office {
    /** Team 001, Pharmaceuticals, Health &amp; Chemicals, New York. */
    PHARMACEUTICALS_HEALTH_CHEMICALS("001"),
    /** Team 002, Agriculture &amp; Prepared Products, Miami. */
    AGRICULTURE_PREPARED_PRODUCTS("002"),
    /** Team 003, Automotive &amp; Aerospace, Detroit. */
    AUTOMOTIVE_AEROSPACE("003"),
    /** Team 004, Apparel, Footwear &amp; Textiles, San Francisco. */
    APPAREL_FOOTWEAR_TEXTILES("004"),
    /** Team 005, Base Metals, Chicago. */
    BASE_METALS("005"),
    /** Team 006, Petroleum, Natural Gas &amp; Minerals, Houston. */
    PETROLEUM_NATURAL_GAS_MINERALS("006"),
    /** Team 007, Electronics, Los Angeles. */
    ELECTRONICS("007"),
    /** Team 008, Consumer Products &amp; Mass Merchandising, Atlanta. */
    CONSUMER_PRODUCTS_MASS_MERCHANDISING("008"),
    /** Team 009, Industrial &amp; Manufacturing Materials, Buffalo. */
    INDUSTRIAL_MANUFACTURING_MATERIALS("009"),
    /** Team 010, Machinery, Laredo. */
    MACHINERY("010");

    private static final String DATA_FILE = "centers.csv";

    private final String teamCode;

    Center(String teamCode) {
        this.teamCode = teamCode;
    }

    /**
     * @return the team code, {@code 001} to {@code 010}
     */
    public String teamCode() {
        return teamCode;
    }

    /**
     * @return the industry the Center covers, such as {@code Base Metals}
     */
    public String industry() {
        return Data.ROWS.get(this).industry();
    }

    /**
     * @return the city the Center is coordinated from
     */
    public String headquarters() {
        return Data.ROWS.get(this).headquarters();
    }

    /**
     * @return the Center's e-mail addresses, at least one
     */
    public List<String> emailAddresses() {
        return Data.ROWS.get(this).emails();
    }

    /**
     * @return where the Center's reference data comes from
     */
    public String source() {
        return Data.ROWS.get(this).source();
    }

    /**
     * The Center with a team code.
     *
     * @param teamCode a team code such as {@code 007}
     * @return the Center, or empty if no Center has that team code
     */
    public static Optional<Center> ofTeamCode(String teamCode) {
        for (Center center : values()) {
            if (center.teamCode.equals(teamCode)) {
                return Optional.of(center);
            }
        }
        return Optional.empty();
    }

    /**
     * The Center a CBP team number names, as printed on an entry summary (CBP Form 7501): its
     * third character, a digit, names the Center ({@code 4} for Apparel, Footwear &amp;
     * Textiles; {@code 0} for Machinery, team 010). A team whose third character is a letter is
     * a port's team. See {@link TeamNumber} for the reading's certainty and source.
     *
     * @param teamNumber a team number: three letters or digits, such as {@code CE4}
     * @return the Center, or empty for a port's team
     * @throws InvalidRequestException naming the field {@code teamNumber} if the text is not a
     *                                 team number
     * @since 0.1
     */
    public static Optional<Center> ofTeamNumber(String teamNumber) {
        return TeamNumber.of(teamNumber).center();
    }

    @Override
    public OfficeType type() {
        return OfficeType.CENTER;
    }

    @Override
    public Optional<String> code() {
        return Optional.of(teamCode);
    }

    private record Row(String industry, String headquarters, List<String> emails, String source) {
    }

    /** Reads the data file once, when a Center's reference data is first asked for. */
    private static final class Data {
        static final Map<Center, Row> ROWS = load();

        private static Map<Center, Row> load() {
            Map<Center, Row> rows = new EnumMap<>(Center.class);
            DataFile file = DataFile.read(DATA_FILE,
                    List.of("team", "constant", "industry", "hq", "emails", "status", "source"));
            for (DataFile.Row row : file.rows()) {
                Optional<Center> center = ofTeamCode(row.cell(0));
                if (center.isEmpty() || !center.get().name().equals(row.cell(1))) {
                    file.problem(row.line(), "team " + row.cell(0) + " is not Center " + row.cell(1) + ": " + row.text());
                    continue;
                }
                if (rows.containsKey(center.get())) {
                    file.problem(row.line(), "second row for team " + row.cell(0));
                    continue;
                }
                List<String> emails = List.of(row.cell(4).split(";"));
                if (row.cell(2).isBlank() || row.cell(3).isBlank() || row.cell(6).isBlank()
                        || emails.stream().anyMatch(e -> !e.contains("@"))) {
                    file.problem(row.line(), "industry, hq, source and e-mail addresses are required: " + row.text());
                    continue;
                }
                rows.put(center.get(), new Row(row.cell(2), row.cell(3), emails, row.cell(6)));
            }
            for (Center center : values()) {
                if (!rows.containsKey(center)) {
                    file.problem("no row for team " + center.teamCode);
                }
            }
            file.requireValid();
            return rows;
        }
    }
}
