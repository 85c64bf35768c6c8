package org.democracyclub.ee.infra.policy;

/**
 * One key of a stack file's {@code config:} block.
 *
 * @param key        the full key, e.g. {@code every-election:originVerifySecret}
 * @param secure     whether the YAML holds it as {@code {secure: ...}} (encrypted by Pulumi)
 * @param plainValue the value as written when not secure (rendered as text), else null
 */
public record ConfigEntry(String key, boolean secure, String plainValue) {
}
