package org.democracyclub.ee.deployer.deploy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides values that look like the application's secrets in text that goes to CI logs and the
 * JSON result: the hook log tails CodeDeploy captured. A failing hook can print its environment or
 * the {@code .env} file, so:
 * <ul>
 * <li>{@code NAME=value}, {@code NAME='value'}, {@code NAME: value}, {@code export NAME=value} where
 *     NAME is one of {@link #SECRET_NAMES} or says it is secret ({@link #SECRET_WORDS});</li>
 * <li>AWS access key IDs ({@code AKIA...}/{@code ASIA...}, 20 characters) anywhere;</li>
 * <li>the password in a URL ({@code scheme://user:password@host}).</li>
 * </ul>
 * The list of the app's secret variables is this Java constant for now: the hooks' list of app
 * variables in {@code ee-deploy/} did not exist yet when this was written.
 */
public final class LogRedactor {
    /** The app's settings that are secrets (the app's settings table: EE_SECRET_KEY, database, integrations). */
    public static final List<String> SECRET_NAMES = List.of(
            "EE_SECRET_KEY", "EE_DATABASE_PASSWORD", "SENTRY_DSN", "SLACK_WEBHOOK_URL",
            "BOUNDARY_BOT_SLACK_WEBHOOK_URL", "GCS_API_KEY",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
    /** Prefixes whose every variable is secret (the app's GITHUB_* integration settings). */
    public static final List<String> SECRET_PREFIXES = List.of("GITHUB_");
    /** Words in a variable name that say its value is secret. */
    static final List<String> SECRET_WORDS = List.of("SECRET", "PASSWORD", "PASSWD", "TOKEN", "DSN", "WEBHOOK",
            "PRIVATE", "CREDENTIAL", "APIKEY", "API_KEY", "ACCESS_KEY");
    static final String HIDDEN = "[redacted]";

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_$.-])()((?:export\\s+)?)([A-Za-z_][A-Za-z0-9_]*)(\\s*[=:]\\s*)(\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s\"',;}]+)");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-z][a-z0-9+.-]*://[^:/@\\s]+:)([^@\\s]+)(@)");

    private LogRedactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = ASSIGNMENT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = isSecret(m.group(3))
                    ? m.group(1) + m.group(2) + m.group(3) + m.group(4) + HIDDEN
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String redacted = ACCESS_KEY_ID.matcher(out.toString()).replaceAll(HIDDEN);
        return URL_PASSWORD.matcher(redacted).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN) + "$3");
    }

    static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (SECRET_NAMES.contains(upper) || SECRET_PREFIXES.stream().anyMatch(upper::startsWith)) {
            return true;
        }
        return SECRET_WORDS.stream().anyMatch(upper::contains) || upper.endsWith("_KEY");
    }
}
