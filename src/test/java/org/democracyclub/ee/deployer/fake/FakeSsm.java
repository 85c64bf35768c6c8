package org.democracyclub.ee.deployer.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** SSM Parameter Store: GetParameter only, the deployer's one SSM call. */
public final class FakeSsm {
    private final Map<String, String> parameters = new HashMap<>();

    public synchronized FakeSsm put(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    synchronized Object handle(String action, JsonNode request) {
        if (!action.equals("GetParameter")) {
            throw new FakeError(400, "InvalidAction", "the fake does not implement " + action);
        }
        String name = request.path("Name").asText();
        String value = parameters.get(name);
        if (value == null) {
            throw new FakeError(400, "ParameterNotFound", "Parameter " + name + " not found.");
        }
        return Map.of("Parameter", Map.of("Name", name, "Type", "String", "Value", value, "Version", 1,
                "DataType", "text"));
    }
}
