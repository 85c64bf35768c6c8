package org.democracyclub.ee.infra.image;

import static org.democracyclub.ee.infra.image.ComponentDocumentValidator.line;
import static org.democracyclub.ee.infra.image.ComponentDocumentValidator.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.democracyclub.ee.common.Problem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Checks a document's {@code phases}: phase names, steps, actions and the expressions they use. */
final class PhaseChecker {

    /** A step as found, kept for the expression check that needs every step's name first. */
    record Step(String phase, String name, Optional<String> loopName, boolean hasLoop, MappingNode node) {
    }

    private final Path file;
    private final List<Problem> problems;
    private final Set<String> declaredVariables;

    PhaseChecker(Path file, List<Problem> problems, Set<String> declaredVariables) {
        this.file = file;
        this.problems = problems;
        this.declaredVariables = declaredVariables;
    }

    void check(Node phasesNode) {
        if (!(phasesNode instanceof SequenceNode phases) || phases.getValue().isEmpty()) {
            problems.add(new Problem(file, line(phasesNode), "phases must be a non-empty list"));
            return;
        }
        Map<String, Set<String>> stepsByPhase = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (Node phaseNode : phases.getValue()) {
            checkPhase(phaseNode, stepsByPhase, steps);
        }
        var expressions = new ExpressionChecker(file, problems, declaredVariables, stepsByPhase);
        steps.forEach(expressions::check);
    }

    private void checkPhase(Node phaseNode, Map<String, Set<String>> stepsByPhase, List<Step> steps) {
        if (!(phaseNode instanceof MappingNode phase)) {
            problems.add(new Problem(file, line(phaseNode), "each phase must be a mapping with name and steps"));
            return;
        }
        var fields = ComponentDocumentValidator.fields(phase, AwstoeRules.PHASE_KEYS, "phase", file, problems);
        NodeTuple nameTuple = fields.get("name");
        if (nameTuple == null) {
            problems.add(new Problem(file, line(phase), "phase without a name"));
            return;
        }
        String name = text(nameTuple.getValueNode());
        int nameLine = line(nameTuple.getValueNode());
        if (!AwstoeRules.PHASES.contains(name)) {
            problems.add(new Problem(file, nameLine, "phase '" + name + "' is not one of "
                    + String.join(", ", AwstoeRules.PHASES)));
        }
        if (stepsByPhase.containsKey(name)) {
            problems.add(new Problem(file, nameLine, "duplicate phase '" + name + "'"));
            return;
        }
        Set<String> stepNames = new HashSet<>();
        stepsByPhase.put(name, stepNames);
        NodeTuple stepsTuple = fields.get("steps");
        if (stepsTuple == null || !(stepsTuple.getValueNode() instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problems.add(new Problem(file, nameLine, "phase '" + name + "' must have a non-empty list of steps"));
            return;
        }
        for (Node stepNode : list.getValue()) {
            checkStep(name, stepNode, stepNames).ifPresent(steps::add);
        }
    }

    private Optional<Step> checkStep(String phase, Node stepNode, Set<String> stepNames) {
        if (!(stepNode instanceof MappingNode step)) {
            problems.add(new Problem(file, line(stepNode), "each step must be a mapping"));
            return Optional.empty();
        }
        var fields = ComponentDocumentValidator.fields(step, AwstoeRules.STEP_KEYS, "step", file, problems);
        NodeTuple nameTuple = fields.get("name");
        if (nameTuple == null) {
            problems.add(new Problem(file, line(step), "step in phase '" + phase + "' without a name"));
            return Optional.empty();
        }
        String name = text(nameTuple.getValueNode());
        int nameLine = line(nameTuple.getValueNode());
        if (!AwstoeRules.STEP_NAME.matcher(name).matches()) {
            problems.add(new Problem(file, nameLine, "step name '" + name
                    + "' must be 1 to 128 letters, digits, '-' or '_' (it is used in {{ phase.step... }} references)"));
        }
        if (!stepNames.add(name)) {
            problems.add(new Problem(file, nameLine, "duplicate step name '" + name + "' in phase '" + phase + "'"));
        }
        checkAction(fields.get("action"), name, step);
        checkOnFailure(fields.get("onFailure"));
        checkInteger(fields.get("timeoutSeconds"), -1, "timeoutSeconds must be -1 (no timeout) or a positive number of seconds");
        checkInteger(fields.get("maxAttempts"), 1, "maxAttempts must be a positive integer");
        NodeTuple loop = fields.get("loop");
        Optional<String> loopName = Optional.empty();
        if (loop != null && loop.getValueNode() instanceof MappingNode loopMap) {
            loopName = loopMap.getValue().stream()
                    .filter(t -> "name".equals(text(t.getKeyNode())))
                    .map(t -> text(t.getValueNode()))
                    .findFirst();
        }
        return Optional.of(new Step(phase, name, loopName, loop != null, step));
    }

    private void checkAction(NodeTuple action, String stepName, MappingNode step) {
        if (action == null) {
            problems.add(new Problem(file, line(step), "step '" + stepName + "' has no action"));
            return;
        }
        String value = text(action.getValueNode());
        if (!AwstoeRules.ACTIONS.contains(value)) {
            problems.add(new Problem(file, line(action.getValueNode()), "unknown action '" + value + "' in step '"
                    + stepName + "' (AWSTOE actions: " + String.join(", ", AwstoeRules.ACTIONS.stream().sorted().toList()) + ")"));
        }
    }

    private void checkOnFailure(NodeTuple onFailure) {
        if (onFailure != null && !AwstoeRules.ON_FAILURE.contains(text(onFailure.getValueNode()))) {
            problems.add(new Problem(file, line(onFailure.getValueNode()), "onFailure must be one of Abort, Continue, Ignore"));
        }
    }

    private void checkInteger(NodeTuple tuple, int minimum, String message) {
        if (tuple == null) {
            return;
        }
        boolean valid = tuple.getValueNode() instanceof ScalarNode s && s.getValue().matches("-?\\d{1,9}")
                && Integer.parseInt(s.getValue()) >= minimum && Integer.parseInt(s.getValue()) != 0;
        if (!valid) {
            problems.add(new Problem(file, line(tuple.getValueNode()), message + ", found '" + text(tuple.getValueNode()) + "'"));
        }
    }
}
