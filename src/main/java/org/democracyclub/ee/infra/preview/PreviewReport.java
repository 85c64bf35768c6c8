package org.democracyclub.ee.infra.preview;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.policy.PolicyReport;
import org.democracyclub.ee.infra.settings.Json;

/**
 * Renders an offline run for people (a resource tree with the properties that matter, then
 * the stack outputs) or for tools (JSON). Secret values are masked in both.
 */
public final class PreviewReport {
    static final String MASK = "[secret]";
    private static final int VALUE_WIDTH = 160;

    private final String stack;
    private final OfflineRun run;
    private final PolicyReport policy;
    private final List<String> secrets;
    private final List<String> notes;

    /**
     * @param stack   the stack name
     * @param run     what the program declared
     * @param policy  the policy rules' verdict on it
     * @param secrets values to mask wherever they appear
     * @param notes   lines the reader should see first (fixture, placeholders)
     */
    public PreviewReport(String stack, OfflineRun run, PolicyReport policy, List<String> secrets, List<String> notes) {
        this.stack = stack;
        this.run = run;
        this.policy = policy;
        this.secrets = secrets;
        this.notes = notes;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        long components = run.resources().stream().filter(DeclaredResource::isComponent).count();
        out.append("Stack ").append(stack).append(": ").append(run.resources().size() - components)
                .append(" resources in ").append(components).append(" components\n");
        notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        out.append('\n');
        for (DeclaredResource resource : run.resources()) {
            if (resource.parent() == null) {
                tree(out, resource, "");
            }
        }
        out.append(ScheduleTable.text(run.resources()));
        out.append("\nOutputs:\n");
        int width = run.outputs().keySet().stream().mapToInt(String::length).max().orElse(0);
        run.outputs().forEach((key, value) -> out.append("  ").append(pad(key, width)).append("  ")
                .append(run.secretOutputs().contains(key) ? MASK : mask(value)).append('\n'));
        out.append('\n').append(policy.render().strip()).append('\n');
        return out.toString();
    }

    private void tree(StringBuilder out, DeclaredResource resource, String indent) {
        out.append(indent).append(resource.isComponent() ? "▸ " : "• ").append(resource.name())
                .append("  (").append(resource.type()).append(")\n");
        for (String path : KeyProperties.of(resource.type(), resource.inputs())) {
            Object value = resource.at(path);
            if (value != null) {
                String text = format(mask(value));
                // Policy documents are what a reviewer reads in full.
                out.append(indent).append("      ").append(path).append(": ")
                        .append(path.toLowerCase(java.util.Locale.ROOT).endsWith("policy") ? text : shorten(text))
                        .append('\n');
            }
        }
        run.resources().stream().filter(child -> child.isChildOf(resource))
                .forEach(child -> tree(out, child, indent + "    "));
    }

    public String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("stack", stack);
        document.put("notes", notes);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (DeclaredResource r : run.resources()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", r.type());
            entry.put("name", r.name());
            entry.put("parent", r.parent());
            entry.put("parentType", r.parentType());
            entry.put("id", r.id());
            entry.put("inputs", mask(r.inputs()));
            resources.add(entry);
        }
        document.put("resources", resources);
        document.put("schedules", ScheduleTable.rows(run.resources()));
        Map<String, Object> outputs = new LinkedHashMap<>();
        run.outputs().forEach((k, v) -> outputs.put(k, run.secretOutputs().contains(k) ? MASK : mask(v)));
        document.put("outputs", outputs);
        document.put("policy", policy.toMap());
        try {
            return Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the preview is made of maps, lists and scalars", e);
        }
    }

    private Object mask(Object value) {
        if (value instanceof String s) {
            String masked = s;
            for (String secret : secrets) {
                masked = masked.replace(secret, MASK);
            }
            return masked;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), mask(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::mask).toList();
        }
        return value;
    }

    /** Whole numbers without the ".0" the engine's doubles carry; maps and lists compactly. */
    static String format(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                    .map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PreviewReport::format).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static String shorten(String text) {
        return text.length() <= VALUE_WIDTH ? text : text.substring(0, VALUE_WIDTH - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
