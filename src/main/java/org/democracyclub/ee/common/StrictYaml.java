package org.democracyclub.ee.common;

import java.io.Reader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The one way this project reads a YAML file it validates (stack files, appspecs, image
 * components, the fixture): SnakeYAML's safe constructor (no Java types from tags), as a node tree
 * where it matters that every node keeps its line for the messages. Both jars ship SnakeYAML
 * (pom.xml, the shade executions), so the deployer may use it too.
 */
public final class StrictYaml {
    private StrictYaml() {
    }

    /** The YAML is not well-formed: where (1-based line, 0 when unknown) and SnakeYAML's reason. */
    public static final class SyntaxError extends RuntimeException {
        private final int line;
        private final String reason;

        SyntaxError(int line, String reason, YAMLException cause) {
            super(reason, cause);
            this.line = line;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        /** What is wrong: the marked problem, or the whole message when SnakeYAML has no mark. */
        public String reason() {
            return reason;
        }
    }

    /** The node tree of the stream's one document (null when empty), or a {@link SyntaxError}. */
    public static Node compose(Reader reader) {
        try {
            return safe().compose(reader);
        } catch (MarkedYAMLException e) {
            throw new SyntaxError(e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    e.getProblem(), e);
        } catch (YAMLException e) {
            throw new SyntaxError(0, e.getMessage(), e);
        }
    }

    /** Plain Java maps, lists and scalars of the text's one document (SnakeYAML errors pass through). */
    public static Object load(String text) {
        return safe().load(text);
    }

    /** Plain Java maps, lists and scalars of the stream's one document (SnakeYAML errors pass through). */
    public static Object load(java.io.InputStream in) {
        return safe().load(in);
    }

    /** A node of a composed tree as plain Java maps, lists and scalars. */
    public static Object construct(Node node) {
        return new SafeConstructor(new LoaderOptions()) {
            Object build() {
                return constructObject(node);
            }
        }.build();
    }

    /** 1-based line where the node starts. */
    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The text of a scalar node; empty for a mapping or a list. */
    public static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    private static Yaml safe() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
