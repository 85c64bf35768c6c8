package org.democracyclub.ee.infra.policy;

import java.util.ArrayList;
import java.util.List;

/** Collects one rule's violations, stamping each with the rule's ID and severity. */
public final class Findings {
    private final Rule rule;
    private final List<Violation> violations = new ArrayList<>();

    public Findings(Rule rule) {
        this.rule = rule;
    }

    public void add(DeclaredResource resource, String problem, String fix) {
        add(resource.type(), resource.name(), problem, fix);
    }

    public void add(String resourceType, String resourceName, String problem, String fix) {
        violations.add(new Violation(rule.id(), rule.severity(), resourceType, resourceName, problem, fix));
    }

    public List<Violation> list() {
        return List.copyOf(violations);
    }
}
