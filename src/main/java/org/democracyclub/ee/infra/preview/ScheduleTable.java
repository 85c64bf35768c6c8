package org.democracyclub.ee.infra.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.settings.Json;

/**
 * The EventBridge Scheduler schedules a stack declares, as a table a reviewer can read at a
 * glance: when, in which time zone, which runbook, and the job and command it runs.
 */
final class ScheduleTable {
    static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
    private static final List<String> COLUMNS = List.of("schedule", "when", "timeZone", "runbook", "runs");

    private ScheduleTable() {
    }

    /** One row per schedule, sorted by name. */
    static List<Map<String, String>> rows(List<DeclaredResource> resources) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (DeclaredResource r : resources) {
            if (!r.type().equals(SCHEDULE)) {
                continue;
            }
            JsonNode input = parse(String.valueOf(r.at("target.input")));
            JsonNode parameters = input.path("Parameters");
            String runs = parameters.has("Command")
                    ? parameters.path("JobName").path(0).asText() + ": " + parameters.path("Command").path(0).asText()
                    + " (timeout " + parameters.path("TimeoutSeconds").path(0).asText() + " s)"
                    : "Action=" + parameters.path("Action").path(0).asText();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("schedule", String.valueOf(r.at("name")));
            row.put("when", String.valueOf(r.at("scheduleExpression")));
            row.put("timeZone", String.valueOf(r.at("scheduleExpressionTimezone")));
            row.put("runbook", input.path("DocumentName").asText());
            row.put("runs", runs);
            rows.add(row);
        }
        rows.sort(Comparator.comparing(row -> row.get("schedule")));
        return rows;
    }

    /** The table as text, or nothing when the stack has no schedules. */
    static String text(List<DeclaredResource> resources) {
        List<Map<String, String>> rows = rows(resources);
        if (rows.isEmpty()) {
            return "";
        }
        Map<String, Integer> widths = new LinkedHashMap<>();
        COLUMNS.forEach(c -> widths.put(c, Math.max(c.length(),
                rows.stream().mapToInt(row -> row.get(c).length()).max().orElse(0))));
        StringBuilder out = new StringBuilder("\nSchedules (EventBridge Scheduler):\n");
        line(out, widths, Map.of("schedule", "schedule", "when", "when", "timeZone", "timeZone",
                "runbook", "runbook", "runs", "runs"));
        rows.forEach(row -> line(out, widths, row));
        return out.toString();
    }

    private static void line(StringBuilder out, Map<String, Integer> widths, Map<String, String> row) {
        StringBuilder line = new StringBuilder("  ");
        for (String column : COLUMNS) {
            String cell = row.get(column);
            line.append(cell).append(" ".repeat(widths.get(column) - cell.length() + 2));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
