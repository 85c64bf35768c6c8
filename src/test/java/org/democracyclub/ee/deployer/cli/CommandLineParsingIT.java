package org.democracyclub.ee.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.aws.ClientSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** The command line is parsed without running anything (and so without AWS). */
class CommandLineParsingIT {
    private static ParseResult parse(String... args) {
        return DeployerMain.commandLine(new CommandEnvironment(n -> null, ClientSettings.standardChain(), null))
                .parseArgs(args);
    }

    private static <T> T command(ParseResult result, Class<T> type) {
        return type.cast(result.subcommand().commandSpec().userObject());
    }

    @Test
    void deploy_defaults_to_a_60_minute_timeout_and_4_second_polls() {
        DeployCommand deploy = command(parse("deploy"), DeployCommand.class);

        assertThat(deploy.deployment.timeout).isEqualTo(Duration.ofMinutes(60));
        assertThat(deploy.deployment.pollInterval).isEqualTo(Duration.ofSeconds(4));
        assertThat(deploy.deployment.dryRun).isFalse();
        assertThat(deploy.common.json).isFalse();
        assertThat(deploy.common.stackOutputs).isNull();
    }

    @Test
    void deploy_accepts_every_documented_option() {
        DeployCommand deploy = command(parse("deploy", "--commit", "abc", "--stack-outputs", "out.json",
                "--timeout", "1h30m", "--dry-run", "--json", "--stop-on-cancel", "--verbose",
                "--revision", "s3://b/k.zip", "--etag", "e", "--version", "v", "--poll-interval", "250ms"), DeployCommand.class);

        assertThat(deploy.commit).isEqualTo("abc");
        assertThat(deploy.common.stackOutputs).isEqualTo(Path.of("out.json"));
        assertThat(deploy.deployment.timeout).isEqualTo(Duration.ofMinutes(90));
        assertThat(deploy.deployment.dryRun).isTrue();
        assertThat(deploy.deployment.stopOnCancel).isTrue();
        assertThat(deploy.common.json).isTrue();
        assertThat(deploy.common.verbose).isTrue();
        assertThat(deploy.s3Revision).isEqualTo("s3://b/k.zip");
        assertThat(deploy.eTag).isEqualTo("e");
        assertThat(deploy.version).isEqualTo("v");
        assertThat(deploy.deployment.pollInterval).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void status_takes_an_optional_deployment_id() {
        assertThat(command(parse("status"), StatusCommand.class).deploymentId).isNull();
        assertThat(command(parse("status", "d-ABCDEF123"), StatusCommand.class).deploymentId).isEqualTo("d-ABCDEF123");
    }

    @Test
    void rollback_shares_the_deployment_options() {
        RollbackCommand rollback = command(parse("rollback", "--timeout", "45m", "--dry-run"), RollbackCommand.class);

        assertThat(rollback.deployment.timeout).isEqualTo(Duration.ofMinutes(45));
        assertThat(rollback.deployment.dryRun).isTrue();
    }

    @Test
    void unknown_options_and_bad_durations_are_usage_errors_with_exit_2() {
        CommandLine cli = DeployerMain.commandLine(new CommandEnvironment(n -> null, ClientSettings.standardChain(), null));
        cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));

        assertThat(cli.execute("deploy", "--endpoint", "http://x")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.execute("deploy", "--timeout", "5 minutes")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.execute("frobnicate")).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void help_lists_the_commands_and_exit_codes() {
        CommandLine cli = DeployerMain.commandLine();
        String usage = cli.getUsageMessage();
        // Whitespace normalised: picocli wraps descriptions to the terminal width.
        String deployUsage = cli.getSubcommands().get("deploy").getUsageMessage().replaceAll("\\s+", " ");

        assertThat(usage).contains("deploy", "status", "rollback");
        assertThat(deployUsage).contains("--commit=SHA", "--timeout=DURATION", "Default: 60m", "--dry-run", "--json",
                "--revision=S3_URL", "--stop-on-cancel", "--poll-interval=DURATION",
                "3 timed out before traffic moved (stopped and rolled back)", "--allow-older", "--app-source=DIR");
    }
}
