package org.democracyclub.ee.bootstrap.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads one condition's values from a statement's JSON {@code Condition} block. */
final class PolicyJsonConditions {
    private PolicyJsonConditions() {
    }

    static List<String> values(JsonNode condition, String operator, String key) {
        List<String> values = new ArrayList<>();
        if (condition != null && condition.has(operator) && condition.get(operator).has(key)) {
            condition.get(operator).get(key).forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
