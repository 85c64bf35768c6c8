package org.democracyclub.ee.infra.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Safe reads of nested resource inputs as the mock engine hands them over: objects are Maps,
 * arrays are Lists, numbers may be Integer or Double, and booleans are sometimes strings
 * (the launch template's {@code ebs.encrypted} is a string property in pulumi-aws). A missing
 * step anywhere in a path gives "absent", never an exception, so rules read like the registry docs.
 */
public final class Props {
    private Props() {
    }

    /** The value at a dotted path ({@code "metadataOptions.httpTokens"}) below {@code root}, or null. */
    /** The value at a dotted path such as {@code metadataOptions.httpTokens}; list elements by index ({@code a.0.b}). */
    public static Object at(Object root, String path) {
        Object current = root;
        for (String step : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step.matches("\\d+") && Integer.parseInt(step) < list.size()) {
                current = list.get(Integer.parseInt(step));
            } else {
                return null;
            }
        }
        return current;
    }

    public static Optional<String> string(Object root, String path) {
        Object value = at(root, path);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** True/false from a Boolean or a "true"/"false" string; anything else is absent. */
    public static Optional<Boolean> bool(Object root, String path) {
        Object value = at(root, path);
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        return Optional.empty();
    }

    public static Optional<Number> number(Object root, String path) {
        Object value = at(root, path);
        if (value instanceof Number n) {
            return Optional.of(n);
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The list at a path; a single non-list value counts as a one-element list, absent as empty. */
    public static List<Object> list(Object root, String path) {
        Object value = at(root, path);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(value);
    }

    /** The elements of the list at a path that are objects (Maps); other elements are skipped. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Object root, String path) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object element : list(root, path)) {
            if (element instanceof Map<?, ?> m) {
                result.add((Map<String, Object>) m);
            }
        }
        return result;
    }

    /** The strings of the list at a path (non-null elements, rendered with toString). */
    public static List<String> strings(Object root, String path) {
        List<String> result = new ArrayList<>();
        for (Object element : list(root, path)) {
            if (element != null) {
                result.add(String.valueOf(element));
            }
        }
        return result;
    }

    /** The object at a path, or an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object root, String path) {
        Object value = at(root, path);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
