package org.democracyclub.ee.deployer.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.deploy.DeployRequest;
import org.democracyclub.ee.deployer.deploy.Deployer;
import org.democracyclub.ee.deployer.deploy.DeploymentHistory;
import org.democracyclub.ee.deployer.deploy.Revision;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/**
 * {@code rollback}: redeploys the exact bundle of the newest successful deployment made by a user
 * (not a launch hook or a rollback) whose revision differs from the live one.
 */
@Command(name = "rollback", sortOptions = false,
        description = {"Redeploy the revision of the newest successful deployment by a user (person or CI) "
                + "whose revision differs from the live one.",
                "Same path as `deploy`: same waits, output, diagnostics and exit codes."})
public final class RollbackCommand implements Callable<Integer>, ExitCodes.UsesCommonOptions {
    @Spec
    CommandSpec spec;

    @Mixin
    DeploymentOptions deployment;

    @Mixin
    CommonOptions common;

    private final CommandEnvironment environment;

    public RollbackCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommonOptions commonOptions() {
        return common;
    }

    @Override
    public Integer call() {
        Duration poll = deployment.pollInterval();
        Duration timeout = deployment.timeout();
        Session session = new Session(environment, common, spec);
        DeployTarget fromFile = session.targetFromFileIfGiven();
        try (AwsClients aws = environment.clients(fromFile)) {
            DeployTarget target = session.target(fromFile, aws);
            DeploymentHistory.RollbackChoice choice = new DeploymentHistory(aws.codeDeploy()).rollbackChoice(target);
            DeploymentInfo previous = choice.previous();
            // The exact bundle: the revision as CodeDeploy recorded it (S3 bucket, key, version, ETag).
            Revision revision = new Revision(previous.revision());
            session.console().say("Live now: " + new Revision(choice.live().revision()).describe() + " (from "
                    + choice.live().deploymentId() + ", creator " + choice.live().creatorAsString() + ")");
            session.console().say("Rolling back to the revision of " + previous.deploymentId() + ": " + revision.describe());
            DeployRequest request = new DeployRequest(target, revision,
                    "EveryElection rollback to the revision of " + previous.deploymentId() + " via ee-deployer rollback",
                    timeout, poll, deployment.dryRun, deployment.stopOnCancel);
            return session.finish(new Deployer(aws, session.console(), environment.pacer()).deploy(request));
        }
    }
}
