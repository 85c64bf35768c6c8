package org.democracyclub.ee.bootstrap.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.democracyclub.ee.infra.iam.Wildcard;

/**
 * A small evaluator of identity policies, over their JSON as IAM receives it. It decides one
 * request (action, resource ARN, request context) the way IAM's policy evaluation logic does for a
 * single account: an explicit Deny wins, otherwise an Allow is needed, otherwise the implicit deny
 * applies; a permissions boundary, when given, must allow as well.
 *
 * <p>Supported, and only this (anything else fails the test loudly, so nothing is silently
 * treated as allowed): Effect Allow/Deny; Action and NotAction with {@code *}/{@code ?} wildcards,
 * case-insensitive; Resource and NotResource with wildcards; condition operators StringEquals,
 * StringNotEquals, StringLike, StringNotLike, ArnEquals, ArnLike, Bool and Null, each optionally
 * with ForAllValues: or ForAnyValue:, and the IfExists suffix (true when the key is absent). Semantics as IAM documents them: values of one key are ORed,
 * keys and operators ANDed; a missing key makes a positive operator false and a negated one true;
 * ForAllValues over a missing key is true, ForAnyValue false. Not modelled: resource-based
 * policies, SCPs, session policies, policy variables.
 */
final class IamEvaluator {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One API request: what is done, to what, and the context keys IAM would set for it. */
    record Request(String action, String resource, Map<String, List<String>> context) {
        static Request of(String action, String resource) {
            return new Request(action, resource, Map.of());
        }

        Request with(String key, String... values) {
            Map<String, List<String>> more = new java.util.HashMap<>(context);
            more.put(key, List.of(values));
            return new Request(action, resource, Map.copyOf(more));
        }
    }

    enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    private final List<JsonNode> statements = new ArrayList<>();

    IamEvaluator(Collection<String> policyJsons) {
        for (String json : policyJsons) {
            try {
                JSON.readTree(json).get("Statement").forEach(statements::add);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Decision decide(Request request) {
        boolean allowed = false;
        for (JsonNode statement : statements) {
            if (!applies(statement, request)) {
                continue;
            }
            if (statement.get("Effect").asText().equals("Deny")) {
                return Decision.EXPLICIT_DENY;
            }
            allowed = true;
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    boolean allows(Request request) {
        return decide(request) == Decision.ALLOW;
    }

    /** Allowed by these policies and by the boundary too (a role created with it). */
    boolean allowsWithin(IamEvaluator boundary, Request request) {
        return allows(request) && boundary.allows(request);
    }

    private static boolean applies(JsonNode statement, Request request) {
        boolean action = statement.has("Action")
                ? anyMatch(strings(statement.get("Action")), request.action(), true)
                : !anyMatch(strings(statement.get("NotAction")), request.action(), true);
        if (!action) {
            return false;
        }
        boolean resource = statement.has("Resource")
                ? anyMatch(strings(statement.get("Resource")), request.resource(), false)
                : !anyMatch(strings(statement.get("NotResource")), request.resource(), false);
        return resource && conditionsHold(statement.get("Condition"), request.context());
    }

    private static boolean conditionsHold(JsonNode conditions, Map<String, List<String>> context) {
        if (conditions == null) {
            return true;
        }
        var operators = conditions.fields();
        while (operators.hasNext()) {
            var operator = operators.next();
            var keys = operator.getValue().fields();
            while (keys.hasNext()) {
                var key = keys.next();
                List<String> present = contextValues(context, key.getKey());
                if (!holds(operator.getKey(), present, strings(key.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Context keys are case-insensitive in IAM. */
    private static List<String> contextValues(Map<String, List<String>> context, String key) {
        return context.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static boolean holds(String operator, List<String> present, List<String> values) {
        String set = operator.contains(":") ? operator.substring(0, operator.indexOf(':')) : "";
        String base = operator.substring(operator.indexOf(':') + 1);
        if (base.endsWith("IfExists")) {
            if (present == null) {
                return true;
            }
            base = base.substring(0, base.length() - "IfExists".length());
        }
        if (base.equals("Null")) {
            boolean wantsAbsent = values.contains("true");
            return (present == null) == wantsAbsent;
        }
        boolean negated = base.contains("Not");
        String positive = base.replace("Not", "");
        if (present == null) {
            return switch (set) {
                case "ForAllValues" -> true;
                case "ForAnyValue" -> false;
                default -> negated;
            };
        }
        return switch (set) {
            case "ForAllValues" -> present.stream().allMatch(v -> matchesAny(positive, v, values) != negated);
            case "ForAnyValue" -> present.stream().anyMatch(v -> matchesAny(positive, v, values) != negated);
            case "" -> present.stream().anyMatch(v -> matchesAny(positive, v, values)) != negated;
            default -> throw new IllegalArgumentException("unsupported set operator " + operator);
        };
    }

    private static boolean matchesAny(String operator, String value, List<String> values) {
        return values.stream().anyMatch(expected -> switch (operator) {
            case "StringEquals" -> expected.equals(value);
            // IAM documents ArnEquals and ArnLike alike: both take * and ? in each ARN field.
            case "StringLike", "ArnEquals", "ArnLike" -> Wildcard.matches(expected, value, false);
            case "Bool" -> expected.equalsIgnoreCase(value);
            default -> throw new IllegalArgumentException("the evaluator does not model " + operator);
        });
    }

    private static boolean anyMatch(List<String> patterns, String value, boolean ignoreCase) {
        return patterns.stream().anyMatch(p -> Wildcard.matches(p, value, ignoreCase));
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
}
