package org.democracyclub.ee.infra.preview;

import java.util.List;
import java.util.Map;

/**
 * One resource as the program declared it.
 *
 * @param type   the Pulumi type token, e.g. {@code aws:lb/loadBalancer:LoadBalancer}
 * @param name   the logical name
 * @param parent the logical name of its parent component, or {@code null} at the top
 * @param parentType the type of its parent component, or {@code null} at the top
 * @param id     the ID the mock engine gave it ({@code null} for components)
 * @param inputs the resolved inputs, with Pulumi's camelCase property names
 * @param ignoreChanges  the properties Pulumi leaves alone after creation
 * @param retainOnDelete whether Pulumi forgets rather than deletes the resource when it is no longer declared
 */
public record DeclaredResource(String type, String name, String parent, String parentType, String id,
                               Map<String, Object> inputs, List<String> ignoreChanges, boolean retainOnDelete) {

    /** The value at a dotted path such as {@code metadataOptions.httpTokens}; list elements by index. */
    public Object at(String path) {
        Object value = inputs;
        for (String part : path.split("\\.")) {
            if (value instanceof Map<?, ?> map) {
                value = map.get(part);
            } else if (value instanceof List<?> list && part.matches("\\d+") && Integer.parseInt(part) < list.size()) {
                value = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return value;
    }

    /** Whether {@code other} is this resource's parent. */
    public boolean isChildOf(DeclaredResource other) {
        return other.name().equals(parent) && other.type().equals(parentType);
    }

    public boolean isComponent() {
        return id == null;
    }
}
