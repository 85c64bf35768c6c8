package org.democracyclub.ee.deployer.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.democracyclub.ee.deployer.CommitSha;
import org.democracyclub.ee.deployer.deploy.DeployRequest;
import org.democracyclub.ee.deployer.deploy.Deployer;
import org.democracyclub.ee.deployer.deploy.DeploymentHistory;
import org.democracyclub.ee.deployer.deploy.OlderCommitGuard;
import org.democracyclub.ee.deployer.deploy.Revision;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import org.democracyclub.ee.deployer.revision.BundleUpload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deploy}: ships one commit with a blue/green CodeDeploy deployment and watches it to the end. */
@Command(name = "deploy", sortOptions = false,
        description = {"Deploy an application commit with CodeDeploy blue/green and follow it to the end: by default"
                + " (--app-source) as a bundle uploaded to the stack's revision bucket.",
                "Exit codes: 0 succeeded, 1 failed or stopped, 2 bad input or an older commit, 3 timed out before traffic moved (stopped and rolled back), "
                        + "4 AWS unreachable or refused after retries."})
public final class DeployCommand implements Callable<Integer>, ExitCodes.UsesCommonOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--commit", paramLabel = "SHA",
            description = "The application commit to deploy (40 hex). Default: the COMMIT_SHA environment variable.")
    String commit;

    @Option(names = "--app-source", paramLabel = "DIR",
            description = "A checkout of the application at the commit: compose the bundle from it (with --deploy-source),"
                    + " upload it to the stack's revision bucket once, and deploy that object version. What CI does.")
    Path appSource;

    @Option(names = "--deploy-source", paramLabel = "DIR", defaultValue = ".",
            description = "The root of this repository (appspec.yaml, ee-deploy/), with --app-source. Default: ${DEFAULT-VALUE}.")
    Path deploySource;

    @Option(names = "--revision", paramLabel = "S3_URL",
            description = "Deploy this existing bundle instead: s3://bucket/key.zip (.zip, .tar, .tgz).")
    String s3Revision;

    @Option(names = "--etag", paramLabel = "ETAG", description = "ETag of the --revision object.")
    String eTag;

    @Option(names = "--version", paramLabel = "VERSION_ID", description = "Version ID of the --revision object.")
    String version;

    @Option(names = "--allow-older", description = "Deploy the commit even if the live commit descends from it "
            + "(default: refuse with exit 2).")
    boolean allowOlder;

    @Option(names = "--github-revision", description = "Deploy the commit of " + AppDefaults.REVISION_REPOSITORY
            + " straight from GitHub (needs the account's GitHub connection; the tree must carry its own appspec.yml"
            + " and ee-deploy/, which the application does not).")
    boolean gitHubRevision;

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
        int sources = (appSource != null ? 1 : 0) + (s3Revision != null ? 1 : 0) + (gitHubRevision ? 1 : 0);
        if (sources != 1) {
            throw new BadInputException((sources == 0 ? "nothing to deploy" : "choose one thing to deploy")
                    + ": pass --app-source DIR (a checkout of the application at the commit; what CI does),"
                    + " --revision s3://bucket/key.zip, or --github-revision");
        }
        if (s3Revision == null && (eTag != null || version != null)) {
            throw new BadInputException("--etag and --version describe an S3 --revision; none was given");
        }
        Revision s3 = s3Revision == null ? null : Revision.s3(s3Revision, eTag, version);
        Duration poll = deployment.pollInterval();
        Duration timeout = deployment.timeout();
        Session session = new Session(environment, common, spec);
        DeployTarget fromFile = session.targetFromFileIfGiven();
        try (BundleUpload upload = appSource == null ? null : BundleUpload.compose(appSource, sha, deploySource);
             AwsClients aws = environment.clients(fromFile)) {
            DeployTarget target = session.target(fromFile, aws);
            // Before anything is uploaded or created: an older commit than the live one is refused.
            new OlderCommitGuard(new DeploymentHistory(aws.codeDeploy()), session.console())
                    .check(target, sha, appSource, allowOlder);
            Revision revision = upload != null
                    ? upload.revision(aws.s3(), target.revisionBucket(), deployment.dryRun, session.console())
                    : s3 != null ? s3 : Revision.gitHub(AppDefaults.REVISION_REPOSITORY, sha);
            DeployRequest request = new DeployRequest(target, revision, "EveryElection " + sha + " via ee-deployer deploy",
                    timeout, poll, deployment.dryRun, deployment.stopOnCancel);
            return session.finish(new Deployer(aws, session.console(), environment.pacer()).deploy(request));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
