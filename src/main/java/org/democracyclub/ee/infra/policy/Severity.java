package org.democracyclub.ee.infra.policy;

/**
 * How bad a violation is. Both fail the build unless suppressed with a reason (the issue asks
 * the build to fail on any violation); severity orders the report and says how urgent a fix is.
 */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase();
    }
}
