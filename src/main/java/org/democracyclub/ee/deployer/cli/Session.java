package org.democracyclub.ee.deployer.cli;

import java.io.PrintWriter;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.deploy.Console;
import org.democracyclub.ee.deployer.deploy.DeploymentResult;
import org.democracyclub.ee.deployer.deploy.ResultJson;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import org.democracyclub.ee.deployer.outputs.StackOutputsReader;
import picocli.CommandLine;

/** What the AWS commands do alike: where lines go, where the stack outputs come from, how they end. */
final class Session {
    private final CommandEnvironment environment;
    private final CommonOptions options;
    private final CommandLine commandLine;
    private final Console console;

    Session(CommandEnvironment environment, CommonOptions options, CommandLine.Model.CommandSpec spec) {
        this.environment = environment;
        this.options = options;
        this.commandLine = spec.commandLine();
        // With --json, standard output carries only the result object.
        PrintWriter progress = options.json ? commandLine.getErr() : commandLine.getOut();
        this.console = new Console(progress, environment.pacer());
    }

    Console console() {
        return console;
    }

    /** Reads the file before any client exists; call it first so a bad file makes no AWS call. */
    DeployTarget targetFromFileIfGiven() {
        return options.stackOutputs == null ? null : StackOutputsReader.fromFile(options.stackOutputs);
    }

    DeployTarget target(DeployTarget fromFile, AwsClients aws) {
        return fromFile != null ? fromFile : StackOutputsReader.fromSsm(aws.ssm());
    }

    int finish(DeploymentResult result) {
        int code = ExitCodes.of(result.outcome());
        if (options.json) {
            commandLine.getOut().println(ResultJson.of(result, code));
            commandLine.getOut().flush();
        }
        return code;
    }
}
