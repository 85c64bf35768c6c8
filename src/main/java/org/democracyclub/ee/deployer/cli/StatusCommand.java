package org.democracyclub.ee.deployer.cli;

import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.deploy.DeploymentHistory;
import org.democracyclub.ee.deployer.deploy.DeploymentTargets;
import org.democracyclub.ee.deployer.deploy.StatusReport;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code status}: one deployment, with a failure's diagnostics; exits 1 if it failed or stopped. */
@Command(name = "status", sortOptions = false,
        description = {"Show a deployment (default: the group's latest) and, if it failed, why.",
                "Exit codes: 0 succeeded or still running, 1 failed or stopped, 2 bad input, 4 AWS error."})
public final class StatusCommand implements Callable<Integer>, ExitCodes.UsesCommonOptions {
    private static final Pattern DEPLOYMENT_ID = Pattern.compile("d-[A-Z0-9]{9}");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "DEPLOYMENT_ID", description = "e.g. d-ABCDEF123. Default: the latest.")
    String deploymentId;

    private final CommandEnvironment environment;

    public StatusCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommonOptions commonOptions() {
        return common;
    }

    @Override
    public Integer call() {
        if (deploymentId != null && !DEPLOYMENT_ID.matcher(deploymentId).matches()) {
            throw new BadInputException("DEPLOYMENT_ID must look like d-ABCDEF123, got '" + deploymentId + "'");
        }
        Session session = new Session(environment, common, spec);
        DeployTarget fromFile = session.targetFromFileIfGiven();
        try (AwsClients aws = environment.clients(fromFile)) {
            DeployTarget target = session.target(fromFile, aws);
            StatusReport report = new StatusReport(new DeploymentHistory(aws.codeDeploy()),
                    new DeploymentTargets(aws.codeDeploy()), session.console());
            return session.finish(report.show(target, deploymentId));
        }
    }
}
