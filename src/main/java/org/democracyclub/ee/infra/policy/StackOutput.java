package org.democracyclub.ee.infra.policy;

/** One stack output: its name, its value as the mock resolved it, and whether it is a Pulumi secret. */
public record StackOutput(String name, Object value, boolean secret) {
}
