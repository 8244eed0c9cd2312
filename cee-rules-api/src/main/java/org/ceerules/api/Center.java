package org.ceerules.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
            List<String> problems = new ArrayList<>();
            try (InputStream in = Center.class.getResourceAsStream(DATA_FILE)) {
                if (in == null) {
                    throw new IllegalStateException(DATA_FILE + " is missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int number = 0;
                boolean header = true;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    List<String> cells = Checks.splitCsv(line);
                    String where = DATA_FILE + ":" + number + ": ";
                    if (cells.size() != 7) {
                        problems.add(where + "expected 7 columns, found " + cells.size() + ": " + line);
                        continue;
                    }
                    Optional<Center> center = ofTeamCode(cells.get(0));
                    if (center.isEmpty() || !center.get().name().equals(cells.get(1))) {
                        problems.add(where + "team " + cells.get(0) + " is not Center " + cells.get(1) + ": " + line);
                        continue;
                    }
                    if (rows.containsKey(center.get())) {
                        problems.add(where + "second row for team " + cells.get(0));
                        continue;
                    }
                    List<String> emails = List.of(cells.get(4).split(";"));
                    if (cells.get(2).isBlank() || cells.get(3).isBlank() || cells.get(6).isBlank()
                            || emails.stream().anyMatch(e -> !e.contains("@"))) {
                        problems.add(where + "industry, hq, source and e-mail addresses are required: " + line);
                        continue;
                    }
                    rows.put(center.get(), new Row(cells.get(2), cells.get(3), emails, cells.get(6)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DATA_FILE, e);
            }
            for (Center center : values()) {
                if (!rows.containsKey(center)) {
                    problems.add(DATA_FILE + ": no row for team " + center.teamCode);
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("\n", problems));
            }
            return rows;
        }
    }
}
