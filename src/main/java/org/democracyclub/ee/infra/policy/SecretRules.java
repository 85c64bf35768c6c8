package org.democracyclub.ee.infra.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * No secret in clear text where people and tools read it: stack outputs are printed by
 * {@code pulumi stack output} and written to the SSM parameter; stack files are in git.
 */
public final class SecretRules {
    /** The origin header secret CloudFront adds and the listener checks (issue 2). */
    public static final String ORIGIN_SECRET_KEY = "every-election:originVerifySecret";

    private static final Set<String> SECRET_WORDS = Set.of("secret", "secrets", "password", "passwords", "passwd",
            "passphrase", "pwd", "token", "tokens", "credential", "credentials", "apikey", "privatekey");
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "access", "secret", "signing",
            "encryption", "ssh");

    private SecretRules() {
    }

    public static List<Rule> all() {
        return List.of(outputsSecret(), stackFileSecure());
    }

    /** EE-SEC-1. */
    static Rule outputsSecret() {
        return new BaseRule("EE-SEC-1", Severity.ERROR,
                "A stack output whose name says it is secret is a Pulumi secret, never plain text.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (StackOutput output : input.outputs()) {
                    if (looksSecret(output.name()) && !output.secret()) {
                        findings.add(Types.STACK, "output:" + output.name(),
                                "stack output " + output.name() + " looks secret but is exported in plain text",
                                "export it with Output.ofSecret(...) / Output.asSecret(), or do not export it");
                    }
                }
            }
        };
    }

    /** EE-SEC-2. */
    static Rule stackFileSecure() {
        return new BaseRule("EE-SEC-2", Severity.ERROR,
                "A secret in a stack file is encrypted (`pulumi config set --secret`), never plain text in git.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (ConfigEntry entry : input.config()) {
                    if ((entry.key().equals(ORIGIN_SECRET_KEY) || looksSecret(entry.key())) && !entry.secure()) {
                        findings.add(Types.STACK, "config:" + entry.key(),
                                "config key " + entry.key() + " holds a secret in plain text in the stack file",
                                "pulumi config set --secret " + entry.key() + " <value> (and rotate the exposed value)");
                    }
                }
            }
        };
    }

    /**
     * Whether a name reads like a secret: a word such as secret, password or token, or a key
     * that is an API/private/access key (camelCase, kebab-case, snake_case and namespaces split).
     */
    static boolean looksSecret(String name) {
        List<String> words = words(name);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
            if (word.equals("key") && (i == words.size() - 1 || (i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))))) {
                return true;
            }
        }
        return false;
    }

    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            for (String word : part.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }
}
