package org.democracyclub.ee.infra.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy (or trust, or resource policy) document built from data and rendered with
 * Jackson; unlike the platform's builder it carries principals and conditions, which the
 * operations roles and the topic policy need (confused-deputy guards).
 */
final class OpsPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Map<String, Object>> statements = new ArrayList<>();

    static OpsPolicy create() {
        return new OpsPolicy();
    }

    OpsPolicy allow(String sid, List<String> actions, List<String> resources) {
        return add(sid, null, actions, resources, null);
    }

    /** Lets {@code services} assume the role, only on behalf of this account. */
    OpsPolicy trust(List<String> services, String accountId) {
        return add("Trust", Map.of("Service", services), List.of("sts:AssumeRole"), null,
                Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
    }

    /** Lets {@code services} do {@code actions} on {@code resources}, only for this account's resources. */
    OpsPolicy allowServices(String sid, List<String> services, List<String> actions, List<String> resources,
                            String accountId) {
        return add(sid, Map.of("Service", services), actions, resources,
                Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
    }

    private OpsPolicy add(String sid, Object principal, List<String> actions, List<String> resources,
                          Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        if (principal != null) {
            statement.put("Principal", principal);
        }
        statement.put("Action", actions);
        if (resources != null) {
            statement.put("Resource", resources);
        }
        if (condition != null) {
            statement.put("Condition", condition);
        }
        statements.add(statement);
        return this;
    }

    String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy built from strings, lists and maps is always serialisable", e);
        }
    }
}
