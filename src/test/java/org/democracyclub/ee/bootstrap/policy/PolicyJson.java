package org.democracyclub.ee.bootstrap.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.StreamSupport;
import org.democracyclub.ee.infra.iam.Wildcard;

/**
 * Policies read back from their JSON, as IAM would read them, with a minimal evaluator: an
 * action on a resource is allowed when an Allow statement matches both by IAM's wildcards.
 * Conditions are ignored, so "allowed" here is an upper bound of what IAM allows: enough to prove
 * that something is NOT granted, and that what the program needs is not forgotten.
 */
final class PolicyJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One statement as read from JSON. */
    record Statement(String policy, String sid, String effect, List<String> actions, List<String> resources,
            JsonNode condition) {
        boolean matches(String action, String resource) {
            return actions.stream().anyMatch(a -> Wildcard.matches(a, action, true))
                    && resources.stream().anyMatch(r -> Wildcard.matches(r, resource, false));
        }
    }

    private final List<Statement> statements = new ArrayList<>();

    PolicyJson(java.util.Map<String, String> documentsByName) {
        documentsByName.forEach(this::add);
    }

    private void add(String name, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            for (JsonNode s : root.get("Statement")) {
                statements.add(new Statement(name, s.get("Sid").asText(), s.get("Effect").asText(),
                        strings(s.get("Action")), strings(s.get("Resource")), s.get("Condition")));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Statement> statements() {
        return statements;
    }

    boolean allows(String action, String resource) {
        return statements.stream().anyMatch(s -> s.effect().equals("Allow") && s.matches(action, resource));
    }

    /** Statements that grant an action matching the given one (by the statement's wildcards). */
    List<Statement> granting(String action) {
        return statements.stream()
                .filter(s -> s.effect().equals("Allow"))
                .filter(s -> s.actions().stream().anyMatch(a -> Wildcard.matches(a, action, true)))
                .toList();
    }

    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    static boolean anyMatches(Collection<String> patterns, String value) {
        return patterns.stream().anyMatch(p -> Wildcard.matches(p, value, false));
    }
}
