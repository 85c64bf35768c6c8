package org.democracyclub.ee.infra.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one evaluation.
 *
 * @param environment the stack's environment
 * @param rules       every rule evaluated
 * @param violations  the violations left after suppressions, errors first
 * @param suppressed  the violations a suppression accepted, each with its reason
 * @param unused      valid suppressions that matched nothing (informational: a suppression may
 *                    only matter in some environments, e.g. a production-only rule)
 */
public record PolicyReport(String environment, List<Rule> rules, List<Violation> violations,
                           List<Suppressed> suppressed, List<Suppression> unused) {

    /** A violation accepted by a suppression. */
    public record Suppressed(Violation violation, Suppression suppression) {
    }

    public PolicyReport {
        rules = List.copyOf(rules);
        violations = List.copyOf(violations);
        suppressed = List.copyOf(suppressed);
        unused = List.copyOf(unused);
    }

    /** True when no violation is left: warnings fail too, unless suppressed with a reason. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** E.g. {@code 27 rules, 0 violations (2 suppressed)}. */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append(plural(rules.size(), "rule")).append(", ")
                .append(plural(violations.size(), "violation"));
        if (!suppressed.isEmpty()) {
            text.append(" (").append(suppressed.size()).append(" suppressed)");
        }
        return text.toString();
    }

    /** The report as people read it: summary, violations with their fixes, suppressions with reasons. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Policy (").append(environment).append("): ").append(summary()).append('\n');
        for (Violation v : violations) {
            text.append("  ").append(v.severity().label().toUpperCase()).append(' ').append(v.ruleId())
                    .append("  ").append(v.resourceType()).append("  ").append(v.resourceName()).append('\n')
                    .append("      problem: ").append(v.problem()).append('\n')
                    .append("      fix:     ").append(v.fix()).append('\n');
        }
        if (!suppressed.isEmpty()) {
            text.append("Suppressed:\n");
            for (Suppressed s : suppressed) {
                Violation v = s.violation();
                text.append("  ").append(v.ruleId()).append("  ").append(v.resourceType()).append("  ")
                        .append(v.resourceName()).append('\n')
                        .append("      reason:  ").append(s.suppression().reason().strip()).append('\n');
            }
        }
        if (!unused.isEmpty()) {
            text.append("Suppressions that matched nothing in this stack:\n");
            for (Suppression s : unused) {
                text.append("  ").append(s.ruleId()).append("  ").append(s.resourceType()).append("  ")
                        .append(s.resourceName()).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * The same report as plain maps and lists, for the preview's {@code --format json} (serialise
     * it with any JSON library; key order is stable).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", environment);
        map.put("summary", summary());
        map.put("passed", passed());
        map.put("rules", rules.stream().map(r -> ordered(
                "id", r.id(), "severity", r.severity().label(), "rationale", r.rationale())).toList());
        map.put("violations", violations.stream().map(v -> ordered(
                "ruleId", v.ruleId(), "severity", v.severity().label(), "resourceType", v.resourceType(),
                "resourceName", v.resourceName(), "problem", v.problem(), "fix", v.fix())).toList());
        map.put("suppressed", suppressed.stream().map(s -> ordered(
                "ruleId", s.violation().ruleId(), "resourceType", s.violation().resourceType(),
                "resourceName", s.violation().resourceName(), "reason", s.suppression().reason().strip())).toList());
        map.put("unusedSuppressions", unused.stream().map(s -> ordered(
                "ruleId", s.ruleId(), "resourceType", s.resourceType(), "resourceName", s.resourceName(),
                "reason", s.reason())).toList());
        return map;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
