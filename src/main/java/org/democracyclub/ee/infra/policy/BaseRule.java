package org.democracyclub.ee.infra.policy;

import java.util.List;
import java.util.Set;

/** Holds a rule's metadata so rule classes only say what they check. */
public abstract class BaseRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String rationale;

    protected BaseRule(String id, Severity severity, String rationale) {
        this.id = id;
        this.severity = severity;
        this.rationale = rationale;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String rationale() {
        return rationale;
    }

    @Override
    public final List<Violation> check(PolicyInput input) {
        Findings findings = new Findings(this);
        check(input, findings);
        return findings.list();
    }

    protected abstract void check(PolicyInput input, Findings findings);

    /** What a per-resource check does with one resource. */
    @FunctionalInterface
    public interface ResourceCheck {
        void check(DeclaredResource resource, PolicyInput input, Findings findings);
    }

    /** A rule that looks at each resource of the given types on its own. */
    public static Rule perResource(String id, Severity severity, String rationale, Set<String> types,
                                   ResourceCheck check) {
        return new BaseRule(id, severity, rationale) {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (DeclaredResource resource : input.resources()) {
                    if (types.contains(resource.type())) {
                        check.check(resource, input, findings);
                    }
                }
            }
        };
    }

    @Override
    public String toString() {
        return id + " (" + severity.label() + "): " + rationale;
    }
}
