package org.democracyclub.ee.infra.settings;

/**
 * A key declared in the {@code config:} block of {@code Pulumi.yaml}.
 *
 * @param key          the key without namespace, e.g. {@code instanceType}
 * @param type         {@code string}, {@code integer} or {@code boolean}
 * @param defaultValue the default as text, or {@code null} when the key must be set per stack
 * @param secret       whether the value must be a Pulumi secret
 */
public record ConfigDeclaration(String key, String type, String defaultValue, boolean secret) {
}
