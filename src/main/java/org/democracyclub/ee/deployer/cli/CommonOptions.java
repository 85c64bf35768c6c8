package org.democracyclub.ee.deployer.cli;

import java.nio.file.Path;
import org.democracyclub.ee.common.StackOutputs;
import picocli.CommandLine.Option;

/** Options every AWS command shares. */
public final class CommonOptions {
    @Option(names = "--stack-outputs", paramLabel = "FILE",
            description = "JSON printed by `pulumi stack output --json`. Default: the SSM parameter "
                    + StackOutputs.SSM_PARAMETER + ".")
    Path stackOutputs;

    @Option(names = "--json", description = "End with one JSON object describing the result on standard output "
            + "(progress lines then go to standard error).")
    boolean json;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
