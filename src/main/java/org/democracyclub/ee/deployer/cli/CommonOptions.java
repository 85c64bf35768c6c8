package org.democracyclub.ee.deployer.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.BadInputException;
import picocli.CommandLine.Option;

/** Options every AWS command shares. */
public final class CommonOptions {
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);

    @Option(names = "--stack-outputs", paramLabel = "FILE",
            description = "JSON printed by `pulumi stack output --json`. Default: the SSM parameter "
                    + StackOutputs.SSM_PARAMETER + ".")
    Path stackOutputs;

    @Option(names = "--json", description = "End with one JSON object describing the result on standard output "
            + "(progress lines then go to standard error).")
    boolean json;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "4s", description = "Time between polls of CodeDeploy and Auto Scaling (at most 5s). "
            + "Default: ${DEFAULT-VALUE}.")
    Duration pollInterval;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    Duration pollInterval() {
        if (pollInterval.isZero() || pollInterval.isNegative() || pollInterval.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new BadInputException("--poll-interval must be more than 0 and at most 5s, got " + pollInterval);
        }
        return pollInterval;
    }
}
