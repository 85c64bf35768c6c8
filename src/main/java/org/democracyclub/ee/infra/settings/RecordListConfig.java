package org.democracyclub.ee.infra.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings that are lists (of records), which the engine and the stack file both hand over as
 * JSON text: parsing them, refusing unknown record keys, and recording problems with the key and
 * the entry's index ({@code every-election:jobs[1].name}).
 */
final class RecordListConfig {

    private final TypedConfig values;
    private final List<String> problems;

    RecordListConfig(TypedConfig values, List<String> problems) {
        this.values = values;
        this.problems = problems;
    }

    static Optional<String> zoneProblem(String zone) {
        if (zone != null && ZoneId.getAvailableZoneIds().contains(zone)) {
            return Optional.empty();
        }
        return Optional.of("'" + orEmpty(zone) + "' is not a time zone; allowed: an IANA name such as UTC or Europe/London");
    }

    /** The setting as a list of records with only {@code allowed} keys; a problem otherwise. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records(String key, Set<String> allowed) {
        List<Map<String, Object>> records = new ArrayList<>();
        List<Object> raw = list(key);
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof Map<?, ?> map)) {
                problem(key, at(key, i) + ": '" + raw.get(i) + "' is not a mapping; allowed: keys "
                        + new java.util.TreeSet<>(allowed));
                continue;
            }
            for (Object field : map.keySet()) {
                if (!allowed.contains(String.valueOf(field))) {
                    problem(key, at(key, i) + "." + field + " is not a key of " + key + "; allowed: "
                            + new java.util.TreeSet<>(allowed));
                }
            }
            records.add((Map<String, Object>) map);
        }
        return records;
    }

    List<Object> list(String key) {
        String text = values.raw(key);
        try {
            Object value = text == null ? List.of() : Json.MAPPER.readValue(text, Object.class);
            if (value instanceof List<?> list) {
                return new ArrayList<>(list);
            }
        } catch (JsonProcessingException notJson) {
            // reported below
        }
        problem(key, "'" + text + "' is not a list; allowed: a YAML list, e.g. " + key + ": [] (see docs/operations.md)");
        return List.of();
    }

    static String text(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        return value == null ? null : String.valueOf(value);
    }

    String at(String key, int index) {
        return values.key(key) + "[" + index + "]";
    }

    void problem(String key, String message) {
        String prefix = message.startsWith(values.key(key)) ? "" : values.key(key) + ": ";
        problems.add(values.where(key) + prefix + message);
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
