package org.democracyclub.ee.deployer.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the commands that create a deployment ({@code deploy}, {@code rollback}). */
public final class DeploymentOptions {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60m",
            description = "Stop the deployment with rollback (exit 3) if it has not finished by then, counting "
                    + "the waits for the fleet and for other deployments. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--dry-run", description = "Print the fleet, revision and group, and change nothing.")
    boolean dryRun;

    @Option(names = "--stop-on-cancel", description = "On SIGINT/SIGTERM, stop the deployment with rollback "
            + "instead of leaving it running.")
    boolean stopOnCancel;

    Duration timeout() {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new org.democracyclub.ee.deployer.BadInputException("--timeout must be more than 0, got " + timeout);
        }
        return timeout;
    }
}
