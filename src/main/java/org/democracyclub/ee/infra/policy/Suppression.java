package org.democracyclub.ee.infra.policy;

/**
 * An accepted exception to one rule for one resource, with the reason the report prints.
 * A blank reason does not suppress anything: it is reported as {@code EE-SUP-1}.
 */
public record Suppression(String resourceType, String resourceName, String ruleId, String reason) {

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    public boolean matches(Violation violation) {
        return violation.ruleId().equals(ruleId)
                && violation.resourceType().equals(resourceType)
                && violation.resourceName().equals(resourceName);
    }
}
