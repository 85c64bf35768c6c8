package org.democracyclub.ee.deployer;

import java.util.Locale;
import java.util.regex.Pattern;

/** A full 40-hex git commit SHA: what CodeDeploy's GitHub revision needs, and nothing shorter. */
public record CommitSha(String value) {
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

    public CommitSha {
        if (!FULL_SHA.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
    }

    /**
     * @param option  the {@code --commit} value, or null
     * @param fromEnv the {@code COMMIT_SHA} value, or null
     */
    public static CommitSha resolve(String option, String fromEnv) {
        String raw = option != null ? option : fromEnv;
        String source = option != null ? "--commit" : "COMMIT_SHA";
        if (raw == null || raw.isBlank()) {
            throw new BadInputException("no commit to deploy: set COMMIT_SHA or pass --commit SHA");
        }
        String sha = raw.trim().toLowerCase(Locale.ROOT);
        if (!FULL_SHA.matcher(sha).matches()) {
            throw new BadInputException(source + " must be a full 40-character hex commit SHA, got '" + raw + "'");
        }
        return new CommitSha(sha);
    }

    public String shortSha() {
        return value.substring(0, 7);
    }

    @Override
    public String toString() {
        return value;
    }
}
