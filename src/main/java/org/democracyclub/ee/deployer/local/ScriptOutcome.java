package org.democracyclub.ee.deployer.local;

import java.time.Duration;
import java.util.List;

/**
 * How one script ended.
 *
 * @param exitCode  the script's exit status; -1 when it was killed at its timeout
 * @param lastLines the last lines of its output, for the failure report
 */
record ScriptOutcome(Status status, int exitCode, List<String> lastLines, Duration took) {

    enum Status {
        SUCCEEDED,
        FAILED,
        TIMED_OUT,
        /** Exited, but left processes holding its output: the agent would wait on them until the timeout. */
        LEFT_PROCESSES
    }

    boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
