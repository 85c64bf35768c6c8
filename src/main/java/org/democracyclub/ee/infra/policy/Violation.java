package org.democracyclub.ee.infra.policy;

/**
 * One broken rule on one resource.
 *
 * @param ruleId       e.g. {@code EE-EC2-1}
 * @param severity     the rule's severity
 * @param resourceType Pulumi type token (or {@code pulumi:pulumi:Stack} for outputs and config)
 * @param resourceName logical name (or {@code output:<name>} / {@code config:<key>})
 * @param problem      what is wrong, with the offending value
 * @param fix          how to fix it
 */
public record Violation(String ruleId, Severity severity, String resourceType, String resourceName,
                        String problem, String fix) {
}
