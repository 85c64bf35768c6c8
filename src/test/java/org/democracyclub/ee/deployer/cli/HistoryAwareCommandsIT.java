package org.democracyclub.ee.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.RevisionKey;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.Frame;
import org.democracyclub.ee.deployer.fake.Timeline;
import org.democracyclub.ee.deployer.fake.VirtualPacer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that read the group's history as CodeDeploy records it: {@code rollback}'s choice among
 * user, launch-hook and rollback deployments, {@code status} of a deployment not started yet, and
 * {@code deploy}'s refusal of a commit older than the live one (against a real git checkout).
 */
@Timeout(60)
class HistoryAwareCommandsIT {
    static final String BUCKET = "ee-revisions-development";
    private FakeAws fake;
    private final VirtualPacer pacer = new VirtualPacer(0.5);
    private final Instant now = Instant.now();

    @BeforeEach
    void start() throws IOException {
        fake = FakeAws.start(2);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String key(char commit) {
        return RevisionKey.of(String.valueOf(commit).repeat(40), String.valueOf(commit).repeat(64));
    }

    @Test
    void rollback_skips_launch_hook_and_rollback_deployments_and_redeploys_the_exact_previous_bundle() {
        Timeline ok = Timeline.finished("Succeeded");
        fake.codeDeploy()
                .existingS3("d-AAAAAAAA1", ok, BUCKET, key('a'), "version-a", "etag-a", "user", now.minus(Duration.ofHours(5)))
                .existingS3("d-BBBBBBBB2", ok, BUCKET, key('b'), "version-b", "etag-b", "user", now.minus(Duration.ofHours(4)))
                // The launch hook's deployment of B on a new instance, and CodeDeploy's rollback to B
                // after a failed C: both successes of B, the live revision.
                .existingS3("d-LAUNCH003", ok, BUCKET, key('b'), "version-b", "etag-b", "autoscaling", now.minus(Duration.ofHours(3)))
                .existingS3("d-CCCCCCCC4", Timeline.finished("Failed"), BUCKET, key('c'), "version-c", "etag-c", "user",
                        now.minus(Duration.ofHours(2)))
                .existingS3("d-ROLLBK005", ok, BUCKET, key('b'), "version-b", "etag-b", "codeDeployRollback", now.minus(Duration.ofHours(1)));

        CliRun run = CliRun.virtual(fake, pacer, "rollback");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("Live now: s3://" + BUCKET + "/" + key('b') + " etag etag-b version version-b (from d-ROLLBK005, creator codeDeployRollback)")
                .contains("Rolling back to the revision of d-AAAAAAAA1: s3://" + BUCKET + "/" + key('a') + " etag etag-a version version-a");
        assertThat(fake.calls("CreateDeployment")).singleElement().satisfies(c -> assertThat(c.param("revision"))
                .contains("\"bucket\":\"" + BUCKET + "\"", "\"key\":\"" + key('a') + "\"", "\"version\":\"version-a\"",
                        "\"eTag\":\"etag-a\"", "\"bundleType\":\"zip\""));
    }

    @Test
    void rollback_with_only_successes_of_the_live_revision_exits_2_and_creates_nothing() {
        fake.codeDeploy()
                .existingS3("d-BBBBBBBB2", Timeline.finished("Succeeded"), BUCKET, key('b'), "v", "e", "user", now.minus(Duration.ofHours(2)))
                .existingS3("d-LAUNCH003", Timeline.finished("Succeeded"), BUCKET, key('b'), "v", "e", "autoscaling", now.minus(Duration.ofHours(1)));

        CliRun run = CliRun.virtual(fake, pacer, "rollback");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("nothing earlier to roll back to");
        assertThat(fake.calls("CreateDeployment")).isEmpty();
    }

    @Test
    void status_of_a_created_deployment_shows_it_without_targets() {
        fake.codeDeploy().existing("d-CREATED01", new Timeline(List.of(Frame.of("Created", List.of(), null)), null),
                "a".repeat(40), now);

        CliRun run = CliRun.virtual(fake, pacer, "status", "d-CREATED01");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("d-CREATED01 has not started on any instance yet (Created): no targets to show")
                .contains("d-CREATED01 Created | instances: 0 pending");
        assertThat(fake.calls("ListDeploymentTargets")).hasSize(1);
    }

    @Test
    void status_of_a_ready_deployment_says_how_to_reroute() {
        fake.codeDeploy().existing("d-READY0001", new Timeline(List.of(Frame.of("Ready", List.of(), null)), null),
                "a".repeat(40), now);

        CliRun run = CliRun.virtual(fake, pacer, "status", "d-READY0001");

        assertThat(run.exitCode()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("aws deploy continue-deployment --deployment-id d-READY0001 --deployment-wait-type READY_WAIT");
    }

    /** A checkout with two commits: the first is older than the second. */
    private static List<String> twoCommits(Path repo) throws Exception {
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("manage.py"), "print('v1')\n");
        // The files every application tree must have for the bundle to be composed.
        Files.writeString(repo.resolve("pyproject.toml"), "[project]\nname = \"app\"\n");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
        String first = git(repo, "rev-parse", "HEAD");
        Files.writeString(repo.resolve("manage.py"), "print('v2')\n");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "two");
        return List.of(first, git(repo, "rev-parse", "HEAD"));
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void deploy_refuses_a_commit_older_than_the_live_one_with_exit_2_and_creates_nothing(@TempDir Path repo) throws Exception {
        List<String> commits = twoCommits(repo);
        fake.codeDeploy().existing("d-LIVE00002", Timeline.finished("Succeeded"), commits.get(1), now.minus(Duration.ofHours(1)));

        git(repo, "checkout", "-q", commits.get(0)); // the bundle is composed from a checkout at the commit
        CliRun run = CliRun.virtual(fake, pacer, "deploy", "--commit", commits.get(0), "--app-source", repo.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("commit " + commits.get(0) + " is older than the live commit " + commits.get(1)
                + " (d-LIVE00002)").contains("pass --allow-older");
        assertThat(fake.calls()).extracting(c -> c.action()).doesNotContain("CreateDeployment", "UpdateAutoScalingGroup");
    }

    @Test
    void the_live_commit_is_read_from_the_live_bundles_s3_key(@TempDir Path repo) throws Exception {
        List<String> commits = twoCommits(repo);
        fake.codeDeploy().existingS3("d-LIVE00002", Timeline.finished("Succeeded"), BUCKET,
                RevisionKey.of(commits.get(1), "0".repeat(64)), "v2", "e2", "user", now.minus(Duration.ofHours(1)));

        git(repo, "checkout", "-q", commits.get(0)); // the bundle is composed from a checkout at the commit
        CliRun run = CliRun.virtual(fake, pacer, "deploy", "--commit", commits.get(0), "--app-source", repo.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("is older than the live commit " + commits.get(1) + " (d-LIVE00002)");
        assertThat(fake.calls("CreateDeployment")).isEmpty();
    }

    @Test
    void a_live_commit_missing_from_the_checkout_is_assumed_not_newer_and_said(@TempDir Path repo) throws Exception {
        List<String> commits = twoCommits(repo);
        fake.codeDeploy().existing("d-LIVE00009", Timeline.finished("Succeeded"), "9".repeat(40), now.minus(Duration.ofHours(1)));

        CliRun run = CliRun.virtual(fake, pacer, "deploy", "--commit", commits.get(1), "--app-source", repo.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("Commit check: could not compare " + commits.get(1).substring(0, 7) + " with the live 9999999")
                .contains("assuming it is not older");
    }

    @Test
    void deploy_of_an_older_commit_with_allow_older_goes_ahead_and_says_so(@TempDir Path repo) throws Exception {
        List<String> commits = twoCommits(repo);
        fake.codeDeploy().existing("d-LIVE00002", Timeline.finished("Succeeded"), commits.get(1), now.minus(Duration.ofHours(1)));

        git(repo, "checkout", "-q", commits.get(0)); // the bundle is composed from a checkout at the commit
        CliRun run = CliRun.virtual(fake, pacer, "deploy", "--commit", commits.get(0), "--app-source", repo.toString(), "--allow-older");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("is older than the live " + commits.get(1).substring(0, 7) + " (d-LIVE00002); deploying it anyway (--allow-older)");
        assertThat(fake.codeDeploy().created()).hasSize(1);
    }

    @Test
    void deploy_of_a_newer_commit_passes_the_check(@TempDir Path repo) throws Exception {
        List<String> commits = twoCommits(repo);
        fake.codeDeploy().existing("d-LIVE00001", Timeline.finished("Succeeded"), commits.get(0), now.minus(Duration.ofHours(1)));

        CliRun run = CliRun.virtual(fake, pacer, "deploy", "--commit", commits.get(1), "--app-source", repo.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("Commit check: " + commits.get(1).substring(0, 7) + " is not older than the live");
    }

    @Test
    void without_a_checkout_the_check_says_what_it_assumed() {
        fake.codeDeploy().existing("d-LIVE00001", Timeline.finished("Succeeded"), "b".repeat(40), now.minus(Duration.ofHours(1)));

        CliRun run = CliRun.virtual(fake, pacer, "deploy", "--github-revision");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run.out()).contains("Commit check: no --app-source checkout to compare in; assuming 0123456 is not older than the live bbbbbbb (d-LIVE00001)");
    }

    @Test
    void allow_older_without_a_commit_is_bad_input_before_any_aws_call() {
        CliRun run = CliRun.run(Map.of(), fake.clientSettings(), pacer, "deploy", "--allow-older");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--allow-older lets an older commit through, but no commit was given: pass --commit SHA");
        assertThat(fake.calls()).isEmpty();
    }
}
