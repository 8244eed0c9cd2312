package org.ceerules.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceerules.api.EntryLine;
import org.ceerules.api.RoutingRequest;
import org.ceerules.json.JsonTree;

/**
 * Test helper: the sample request ({@code samples/participant-consumption.json}), as JSON, with
 * one field changed or removed by its path ({@code entrySummary.lines[0].hts}).
 */
public final class Requests {

    /** The sample request (valid: entry number 345-6789012-3), on one line. */
    public static final String VALID = JsonTree.write(JsonTree.parse("""
            {
              "asOf": "2016-05-02",
              "account": {
                "importerNumber": "12-345678900",
                "name": "Nokia Inc",
                "center": "007",
                "participationStart": "2014-03-01",
                "withdrawalEffective": "2017-01-01"
              },
              "entrySummary": {
                "entryNumber": "345-6789012-3",
                "entryType": "01",
                "portOfEntry": "2704",
                "entryDate": "2016-04-20",
                "lines": [
                  { "hts": "8517.62.0090", "enteredValue": "125000.00", "adcvdCase": "A-570-000" }
                ]
              }
            }"""));

    /** Marks a field to remove. */
    public static final Object REMOVE = new Object();

    private Requests() {
    }

    /**
     * @param path     the field, {@code entrySummary.lines[0].hts}
     * @param jsonText the field's new value as JSON text, such as {@code 1}, {@code "x"}, {@code null}
     * @return the valid request with that one change, as one line of JSON
     */
    public static String with(String path, String jsonText) {
        return change(VALID, path, JsonTree.parse(jsonText));
    }

    /**
     * @param path the field to remove
     * @return the valid request without it, as one line of JSON
     */
    public static String without(String path) {
        return change(VALID, path, REMOVE);
    }

    /**
     * @param json  a request as JSON
     * @param path  the field to change
     * @param value the new value (maps, lists, strings...), or {@link #REMOVE}
     * @return the changed request, as one line of JSON
     */
    @SuppressWarnings("unchecked")
    public static String change(String json, String path, Object value) {
        Object root = JsonTree.parse(json);
        String[] steps = path.replace("[", ".[").split("\\.");
        Object container = root;
        for (int i = 0; i < steps.length - 1; i++) {
            container = step(container, steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.startsWith("[")) {
            List<Object> list = (List<Object>) container;
            int index = Integer.parseInt(last.substring(1, last.length() - 1));
            if (value == REMOVE) {
                list.remove(index);
            } else {
                list.set(index, value);
            }
        } else if (value == REMOVE) {
            ((Map<String, Object>) container).remove(last);
        } else {
            ((Map<String, Object>) container).put(last, value);
        }
        return JsonTree.write(root);
    }

    /**
     * @param request a request
     * @return the request as the contract's JSON on one line: the optional fields only when present,
     *         the entered value as the exact text of its decimal
     */
    public static String json(RoutingRequest request) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("importerNumber", request.account().importerNumber());
        account.put("name", request.account().name());
        request.account().center().ifPresent(c -> account.put("center", c.teamCode()));
        request.account().participationStart().ifPresent(d -> account.put("participationStart", d.toString()));
        request.account().withdrawalEffective().ifPresent(d -> account.put("withdrawalEffective", d.toString()));
        List<Object> lines = new ArrayList<>();
        for (EntryLine line : request.entrySummary().lines()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("hts", line.hts());
            l.put("enteredValue", line.enteredValue().toString());
            line.adcvdCase().ifPresent(c -> l.put("adcvdCase", c));
            lines.add(l);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("entryNumber", request.entrySummary().entryNumber());
        summary.put("entryType", request.entrySummary().entryType());
        summary.put("portOfEntry", request.entrySummary().portOfEntry());
        summary.put("entryDate", request.entrySummary().entryDate().toString());
        summary.put("lines", lines);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("asOf", request.asOf().toString());
        root.put("account", account);
        root.put("entrySummary", summary);
        return JsonTree.write(root);
    }

    private static Object step(Object container, String step) {
        if (step.startsWith("[")) {
            return ((List<?>) container).get(Integer.parseInt(step.substring(1, step.length() - 1)));
        }
        return ((Map<?, ?>) container).get(step);
    }
}
