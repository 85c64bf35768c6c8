package org.democracyclub.ee.deployer.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code live-commit}: what CI redeploys when only this repository changed. */
@Timeout(60)
class LiveCommitIT {
    @TempDir
    Path tmp;
    private FakeAws fake;

    @BeforeEach
    void setUp() throws IOException {
        fake = FakeAws.start(2);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun liveCommit() {
        return CliRun.run(Map.of(), fake.clientSettings(), "live-commit");
    }

    @Test
    void aNewEnvironmentHasNoLiveCommitAndExits1() {
        CliRun run = liveCommit();

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("has no successful deployment yet");
    }

    @Test
    void theCommitOfTheDeployedBundleIsPrintedAloneOnStandardOutput() {
        Path app = Trees.app(tmp.resolve("app"));
        String commit = Trees.commitAll(app);
        CliRun deploy = CliRun.run(Map.of("COMMIT_SHA", commit), fake.clientSettings(), "deploy", "--app-source",
                app.toString(), "--deploy-source", Trees.deploySource(tmp.resolve("deploy")).toString(), "--poll-interval", "20ms");
        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();

        CliRun run = liveCommit();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(commit + System.lineSeparator());
        assertThat(run.err()).contains("live: s3://").contains("/revisions/" + commit + "/");
    }

    @Test
    void theNewestSuccessfulDeploymentWinsAndFailedOnesAreSkipped() {
        String older = "1111111111111111111111111111111111111111";
        String newer = "2222222222222222222222222222222222222222";
        String failed = "3333333333333333333333333333333333333333";
        fake.codeDeploy().existing("d-OLDER0001", Timeline.finished("Succeeded"), older, Instant.parse("2026-01-01T00:00:00Z"))
                .existing("d-NEWER0001", Timeline.finished("Succeeded"), newer, Instant.parse("2026-02-01T00:00:00Z"))
                .existing("d-FAILD0001", Timeline.finished("Failed"), failed, Instant.parse("2026-03-01T00:00:00Z"));

        CliRun run = liveCommit();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(newer);
    }
}
