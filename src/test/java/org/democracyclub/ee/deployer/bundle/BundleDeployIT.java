package org.democracyclub.ee.deployer.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.democracyclub.ee.common.RevisionKey;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.FakeS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy --app-source}: the bundle is uploaded once, and the deployment names that object version. */
@Timeout(60)
class BundleDeployIT {
    @TempDir
    Path tmp;
    private FakeAws fake;
    private Path app;
    private String commit;
    private Path deploySource;

    @BeforeEach
    void setUp() throws IOException {
        fake = FakeAws.start(2);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
        app = Trees.app(tmp.resolve("app"));
        commit = Trees.commitAll(app);
        deploySource = Trees.deploySource(tmp.resolve("deploy"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun deploy(String... extra) {
        String[] base = {"deploy", "--app-source", app.toString(), "--deploy-source", deploySource.toString(),
                "--poll-interval", "20ms"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(Map.of("COMMIT_SHA", commit), fake.clientSettings(), args);
    }

    private JsonNode s3Location(int deployment) throws IOException {
        return new ObjectMapper().readTree(fake.calls("CreateDeployment").get(deployment).param("revision")).path("s3Location");
    }

    @Test
    void theBundleIsUploadedUnderItsCommitAndDigestAndDeployedAsThatExactObjectVersion() throws Exception {
        CliRun run = deploy();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        String key = fake.s3().keys(FakeS3.BUCKET).get(0);
        assertThat(RevisionKey.appCommitOf(key)).contains(commit);
        FakeS3.Version stored = fake.s3().versions(FakeS3.BUCKET, key).get(0);
        JsonNode location = s3Location(0);
        assertThat(location.path("bucket").asText()).isEqualTo(FakeS3.BUCKET);
        assertThat(location.path("key").asText()).isEqualTo(key);
        assertThat(location.path("bundleType").asText()).isEqualTo("zip");
        assertThat(location.path("version").asText()).isEqualTo(stored.versionId());
        assertThat(location.path("eTag").asText()).isEqualTo(stored.eTag().replace("\"", ""));
        // What S3 holds is the zip whose digest the key names, checked by S3 through the checksum header.
        assertThat(stored.checksumSha256()).isNotNull();
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(stored.body()))).isEqualTo(RevisionKey.digestOf(key).orElseThrow());
        assertThat(run.out()).contains("Uploaded s3://" + FakeS3.BUCKET + "/" + key + " version " + stored.versionId());
    }

    @Test
    void theSameBundleDeployedAgainIsNotUploadedAgainAndNamesTheSameVersion() throws IOException {
        assertThat(deploy().exitCode()).isZero();
        CliRun again = deploy();

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(fake.calls("PutObject")).hasSize(1);
        assertThat(fake.calls("HeadObject")).hasSize(2);
        assertThat(s3Location(1)).isEqualTo(s3Location(0));
        assertThat(again.out()).contains("Already uploaded, not sent again");
    }

    @Test
    void aBucketThatIsNotVersionedExits2BeforeAnyUploadOrDeployment() {
        fake.s3().versioning(FakeS3.BUCKET, "Suspended");

        CliRun run = deploy();

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("revision bucket " + FakeS3.BUCKET + " is not versioned (versioning Suspended)",
                "put-bucket-versioning");
        assertThat(fake.calls("PutObject")).isEmpty();
        assertThat(fake.calls("CreateDeployment")).isEmpty();
    }

    @Test
    void aCheckoutAtAnotherCommitExits2WithoutAnyAwsCall() {
        Trees.write(app, "every_election/new.py", "x = 1\n");
        Trees.git(app, "add", "-A");
        Trees.git(app, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "newer");

        CliRun run = deploy();

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("not " + commit);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aBundleWhoseAppspecNamesAMissingHookExits2WithoutAnyAwsCall() throws IOException {
        java.nio.file.Files.delete(deploySource.resolve("ee-deploy/hooks/start.sh"));

        CliRun run = deploy();

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("the bundle's appspec.yml is invalid", "ee-deploy/hooks/start.sh");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aDryRunReadsTheBucketButUploadsAndCreatesNothing() {
        CliRun run = deploy("--dry-run");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Dry run: would upload s3://" + FakeS3.BUCKET + "/revisions/" + commit + "/");
        assertThat(fake.calls("PutObject")).isEmpty();
        assertThat(fake.calls("CreateDeployment")).isEmpty();
    }

    @Test
    void noRevisionSourceIsBadInputNamingTheThreeChoices() {
        CliRun run = CliRun.run(Map.of("COMMIT_SHA", commit), fake.clientSettings(), "deploy");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--app-source DIR", "--revision s3://", "--github-revision");
        assertThat(fake.calls()).isEmpty();
    }
}
