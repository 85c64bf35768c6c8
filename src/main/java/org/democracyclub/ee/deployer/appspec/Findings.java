package org.democracyclub.ee.deployer.appspec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.democracyclub.ee.common.Problem;
import org.democracyclub.ee.common.StrictYaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Collects the problems of one appspec file, with helpers that read YAML nodes and report
 * anything of the wrong shape instead of throwing, so one run lists every problem.
 */
final class Findings {
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    Findings(Path file) {
        this.file = file;
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    void add(int line, String message, String fix) {
        problems.add(new Problem(file, line, message, fix));
    }

    void add(Node at, String message, String fix) {
        add(line(at), message, fix);
    }

    static int line(Node node) {
        return StrictYaml.line(node);
    }

    /**
     * The entries of a mapping by key. Unknown keys (with the nearest allowed one as the fix),
     * duplicate keys and non-scalar keys are reported and left out; missing required keys too.
     */
    Map<String, Node> fields(MappingNode map, String what, Collection<String> allowed,
                             Collection<String> required) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Optional<String> key = scalar(tuple.getKeyNode());
            if (key.isEmpty()) {
                add(tuple.getKeyNode(), "a key in " + what + " is not a plain name", "write the key as a word");
            } else if (!allowed.contains(key.get())) {
                add(tuple.getKeyNode(), "unknown key '" + key.get() + "' in " + what,
                        Suggestions.closest(key.get(), allowed).map(s -> "did you mean " + s + "? ").orElse("")
                                + "allowed keys: " + String.join(", ", allowed));
            } else if (fields.containsKey(key.get())) {
                add(tuple.getKeyNode(), "duplicate key '" + key.get() + "' in " + what
                        + " (YAML keeps only one of them)", "remove one");
            } else {
                fields.put(key.get(), tuple.getValueNode());
            }
        }
        for (String name : required) {
            if (!fields.containsKey(name)) {
                add(map, what + " has no '" + name + "'", "add " + name + ": ...");
            }
        }
        return fields;
    }

    /** The text of a scalar node; empty (without reporting) for anything else. */
    static Optional<String> scalar(Node node) {
        return StrictYaml.scalar(node);
    }

    /** The text of a scalar that must not be empty, reporting it otherwise. */
    Optional<String> text(Node node, String what) {
        Optional<String> text = scalar(node).filter(s -> !s.isBlank());
        if (text.isEmpty()) {
            add(node, what + " must be a non-empty value", "write a single value on the same line");
        }
        return text;
    }

    Optional<MappingNode> mapping(Node node, String what) {
        if (node instanceof MappingNode m) {
            return Optional.of(m);
        }
        add(node, what + " must be a mapping of key: value lines", "indent its keys under it");
        return Optional.empty();
    }

    /** The items of a sequence; a mapping is reported as the common missing-dash mistake. */
    Optional<List<Node>> sequence(Node node, String what) {
        if (node instanceof SequenceNode s) {
            return Optional.of(s.getValue());
        }
        add(node, what + " must be a list", "start each entry with '- '");
        return Optional.empty();
    }
}
