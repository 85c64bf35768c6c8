package org.democracyclub.ee.deployer.fake;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.democracyclub.ee.deployer.cli.DeployerMain;
import org.democracyclub.ee.deployer.aws.ClientSettings;
import org.democracyclub.ee.deployer.cli.CommandEnvironment;
import org.democracyclub.ee.deployer.deploy.Pacer;
import picocli.CommandLine;

/** One run of the deployer's command line, in-process, with its output captured. */
public record CliRun(int exitCode, String out, String err, Instant ended) {

    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    /** Runs against the fake, with {@code COMMIT_SHA} set to {@link #COMMIT}. */
    public static CliRun against(FakeAws fake, String... args) {
        return run(Map.of("COMMIT_SHA", COMMIT), fake.clientSettings(), args);
    }

    public static CliRun run(Map<String, String> env, ClientSettings settings, String... args) {
        return run(env, settings, Pacer.SYSTEM, args);
    }

    /** Runs against the fake on a virtual clock: waits take no real time. */
    public static CliRun virtual(FakeAws fake, VirtualPacer pacer, String... args) {
        return run(Map.of("COMMIT_SHA", COMMIT), fake.clientSettings(), pacer, args);
    }

    public static CliRun run(Map<String, String> env, ClientSettings settings, Pacer pacer, String... args) {
        CommandLine cli = DeployerMain.commandLine(new CommandEnvironment(env::get, settings, pacer));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString(), Instant.now());
    }

    /** Stack outputs as {@code pulumi stack output --json} prints them (numbers as numbers). */
    public static String stackOutputsJson() {
        return """
                {
                  "environment": "development",
                  "region": "eu-west-2",
                  "applicationName": "%s",
                  "deploymentGroupName": "%s",
                  "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-2:123456789012:targetgroup/ee-alb-tg/0123456789abcdef",
                  "autoScalingGroupName": "ee-fleet-from-pulumi",
                  "minSize": 1,
                  "desiredCapacity": 2,
                  "maxSize": 4,
                  "url": "https://development.every-election.example",
                  "distributionDomainName": "d111111abcdef8.cloudfront.net",
                  "amiParameterName": "/ee/ami/latest",
                  "revisionBucket": "%s",
                  "somethingExtra": "ignored"
                }
                """.formatted(FakeAws.APPLICATION, FakeAws.GROUP, FakeS3.BUCKET);
    }

    public static Duration fastPoll() {
        return Duration.ofMillis(20);
    }
}
