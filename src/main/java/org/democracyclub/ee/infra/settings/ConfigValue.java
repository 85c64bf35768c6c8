package org.democracyclub.ee.infra.settings;

/**
 * One configuration value as the stack holds it.
 *
 * @param text   the value as text, or {@code null} when it is an encrypted secret that cannot be
 *               read here (the offline preview sees only the ciphertext of {@code secure:} values)
 * @param secret whether the stack holds it as a Pulumi secret
 * @param line   the line of the stack file that sets it, or 0 when unknown
 */
public record ConfigValue(String text, boolean secret, int line) {
    public static ConfigValue plain(String text, int line) {
        return new ConfigValue(text, false, line);
    }
}
