package org.democracyclub.ee.infra.policy;

import java.util.List;
import java.util.Set;

/**
 * Rules about the suppressions themselves. A suppression is only as good as its reason, and one
 * that names a rule the engine does not have (a typo, a renamed rule) silently hides nothing
 * while looking as if it does; both are violations. These rules cannot be suppressed.
 */
public final class SuppressionRules {
    public static final String BLANK_REASON = "EE-SUP-1";
    public static final String UNKNOWN_RULE = "EE-SUP-2";

    private SuppressionRules() {
    }

    static List<Rule> all(Set<String> knownRuleIds) {
        return List.of(blankReason(), unknownRule(knownRuleIds));
    }

    static boolean isSuppressible(String ruleId) {
        return !ruleId.startsWith("EE-SUP-");
    }

    /** A suppression the engine applies: it has a reason and names a suppressible, known rule. */
    static boolean isUsable(Suppression s, Set<String> knownRuleIds) {
        return s.hasReason() && isSuppressible(s.ruleId()) && knownRuleIds.contains(s.ruleId());
    }

    static Rule blankReason() {
        return new BaseRule(BLANK_REASON, Severity.ERROR,
                "A suppression must say why the exception is acceptable, so reviewers can judge it.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (Suppression s : input.suppressions()) {
                    if (!s.hasReason()) {
                        findings.add(s.resourceType(), s.resourceName(),
                                "suppression of " + s.ruleId() + " has no reason, so it is not applied",
                                "pass a reason to suppressions.suppress(...) that says why "
                                        + s.ruleId() + " does not apply here");
                    }
                }
            }
        };
    }

    static Rule unknownRule(Set<String> knownRuleIds) {
        return new BaseRule(UNKNOWN_RULE, Severity.ERROR,
                "A suppression naming a rule that does not exist (or cannot be suppressed) hides nothing.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (Suppression s : input.suppressions()) {
                    if (!isSuppressible(s.ruleId())) {
                        findings.add(s.resourceType(), s.resourceName(),
                                "suppression names " + s.ruleId() + ", a rule about suppressions, which cannot be suppressed",
                                "remove the suppression and fix the suppression it was meant to hide");
                    } else if (!knownRuleIds.contains(s.ruleId())) {
                        findings.add(s.resourceType(), s.resourceName(),
                                "suppression names unknown rule '" + s.ruleId() + "'",
                                "use one of the rule IDs in docs/policy.md, or remove the suppression");
                    }
                }
            }
        };
    }
}
