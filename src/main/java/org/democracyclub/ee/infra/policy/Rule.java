package org.democracyclub.ee.infra.policy;

import java.util.List;

/** A policy rule over everything a stack declares. */
public interface Rule {
    /** Stable ID, e.g. {@code EE-EC2-1}; suppressions name it. */
    String id();

    Severity severity();

    /** One line: why the rule exists. */
    String rationale();

    /** The violations found in the input (empty when the stack complies). */
    List<Violation> check(PolicyInput input);
}
