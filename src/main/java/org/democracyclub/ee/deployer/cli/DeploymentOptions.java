package org.democracyclub.ee.deployer.cli;

import java.time.Duration;
import org.democracyclub.ee.deployer.BadInputException;
import picocli.CommandLine.Option;

/** Options of the commands that create a deployment ({@code deploy}, {@code rollback}). */
public final class DeploymentOptions {
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60m",
            description = "Stop the deployment with rollback (exit 3) if it has not finished by then, counting "
                    + "the waits for the fleet and for other deployments. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--dry-run", description = "Print the fleet, revision and group, and change nothing.")
    boolean dryRun;

    @Option(names = "--stop-on-cancel", description = "On SIGINT/SIGTERM, stop the deployment with rollback "
            + "instead of leaving it running.")
    boolean stopOnCancel;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "4s", description = "Time between polls of CodeDeploy and Auto Scaling, at most 5s so the "
            + "end of a deployment is seen within 5s. Default: ${DEFAULT-VALUE}.")
    Duration pollInterval;

    Duration pollInterval() {
        if (pollInterval.isZero() || pollInterval.isNegative() || pollInterval.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new BadInputException("--poll-interval must be more than 0 and at most 5s, got " + pollInterval);
        }
        return pollInterval;
    }

    Duration timeout() {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new BadInputException("--timeout must be more than 0, got " + timeout);
        }
        return timeout;
    }
}
