package org.democracyclub.ee.deployer;

/**
 * The deployer's exit statuses (docs/deployer.md, "Exit codes"). CI scripts branch on them, so they never
 * change meaning; every command maps its outcome to one of these in one place.
 */
public final class ExitCode {
    /** The deployment (or check) succeeded. */
    public static final int SUCCEEDED = 0;
    /** The deployment failed or was stopped; a hook failed in the local runner. */
    public static final int FAILED = 1;
    /** Bad input or usage (also an older commit, no region, no credentials): nothing was changed. */
    public static final int BAD_INPUT = 2;
    /** The deployment timed out before traffic moved; it was stopped and rolled back. */
    public static final int TIMED_OUT = 3;
    /** AWS could not be reached, or refused access, after retries. */
    public static final int AWS_UNAVAILABLE = 4;

    private ExitCode() {
    }
}
