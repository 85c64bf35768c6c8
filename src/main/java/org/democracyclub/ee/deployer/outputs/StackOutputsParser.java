package org.democracyclub.ee.deployer.outputs;

import static org.democracyclub.ee.common.StackOutputs.*;

import java.util.Map;
import org.democracyclub.ee.deployer.BadInputException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Reads the JSON object that {@code pulumi stack output --json} prints (and the stack copies to
 * SSM). Every problem names its source and key, because the person reading it has to fix the
 * stack, not the deployer.
 */
public final class StackOutputsParser {
    private StackOutputsParser() {
    }

    /** @param source where the text came from, e.g. the file or parameter name, for messages */
    public static DeployTarget parse(String json, String source) {
        Map<String, JsonNode> fields = object(json, source);
        for (String key : REQUIRED_KEYS) {
            JsonNode node = fields.get(key);
            if (node == null || node.isNull()) {
                throw new BadInputException("stack outputs " + source + ": missing key '" + key + "'");
            }
        }
        FleetCapacity capacity = new FleetCapacity(
                number(fields, MIN_SIZE, source),
                number(fields, DESIRED_CAPACITY, source),
                number(fields, MAX_SIZE, source));
        if (capacity.minSize() > capacity.desiredCapacity() || capacity.desiredCapacity() > capacity.maxSize()) {
            throw new BadInputException("stack outputs " + source + ": capacity must satisfy min <= desired <= max, got " + capacity);
        }
        return new DeployTarget(
                text(fields, ENVIRONMENT, source),
                text(fields, REGION, source),
                text(fields, APPLICATION_NAME, source),
                text(fields, DEPLOYMENT_GROUP_NAME, source),
                text(fields, AUTO_SCALING_GROUP_NAME, source),
                capacity,
                text(fields, REVISION_BUCKET, source),
                text(fields, URL, source));
    }

    private static Map<String, JsonNode> object(String json, String source) {
        JsonNode root;
        try {
            root = JsonNodeParser.create().parse(json);
        } catch (RuntimeException e) {
            throw new BadInputException("stack outputs " + source + ": not valid JSON (" + e.getMessage() + ")");
        }
        if (!root.isObject()) {
            throw new BadInputException("stack outputs " + source + ": expected a JSON object");
        }
        return root.asObject();
    }

    private static String text(Map<String, JsonNode> fields, String key, String source) {
        JsonNode node = fields.get(key);
        if (!node.isString() || node.asString().isBlank()) {
            throw new BadInputException("stack outputs " + source + ": key '" + key + "' must be a non-empty string");
        }
        return node.asString();
    }

    /** Pulumi prints numbers as JSON numbers; a string holding an integer is accepted too. */
    private static int number(Map<String, JsonNode> fields, String key, String source) {
        JsonNode node = fields.get(key);
        String raw = node.isNumber() ? node.asNumber() : node.isString() ? node.asString().trim() : null;
        try {
            if (raw != null) {
                int value = new java.math.BigDecimal(raw).intValueExact();
                if (value >= 0) {
                    return value;
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadInputException("stack outputs " + source + ": key '" + key + "' must be a non-negative integer, got " + node.text());
    }
}
