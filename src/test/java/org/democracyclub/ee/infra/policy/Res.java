package org.democracyclub.ee.infra.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny mutable builder for DeclaredResources, shaped like the mock engine's inputs. */
final class Res {
    final String type;
    final String name;
    final Map<String, Object> inputs = new LinkedHashMap<>();
    String provider;

    private Res(String type, String name) {
        this.type = type;
        this.name = name;
    }

    static Res of(String type, String name) {
        return new Res(type, name);
    }

    /** Sets a value at a dotted path, creating the objects on the way. */
    @SuppressWarnings("unchecked")
    Res set(String path, Object value) {
        String[] steps = path.split("\\.");
        Map<String, Object> current = inputs;
        for (int i = 0; i < steps.length - 1; i++) {
            current = (Map<String, Object>) current.computeIfAbsent(steps[i], k -> new LinkedHashMap<>());
        }
        current.put(steps[steps.length - 1], value);
        return this;
    }

    @SuppressWarnings("unchecked")
    Res remove(String path) {
        String[] steps = path.split("\\.");
        Map<String, Object> current = inputs;
        for (int i = 0; i < steps.length - 1; i++) {
            current = (Map<String, Object>) current.get(steps[i]);
        }
        current.remove(steps[steps.length - 1]);
        return this;
    }

    Res provider(String ref) {
        this.provider = ref;
        return this;
    }

    String id() {
        return name + "-id";
    }

    DeclaredResource build() {
        return new DeclaredResource(type, name, id(), inputs, provider);
    }

    /** An object literal: obj("key", value, "key2", value2). */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A mutable list literal. */
    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
