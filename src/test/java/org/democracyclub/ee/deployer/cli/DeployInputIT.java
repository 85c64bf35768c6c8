package org.democracyclub.ee.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.Call;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with a message naming the problem, before any AWS call. */
// A deployer stuck on an unexpected answer from the fake fails the test instead of hanging the build.
@Timeout(60)
class DeployInputIT {
    @TempDir
    Path dir;
    private FakeAws fake;

    @BeforeEach
    void start() throws IOException {
        fake = FakeAws.start(2);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun deployWith(Map<String, String> env, String... args) {
        return CliRun.run(env, fake.clientSettings(), args);
    }

    @Test
    void a_short_commit_exits_2_without_calling_aws() {
        CliRun run = deployWith(Map.of("COMMIT_SHA", "0123abc"), "deploy", "--github-revision");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("COMMIT_SHA must be a full 40-character hex commit SHA, got '0123abc'");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_non_hex_commit_option_exits_2_without_calling_aws() {
        CliRun run = deployWith(Map.of(), "deploy", "--github-revision", "--commit", "g123456789abcdef0123456789abcdef01234567");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--commit must be a full 40-character hex commit SHA");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void no_commit_at_all_exits_2_saying_where_one_comes_from() {
        CliRun run = deployWith(Map.of(), "deploy", "--github-revision");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("no commit to deploy: set COMMIT_SHA or pass --commit SHA");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_missing_stack_outputs_file_exits_2_naming_it_without_calling_aws() {
        Path missing = dir.resolve("outputs.json");

        CliRun run = CliRun.against(fake, "deploy", "--github-revision", "--stack-outputs", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("stack outputs file " + missing + " does not exist");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_malformed_stack_outputs_file_exits_2_without_calling_aws() throws IOException {
        Path file = Files.writeString(dir.resolve("outputs.json"), "{\"environment\": ");

        CliRun run = CliRun.against(fake, "deploy", "--github-revision", "--stack-outputs", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("stack outputs file " + file + ": not valid JSON");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_stack_outputs_file_missing_a_key_exits_2_naming_the_key_without_calling_aws() throws IOException {
        Path file = Files.writeString(dir.resolve("outputs.json"),
                CliRun.stackOutputsJson().replace("\"deploymentGroupName\"", "\"deploymentGroup\""));

        CliRun run = CliRun.against(fake, "deploy", "--github-revision", "--stack-outputs", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("missing key 'deploymentGroupName'");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_missing_ssm_parameter_exits_2_naming_it_after_one_ssm_read_and_nothing_else() {
        CliRun run = CliRun.against(fake, "deploy", "--github-revision");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("SSM parameter " + StackOutputs.SSM_PARAMETER + " does not exist");
        assertThat(fake.calls()).extracting(Call::action).containsExactly("GetParameter");
    }

    @Test
    void a_malformed_ssm_parameter_exits_2_naming_it_and_changes_nothing() {
        fake.ssm().put(StackOutputs.SSM_PARAMETER, "[1, 2]");

        CliRun run = CliRun.against(fake, "deploy", "--github-revision");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("stack outputs SSM parameter " + StackOutputs.SSM_PARAMETER + ": expected a JSON object");
        assertThat(fake.calls()).extracting(Call::action).containsExactly("GetParameter");
    }

    @Test
    void a_bad_timeout_or_poll_interval_exits_2_without_calling_aws() {
        CliRun badTimeout = CliRun.against(fake, "deploy", "--github-revision", "--timeout", "soon");
        CliRun slowPoll = CliRun.against(fake, "deploy", "--github-revision", "--poll-interval", "10s");

        assertThat(badTimeout.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badTimeout.err()).contains("'soon' is not a duration: use e.g. 90s, 45m, 1h or 1h30m");
        assertThat(slowPoll.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(slowPoll.err()).contains("--poll-interval must be more than 0 and at most 5s");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_bad_s3_revision_exits_2_without_calling_aws() {
        CliRun run = CliRun.against(fake, "deploy", "--revision", "s3://bucket-only");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--revision must name a bucket and a key");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void bad_input_with_json_still_ends_with_a_json_object() {
        CliRun run = deployWith(Map.of("COMMIT_SHA", "nope"), "deploy", "--github-revision", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out().strip()).startsWith("{").endsWith("}").contains("\"outcome\":\"BAD_INPUT\"", "\"exitCode\":2");
    }

    @Test
    void stack_traces_appear_only_with_verbose() {
        CliRun quiet = deployWith(Map.of("COMMIT_SHA", "nope"), "deploy", "--github-revision");
        CliRun verbose = deployWith(Map.of("COMMIT_SHA", "nope"), "deploy", "--github-revision", "--verbose");

        assertThat(quiet.err()).doesNotContain("\tat ");
        assertThat(verbose.err()).contains("BadInputException", "\tat ");
    }
}
