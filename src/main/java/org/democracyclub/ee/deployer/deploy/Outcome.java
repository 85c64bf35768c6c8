package org.democracyclub.ee.deployer.deploy;

/** How a command ended; the CLI maps each to an exit code in one place. */
public enum Outcome {
    SUCCEEDED, FAILED, STOPPED, TIMED_OUT, DRY_RUN, IN_PROGRESS
}
