package org.democracyclub.ee.infra.operations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps that keep the order they are written in. {@code Map.of} iterates in an order that changes
 * from one JVM run to the next, which would make a runbook's content or an event pattern differ
 * on every {@code pulumi preview} and be updated for nothing.
 */
final class Ordered {
    private Ordered() {
    }

    static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
