package org.democracyclub.ee.infra.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.democracyclub.ee.infra.policy.DeclaredResource;

/**
 * The program's resource graph as a Mermaid flowchart, for docs/architecture.md: one box per
 * resource, one subgraph per component, and an arrow wherever a resource's inputs name another
 * resource (its ID, ARN, DNS name or name). It is generated from an offline run, so it cannot
 * describe anything the program does not declare.
 */
public final class MermaidDiagram {
    /** Attributes by which one resource refers to another. */
    private static final List<String> REFERENCE_ATTRIBUTES = List.of("arn", "dnsName", "domainName", "name");

    private final OfflineRun run;
    private final Map<DeclaredResource, String> ids = new LinkedHashMap<>();

    public MermaidDiagram(OfflineRun run) {
        this.run = run;
        int n = 0;
        for (DeclaredResource resource : run.resources()) {
            ids.put(resource, "r" + n++);
        }
    }

    public String render() {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (DeclaredResource resource : run.resources()) {
            if (resource.parent() == null && !isProvider(resource)) {
                node(out, resource, "  ");
            }
        }
        for (String edge : edges()) {
            out.append("  ").append(edge).append('\n');
        }
        return out.toString();
    }

    private void node(StringBuilder out, DeclaredResource resource, String indent) {
        if (resource.isComponent()) {
            out.append(indent).append("subgraph ").append(ids.get(resource)).append("[\"")
                    .append(resource.name()).append("\"]\n");
            children(resource).forEach(child -> node(out, child, indent + "  "));
            out.append(indent).append("end\n");
        } else {
            out.append(indent).append(ids.get(resource)).append("[\"").append(resource.name()).append("<br/><small>")
                    .append(shortType(resource.type())).append("</small>\"]\n");
        }
    }

    private static boolean isProvider(DeclaredResource resource) {
        return resource.type().startsWith("pulumi:providers:");
    }

    private Stream<DeclaredResource> children(DeclaredResource parent) {
        return run.resources().stream().filter(child -> child.isChildOf(parent));
    }

    /** {@code aws:lb/targetGroup:TargetGroup} → {@code lb.TargetGroup}. */
    static String shortType(String type) {
        String[] parts = type.split(":");
        if (parts.length < 3) {
            return type;
        }
        String module = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
        return module + "." + parts[2];
    }

    private Set<String> edges() {
        Map<String, DeclaredResource> byReference = new LinkedHashMap<>();
        for (DeclaredResource resource : run.resources()) {
            if (resource.isComponent() || isProvider(resource)) {
                continue;
            }
            byReference.putIfAbsent(resource.id(), resource);
            Map<String, Object> computed = run.computedFor(resource);
            for (String attribute : REFERENCE_ATTRIBUTES) {
                // Only what AWS computes: an input such as a DNS record's name is not an identity.
                Object value = computed.get(attribute);
                if (value instanceof String text && !text.isBlank()) {
                    byReference.putIfAbsent(text, resource);
                }
            }
        }
        Set<String> edges = new LinkedHashSet<>();
        for (DeclaredResource from : run.resources()) {
            if (isProvider(from)) {
                continue;
            }
            List<String> strings = new ArrayList<>();
            collectStrings(from.inputs(), strings, true);
            for (String text : strings) {
                DeclaredResource to = byReference.get(text);
                if (to != null && to != from) {
                    edges.add(ids.get(from) + " --> " + ids.get(to));
                }
            }
        }
        return edges;
    }

    /** Every string in the inputs, except the resource's own name (which is not a reference). */
    private static void collectStrings(Object value, List<String> into, boolean top) {
        if (value instanceof String text) {
            into.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if (!(top && "name".equals(key))) {
                    collectStrings(inner, into, false);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> collectStrings(inner, into, false));
        }
    }
}
