package org.democracyclub.ee.infra.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.democracyclub.ee.infra.settings.Json;

/**
 * An IAM policy document: statements rendered to JSON with Jackson, so no policy is ever a
 * hand-escaped string template.
 */
public record PolicyDocument(List<PolicyStatement> statements) {

    public PolicyDocument {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a policy document needs at least one statement");
        }
        Set<String> sids = new HashSet<>();
        for (PolicyStatement statement : statements) {
            if (!sids.add(statement.sid())) {
                throw new IllegalArgumentException("duplicate Sid " + statement.sid());
            }
            if (statement.actions().isEmpty()) {
                throw new IllegalArgumentException(statement.sid() + " has no action");
            }
            if (statement.resources().isEmpty() && statement.principal().isEmpty()) {
                throw new IllegalArgumentException(statement.sid() + " has neither resource nor principal");
            }
        }
    }

    public static PolicyDocument of(PolicyStatement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    /** Compact JSON, the form IAM measures against its size quotas. */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a policy of plain strings", e);
        }
    }

    private Map<String, Object> tree() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements.stream().map(PolicyDocument::statementTree).toList());
        return document;
    }

    private static Map<String, Object> statementTree(PolicyStatement statement) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("Sid", statement.sid());
        tree.put("Effect", statement.effect().json());
        if (!statement.principal().isEmpty()) {
            tree.put("Principal", statement.principal());
        }
        tree.put("Action", statement.actions());
        if (!statement.resources().isEmpty()) {
            tree.put("Resource", statement.resources());
        }
        if (!statement.conditions().isEmpty()) {
            // IAM groups conditions by operator, then by key.
            Map<String, Map<String, List<String>>> byOperator = new LinkedHashMap<>();
            for (PolicyStatement.Condition condition : statement.conditions()) {
                byOperator.computeIfAbsent(condition.operator(), k -> new LinkedHashMap<>())
                        .put(condition.key(), condition.values());
            }
            tree.put("Condition", byOperator);
        }
        return tree;
    }
}
