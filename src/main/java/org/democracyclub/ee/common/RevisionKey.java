package org.democracyclub.ee.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a bundle lives in the stack's revision bucket: {@code revisions/<app commit>/<sha256>.zip}.
 * The key is derived from the application commit and the bundle's digest, so the same bundle is
 * uploaded once, and any deployment's revision says which application commit it ships.
 */
public final class RevisionKey {
    public static final String PREFIX = "revisions/";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY = Pattern.compile("revisions/([0-9a-f]{40})/([0-9a-f]{64})\\.zip");

    private RevisionKey() {
    }

    /** The key of a bundle of {@code appCommit} (40 lowercase hex) whose SHA-256 is {@code sha256} (64 lowercase hex). */
    public static String of(String appCommit, String sha256) {
        if (!COMMIT.matcher(appCommit).matches()) {
            throw new IllegalArgumentException("application commit must be 40 lowercase hex digits, got '" + appCommit + "'");
        }
        if (!DIGEST.matcher(sha256).matches()) {
            throw new IllegalArgumentException("bundle digest must be 64 lowercase hex digits, got '" + sha256 + "'");
        }
        return PREFIX + appCommit + "/" + sha256 + ".zip";
    }

    /** The application commit a key of this shape names; empty for any other key. */
    public static Optional<String> appCommitOf(String key) {
        var m = KEY.matcher(key);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The bundle digest a key of this shape names; empty for any other key. */
    public static Optional<String> digestOf(String key) {
        var m = KEY.matcher(key);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
