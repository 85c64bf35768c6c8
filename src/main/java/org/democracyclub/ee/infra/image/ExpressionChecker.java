package org.democracyclub.ee.infra.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.democracyclub.ee.common.Problem;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks the {@code {{ ... }}} expressions in a step. AWSTOE resolves three kinds, and anything
 * else reaches the build instance as literal text, so it is reported here instead:
 * <ul>
 *   <li>{@code {{ name }}}: a parameter or constant, which must be declared in the document;</li>
 *   <li>{@code {{ loop.value }}}, {@code {{ <loop name>.index }}}: the step's own loop;</li>
 *   <li>{@code {{ phase.step.inputs... }}}, {@code {{ phase.step.outputs... }}}: chaining to a
 *       step of this document.</li>
 * </ul>
 */
final class ExpressionChecker {

    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern LOOP_MEMBER = Pattern.compile("([A-Za-z0-9_-]+)\\.(index|value)");
    private static final Pattern CHAINING =
            Pattern.compile("([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.(inputs|outputs)(\\[\\d+])?(\\.[A-Za-z0-9_]+)*");

    private final Path file;
    private final List<Problem> problems;
    private final Set<String> declared;
    private final Map<String, Set<String>> stepsByPhase;

    ExpressionChecker(Path file, List<Problem> problems, Set<String> declared, Map<String, Set<String>> stepsByPhase) {
        this.file = file;
        this.problems = problems;
        this.declared = declared;
        this.stepsByPhase = stepsByPhase;
    }

    void check(PhaseChecker.Step step) {
        for (NodeTuple tuple : step.node().getValue()) {
            if (!"name".equals(ComponentDocumentValidator.text(tuple.getKeyNode()))) {
                scalars(tuple.getValueNode(), scalar -> checkScalar(step, scalar));
            }
        }
    }

    private void checkScalar(PhaseChecker.Step step, ScalarNode scalar) {
        Matcher m = EXPRESSION.matcher(scalar.getValue());
        while (m.find()) {
            String reason = problemWith(step, m.group(1));
            if (reason != null) {
                problems.add(new Problem(file, lineAt(scalar, m.start()), reason));
            }
        }
    }

    /** Why the expression cannot resolve, or null if it can. */
    private String problemWith(PhaseChecker.Step step, String expression) {
        if (VARIABLE.matcher(expression).matches()) {
            return declared.contains(expression) ? null
                    : "parameter '" + expression + "' is used in step '" + step.name()
                      + "' but not declared under parameters (declared: " + String.join(", ", new TreeSet<>(declared)) + ")";
        }
        Matcher loop = LOOP_MEMBER.matcher(expression);
        if (loop.matches()) {
            String owner = loop.group(1);
            boolean resolves = owner.equals("loop") ? step.hasLoop() : step.loopName().filter(owner::equals).isPresent();
            return resolves ? null : "'{{ " + expression + " }}' in step '" + step.name()
                    + "' refers to a loop that this step does not define";
        }
        Matcher chaining = CHAINING.matcher(expression);
        if (chaining.matches()) {
            String phase = chaining.group(1);
            String target = chaining.group(2);
            boolean exists = stepsByPhase.getOrDefault(phase, Set.of()).contains(target);
            return exists ? null : "'{{ " + expression + " }}' refers to step '" + target + "' in phase '" + phase
                    + "', which this document does not have";
        }
        return "'{{ " + expression + " }}' is neither a declared parameter, a loop variable, nor a "
                + "<phase>.<step>.inputs|outputs reference";
    }

    /**
     * YAML reads an unquoted {@code - {{ name }}} as a nested mapping, not as text, so AWSTOE
     * would never substitute it; AWSTOE requires such values to be quoted.
     */
    static void rejectUnquotedExpressions(Path file, Node root, List<Problem> problems) {
        walk(root, node -> {
            if (node instanceof MappingNode map && map.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                    && map.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof MappingNode)) {
                problems.add(new Problem(file, ComponentDocumentValidator.line(map),
                        "an unquoted {{ ... }} expression is read by YAML as a mapping: put the value in quotes"));
            }
        });
    }

    private static void scalars(Node node, Consumer<ScalarNode> action) {
        walk(node, n -> {
            if (n instanceof ScalarNode s) {
                action.accept(s);
            }
        });
    }

    private static void walk(Node node, Consumer<Node> action) {
        action.accept(node);
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                walk(t.getKeyNode(), action);
                walk(t.getValueNode(), action);
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(child -> walk(child, action));
        }
    }

    /** 1-based line of a character of a scalar; block scalars start on the line after their indicator. */
    static int lineAt(ScalarNode scalar, int offset) {
        int newlines = (int) scalar.getValue().substring(0, offset).chars().filter(c -> c == '\n').count();
        boolean block = scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED;
        return scalar.getStartMark().getLine() + 1 + (block ? 1 : 0) + newlines;
    }
}
