package org.democracyclub.ee.infra.image;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.democracyclub.ee.common.Problem;
import org.democracyclub.ee.common.StrictYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks one component document against {@link AwstoeRules}. Works on SnakeYAML's node tree
 * rather than on plain maps, because nodes keep their line numbers for the messages.
 */
final class ComponentDocumentValidator {

    /** The document if it is valid, and the problems found (empty when valid). */
    record Result(Optional<ComponentDocument> document, List<Problem> problems) {
    }

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    private ComponentDocumentValidator(Path file) {
        this.file = file;
    }

    static Result validate(Path file, String key, String text) {
        return new ComponentDocumentValidator(file).run(key, text);
    }

    private Result run(String key, String text) {
        if (text.length() > AwstoeRules.MAX_DOCUMENT_CHARS) {
            problems.add(new Problem(file, 0, "the document has " + text.length() + " characters; Image Builder"
                    + " accepts at most " + AwstoeRules.MAX_DOCUMENT_CHARS + " in a component"));
        }
        Node root;
        try {
            root = StrictYaml.compose(new StringReader(text));
        } catch (StrictYaml.SyntaxError e) {
            problems.add(new Problem(file, e.line(), "not valid YAML: " + e.reason()));
            return new Result(Optional.empty(), problems);
        }
        if (!(root instanceof MappingNode top)) {
            problems.add(new Problem(file, root == null ? 0 : line(root), "the document must be a YAML mapping"));
            return new Result(Optional.empty(), problems);
        }
        Map<String, NodeTuple> fields = fields(top, AwstoeRules.TOP_LEVEL_KEYS, "document");
        String name = requiredScalar(fields, "name", top);
        String description = requiredScalar(fields, "description", top);
        checkSchemaVersion(fields, top);
        List<ComponentDocument.Parameter> parameters = variables(fields.get("parameters"), "parameter",
                AwstoeRules.PARAMETER_KEYS, "default");
        List<ComponentDocument.Parameter> constants = variables(fields.get("constants"), "constant",
                AwstoeRules.CONSTANT_KEYS, "value");
        Set<String> declared = new HashSet<>();
        parameters.forEach(p -> declared.add(p.name()));
        for (var constant : constants) {
            if (declared.contains(constant.name())) {
                problems.add(new Problem(file, line(fields.get("constants").getValueNode()),
                        "'" + constant.name() + "' is declared both as a parameter and as a constant"));
            }
        }
        constants.forEach(c -> declared.add(c.name()));
        NodeTuple phases = fields.get("phases");
        if (phases == null) {
            problems.add(new Problem(file, line(top), "missing required key 'phases'"));
        } else {
            new PhaseChecker(file, problems, declared).check(phases.getValueNode());
        }
        ExpressionChecker.rejectUnquotedExpressions(file, root, problems);
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new ComponentDocument(key, file, name, description, text, parameters)), problems);
    }

    private void checkSchemaVersion(Map<String, NodeTuple> fields, MappingNode top) {
        NodeTuple tuple = fields.get("schemaVersion");
        if (tuple == null) {
            problems.add(new Problem(file, line(top), "missing required key 'schemaVersion' (must be "
                    + AwstoeRules.SCHEMA_VERSION + ")"));
        } else if (!(tuple.getValueNode() instanceof ScalarNode s) || !s.getValue().equals(AwstoeRules.SCHEMA_VERSION)) {
            problems.add(new Problem(file, line(tuple.getValueNode()), "schemaVersion must be "
                    + AwstoeRules.SCHEMA_VERSION + ", found '" + text(tuple.getValueNode()) + "'"));
        }
    }

    /** Parameters or constants: a list of single-key mappings {@code - <name>: {type: string, ...}}. */
    private List<ComponentDocument.Parameter> variables(NodeTuple section, String kind, Set<String> keys, String valueKey) {
        List<ComponentDocument.Parameter> result = new ArrayList<>();
        if (section == null) {
            return result;
        }
        if (!(section.getValueNode() instanceof SequenceNode list)) {
            problems.add(new Problem(file, line(section.getValueNode()), kind + "s must be a list"));
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode entry) || entry.getValue().size() != 1) {
                problems.add(new Problem(file, line(item), "each " + kind + " must be a mapping of its name to its settings"));
                continue;
            }
            NodeTuple only = entry.getValue().get(0);
            String name = text(only.getKeyNode());
            if (!AwstoeRules.VARIABLE_NAME.matcher(name).matches()) {
                problems.add(new Problem(file, line(only.getKeyNode()), kind + " name '" + name
                        + "' must be 3 to 128 letters, digits, '-' or '_'"));
            }
            if (!seen.add(name)) {
                problems.add(new Problem(file, line(only.getKeyNode()), "duplicate " + kind + " '" + name + "'"));
            }
            Optional<String> value = Optional.empty();
            if (only.getValueNode() instanceof MappingNode settings) {
                Map<String, NodeTuple> f = fields(settings, keys, kind + " '" + name + "'");
                NodeTuple type = f.get("type");
                if (type == null || !"string".equals(text(type.getValueNode()))) {
                    problems.add(new Problem(file, line(settings), kind + " '" + name + "' must have type: string"));
                }
                value = Optional.ofNullable(f.get(valueKey)).map(t -> text(t.getValueNode()));
            } else {
                problems.add(new Problem(file, line(only.getValueNode()), kind + " '" + name + "' must have settings (type: string)"));
            }
            result.add(new ComponentDocument.Parameter(name, value));
        }
        return result;
    }

    private String requiredScalar(Map<String, NodeTuple> fields, String key, MappingNode owner) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null) {
            problems.add(new Problem(file, line(owner), "missing required key '" + key + "'"));
            return "";
        }
        if (!(tuple.getValueNode() instanceof ScalarNode s) || s.getValue().isBlank()) {
            problems.add(new Problem(file, line(tuple.getValueNode()), "'" + key + "' must be a non-empty string"));
            return "";
        }
        return s.getValue();
    }

    /** The mapping's entries by key, reporting duplicate and unknown keys. */
    static Map<String, NodeTuple> fields(MappingNode mapping, Set<String> allowed, String where,
                                         Path file, List<Problem> problems) {
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode());
            if (!allowed.contains(key)) {
                problems.add(new Problem(file, line(tuple.getKeyNode()), "unknown key '" + key + "' in " + where
                        + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            } else if (result.putIfAbsent(key, tuple) != null) {
                problems.add(new Problem(file, line(tuple.getKeyNode()), "duplicate key '" + key + "' in " + where));
            }
        }
        return result;
    }

    private Map<String, NodeTuple> fields(MappingNode mapping, Set<String> allowed, String where) {
        return fields(mapping, allowed, where, file, problems);
    }

    /** 1-based line where the node starts. */
    static int line(Node node) {
        return StrictYaml.line(node);
    }

    static String text(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "<" + node.getNodeId() + ">";
    }
}
