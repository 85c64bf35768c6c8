package org.democracyclub.ee.deployer.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import org.democracyclub.ee.deployer.revision.LiveCommit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code live-commit}: prints the application commit that is live, for CI's redeploy of this repository's changes. */
@Command(name = "live-commit", sortOptions = false,
        description = {"Print the application commit of the live deployment (the newest successful one made by a"
                + " person or CI), alone on standard output; where it came from goes to standard error.",
                "Exit codes: 0 printed, 1 no successful deployment yet (a new environment), 2 bad input or a live"
                        + " revision that names no commit, 4 AWS error."})
public final class LiveCommitCommand implements Callable<Integer>, ExitCodes.UsesCommonOptions {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    private final CommandEnvironment environment;

    public LiveCommitCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommonOptions commonOptions() {
        return common;
    }

    @Override
    public Integer call() {
        Session session = new Session(environment, common, spec);
        DeployTarget fromFile = session.targetFromFileIfGiven();
        try (AwsClients aws = environment.clients()) {
            DeployTarget target = session.target(fromFile, aws);
            Optional<LiveCommit.Live> live = LiveCommit.find(aws.codeDeploy(), target);
            if (live.isEmpty()) {
                spec.commandLine().getErr().println("ee-deployer live-commit: deployment group " + target.deploymentGroupName()
                        + " has no successful deployment yet");
                return ExitCode.FAILED;
            }
            spec.commandLine().getErr().println("live: " + live.get().revision() + " (deployment " + live.get().deploymentId() + ")");
            spec.commandLine().getOut().println(live.get().commit());
            return ExitCode.SUCCEEDED;
        }
    }
}
