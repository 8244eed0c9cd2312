package org.ceerules.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code --as-of}: an ISO-8601 date {@code yyyy-MM-dd} from 1900-01-01 to 2199-12-31, the
 * range of every date of a request, nothing else. A bad date, or one out of that range, is a usage
 * error naming the option (picocli prefixes the message with {@code Invalid value for option
 * '--as-of'}).
 */
final class AsOfConverter implements CommandLine.ITypeConverter<LocalDate> {

    /** The first date accepted: the first a request may carry. */
    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    /** The first date no longer accepted: the first a request may no longer carry. */
    static final LocalDate END = LocalDate.of(2200, 1, 1);

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public LocalDate convert(String value) {
        if (!ISO_DATE.matcher(value).matches()) {
            throw new CommandLine.TypeConversionException("must be a date yyyy-MM-dd, was '" + value + "'");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("is not a date of the calendar: '" + value + "'");
        }
        if (date.isBefore(FIRST) || !date.isBefore(END)) {
            throw new CommandLine.TypeConversionException("must be on or after " + FIRST + " and before " + END
                    + ", was '" + value + "'");
        }
        return date;
    }
}
