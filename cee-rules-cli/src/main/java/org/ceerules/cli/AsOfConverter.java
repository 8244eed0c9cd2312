package org.ceerules.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --as-of}: an ISO-8601 date {@code yyyy-MM-dd}, nothing else. A bad date is a usage error. */
final class AsOfConverter implements CommandLine.ITypeConverter<LocalDate> {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public LocalDate convert(String value) {
        if (!ISO_DATE.matcher(value).matches()) {
            throw new CommandLine.TypeConversionException("must be a date yyyy-MM-dd, was '" + value + "'");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("is not a date of the calendar: '" + value + "'");
        }
    }
}
