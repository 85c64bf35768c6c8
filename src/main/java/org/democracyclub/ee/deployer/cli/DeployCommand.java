package org.democracyclub.ee.deployer.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.deploy.CommitSha;
import org.democracyclub.ee.deployer.deploy.DeployRequest;
import org.democracyclub.ee.deployer.deploy.Deployer;
import org.democracyclub.ee.deployer.deploy.DeploymentHistory;
import org.democracyclub.ee.deployer.deploy.OlderCommitGuard;
import org.democracyclub.ee.deployer.deploy.Revision;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deploy}: ships one commit with a blue/green CodeDeploy deployment and watches it to the end. */
@Command(name = "deploy", sortOptions = false,
        description = {"Deploy a commit with CodeDeploy blue/green and follow it to the end.",
                "Exit codes: 0 succeeded, 1 failed or stopped, 2 bad input or an older commit, 3 timed out before traffic moved (stopped and rolled back), "
                        + "4 AWS unreachable or refused after retries."})
public final class DeployCommand implements Callable<Integer>, ExitCodes.UsesCommonOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--commit", paramLabel = "SHA",
            description = "Full 40-hex commit to deploy. Default: the COMMIT_SHA environment variable.")
    String commit;

    @Option(names = "--revision", paramLabel = "S3_URL",
            description = "Deploy this bundle instead of the GitHub commit: s3://bucket/key.zip (.zip, .tar, .tgz).")
    String s3Revision;

    @Option(names = "--etag", paramLabel = "ETAG", description = "ETag of the --revision object.")
    String eTag;

    @Option(names = "--version", paramLabel = "VERSION_ID", description = "Version ID of the --revision object.")
    String version;

    // One option with the bundle upload: the same checkout the bundle is composed from.
    @Option(names = "--app-source", paramLabel = "DIR",
            description = "A git checkout of the application at the commit; also used to refuse a commit older than the live one.")
    java.nio.file.Path appSource;

    @Option(names = "--allow-older", description = "Deploy the commit even if the live commit descends from it "
            + "(default: refuse with exit 2).")
    boolean allowOlder;

    @Mixin
    CommonOptions common;

    @Mixin
    DeploymentOptions deployment;

    private final CommandEnvironment environment;

    public DeployCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommonOptions commonOptions() {
        return common;
    }

    @Override
    public Integer call() {
        // Everything that can be checked without AWS is checked before the first client exists.
        if (allowOlder && commit == null && isBlank(environment.variables().apply("COMMIT_SHA"))) {
            throw new BadInputException("--allow-older lets an older commit through, but no commit was given: "
                    + "pass --commit SHA (or set COMMIT_SHA)");
        }
        CommitSha sha = CommitSha.resolve(commit, environment.variables().apply("COMMIT_SHA"));
        if (s3Revision == null && (eTag != null || version != null)) {
            throw new BadInputException("--etag and --version describe an S3 --revision; none was given");
        }
        Revision s3 = s3Revision == null ? null : Revision.s3(s3Revision, eTag, version);
        Duration poll = deployment.pollInterval();
        Duration timeout = deployment.timeout();
        Session session = new Session(environment, common, spec);
        DeployTarget fromFile = session.targetFromFileIfGiven();
        try (AwsClients aws = environment.clients(fromFile)) {
            DeployTarget target = session.target(fromFile, aws);
            new OlderCommitGuard(new DeploymentHistory(aws.codeDeploy()), session.console())
                    .check(target, sha, appSource, allowOlder);
            Revision revision = s3 != null ? s3 : Revision.gitHub(target.revisionRepository(), sha);
            DeployRequest request = new DeployRequest(target, revision, "EveryElection " + sha + " via ee-deployer deploy",
                    timeout, poll, deployment.dryRun, deployment.stopOnCancel);
            return session.finish(new Deployer(aws, session.console(), environment.pacer()).deploy(request));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
