package org.democracyclub.ee.infra.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every rule over one stack's declared resources and applies the program's suppressions.
 *
 * <pre>{@code
 * PolicyReport report = PolicyEngine.standard().evaluate(input);
 * System.out.println(report.render());
 * if (!report.passed()) { ... exit non-zero ... }
 * }</pre>
 */
public final class PolicyEngine {
    /** Orders a report: errors first, then by rule, resource type and name. */
    static final Comparator<Violation> ORDER = Comparator
            .comparing(Violation::severity)
            .thenComparing(Violation::ruleId)
            .thenComparing(Violation::resourceType)
            .thenComparing(Violation::resourceName);

    private final List<Rule> rules;

    /**
     * An engine over these rules plus the suppression rules (EE-SUP-*), which every engine has
     * because a suppression must be checked against the rule IDs the engine actually knows.
     */
    public PolicyEngine(List<Rule> rules) {
        Set<String> ids = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("two rules share the ID " + rule.id());
            }
        }
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(SuppressionRules.all(ids));
        this.rules = List.copyOf(all);
    }

    /** The project's rule set (see docs/policy.md). */
    public static PolicyEngine standard() {
        return new PolicyEngine(PolicyRules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    public PolicyReport evaluate(PolicyInput input) {
        List<Violation> found = new ArrayList<>();
        for (Rule rule : rules) {
            try {
                found.addAll(rule.check(input));
            } catch (RuntimeException e) {
                // A rule that cannot read the input is a bug in the rule; say which one.
                throw new IllegalStateException("policy rule " + rule.id() + " failed: " + e.getMessage(), e);
            }
        }

        List<Suppression> usable = input.suppressions().stream()
                .filter(s -> SuppressionRules.isUsable(s, ruleIds()))
                .toList();
        List<Violation> open = new ArrayList<>();
        List<PolicyReport.Suppressed> suppressed = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (Violation violation : found) {
            Suppression match = SuppressionRules.isSuppressible(violation.ruleId())
                    ? usable.stream().filter(s -> s.matches(violation)).findFirst().orElse(null)
                    : null;
            if (match == null) {
                open.add(violation);
            } else {
                suppressed.add(new PolicyReport.Suppressed(violation, match));
                used.add(match);
            }
        }
        open.sort(ORDER);
        suppressed.sort(Comparator.comparing(PolicyReport.Suppressed::violation, ORDER));
        List<Suppression> unused = usable.stream().filter(s -> !used.contains(s)).toList();
        return new PolicyReport(input.environment(), rules, open, suppressed, unused);
    }

    private Set<String> ruleIds() {
        Set<String> ids = new HashSet<>();
        rules.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
