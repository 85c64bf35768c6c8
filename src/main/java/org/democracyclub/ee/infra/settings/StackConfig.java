package org.democracyclub.ee.infra.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.democracyclub.ee.common.StrictYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The raw configuration of one stack, keyed by full key ({@code every-election:minSize},
 * {@code aws:region}). It comes either from the stack file (offline preview, tests) or from
 * the values the Pulumi engine hands the program; both are read into the same shape so that one
 * reader validates them.
 *
 * @param stack    the stack name
 * @param fileName the stack file the values live in, for messages
 * @param values   the values by full key
 */
public record StackConfig(String stack, String fileName, Map<String, ConfigValue> values) {

    /** Environment variables through which the Pulumi language host passes configuration. */
    static final String ENGINE_CONFIG = "PULUMI_CONFIG";
    static final String ENGINE_SECRET_KEYS = "PULUMI_CONFIG_SECRET_KEYS";

    public static String fileNameOf(String stack) {
        return "Pulumi." + stack + ".yaml";
    }

    /** Reads {@code Pulumi.<stack>.yaml}; {@code secure:} values are secrets whose text is unknown. */
    public static StackConfig fromStackFile(Path projectDir, String stack) {
        String fileName = fileNameOf(stack);
        Path file = projectDir.resolve(fileName);
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = StrictYaml.compose(reader);
        } catch (NoSuchFileException e) {
            throw problem(fileName + ": not found in " + projectDir.toAbsolutePath().normalize()
                    + "; the stacks are " + Environment.allowedNames());
        } catch (StrictYaml.SyntaxError e) {
            // Without a line SnakeYAML could not read the stream at all.
            throw problem(e.line() > 0
                    ? fileName + " line " + e.line() + ": not valid YAML (" + e.reason()
                            + "); fix the syntax, e.g. 'every-election:minSize: 1'"
                    : fileName + ": cannot be read: " + e.reason());
        } catch (IOException e) {
            throw problem(fileName + ": cannot be read: " + e.getMessage());
        }
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        Node config = root instanceof MappingNode mapping ? valueOf(mapping, "config") : null;
        if (config == null) {
            return new StackConfig(stack, fileName, Map.of());
        }
        if (!(config instanceof MappingNode configMap)) {
            throw problem(fileName + " line " + line(config) + ": 'config' must be a mapping of key: value");
        }
        for (NodeTuple entry : configMap.getValue()) {
            String key = ((ScalarNode) entry.getKeyNode()).getValue();
            Node value = entry.getValueNode();
            if (value instanceof ScalarNode scalar) {
                values.put(key, ConfigValue.plain(scalar.getValue(), line(entry.getKeyNode())));
            } else if (value instanceof MappingNode secure && valueOf(secure, "secure") != null) {
                values.put(key, new ConfigValue(null, true, line(entry.getKeyNode())));
            } else {
                // A list or mapping (structured configuration): the engine hands the program such a
                // value as JSON text, so the stack file's is read into the same shape.
                values.put(key, ConfigValue.plain(structuredAsJson(value), line(entry.getKeyNode())));
            }
        }
        // In the file's order: what the policy rules and the preview print follows it.
        return new StackConfig(stack, fileName, java.util.Collections.unmodifiableMap(values));
    }

    /**
     * Reads the configuration the Pulumi engine passes to a running program: a JSON object of
     * full key to text, and a JSON list of the keys that are secrets.
     */
    public static StackConfig fromEngine(String stack, Map<String, String> environment) {
        ObjectMapper json = Json.MAPPER;
        try {
            Map<String, String> raw = json.readValue(
                    environment.getOrDefault(ENGINE_CONFIG, "{}"), new TypeReference<Map<String, String>>() {});
            Set<String> secretKeys = Set.copyOf(json.readValue(
                    environment.getOrDefault(ENGINE_SECRET_KEYS, "[]"), new TypeReference<List<String>>() {}));
            Map<String, ConfigValue> values = new LinkedHashMap<>();
            raw.forEach((key, text) -> values.put(key, new ConfigValue(text, secretKeys.contains(key), 0)));
            return new StackConfig(stack, fileNameOf(stack), Map.copyOf(values));
        } catch (IOException e) {
            throw problem(ENGINE_CONFIG + " from the Pulumi engine is not valid JSON: " + e.getMessage());
        }
    }

    /** A YAML list or mapping as JSON text, the form {@code PULUMI_CONFIG} carries it in. */
    private static String structuredAsJson(Node node) {
        Object value = StrictYaml.construct(node);
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("YAML lists and mappings are always JSON-serialisable", e);
        }
    }

    private static Node valueOf(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
                .map(NodeTuple::getValueNode).findFirst().orElse(null);
    }

    private static int line(Node node) {
        return StrictYaml.line(node);
    }

    private static InvalidSettingsException problem(String message) {
        return new InvalidSettingsException(List.of(message));
    }
}
