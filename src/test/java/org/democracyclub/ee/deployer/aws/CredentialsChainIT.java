package org.democracyclub.ee.deployer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.cli.DeployerMain;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.Call;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.democracyclub.ee.deployer.fake.FakeSso;
import org.democracyclub.ee.deployer.fake.FakeSts;
import org.democracyclub.ee.deployer.fake.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials and region as people and CI have them, through the SDK's standard chain only: the
 * deployer runs in its own JVM (so HOME, AWS_PROFILE and the other variables are really its own)
 * with {@code AWS_ENDPOINT_URL} pointing every client at the fake, including the SDK's own SSO
 * portal client ({@code AWS_ENDPOINT_URL_SSO} / {@code aws.endpointUrlSso} in the SDK's generated
 * SSO client builder) and STS client ({@code AWS_ENDPOINT_URL_STS}), so GetRoleCredentials and
 * AssumeRoleWithWebIdentity are served by the fake over real HTTP.
 */
@Timeout(120)
class CredentialsChainIT {
    @TempDir
    Path home;
    private FakeAws fake;

    @BeforeEach
    void start() throws IOException {
        fake = FakeAws.start(2);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
        fake.codeDeploy().existing("d-LIVE00001", Timeline.finished("Succeeded"), CliRun.COMMIT, java.time.Instant.now());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Map<String, String> baseEnvironment() {
        return new java.util.HashMap<>(Map.of(
                "HOME", home.toString(),
                "AWS_CONFIG_FILE", home.resolve(".aws/config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString(),
                "AWS_ENDPOINT_URL", fake.endpoint().toString(),
                "AWS_EC2_METADATA_DISABLED", "true"));
    }

    private Run deployer(Map<String, String> env, String... args) throws Exception {
        // The jar as CI runs it (built before the integration tests), in a JVM sized for a short
        // run: C1 only, the serial collector (the class 10 s -> 7 s on the 2-CPU build machine).
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", "target/ee-deployer.jar", DeployerMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    record Run(int exit, String out) {
    }

    private List<Call> codeDeployCalls() {
        return fake.calls(c -> c.service().equals("codedeploy"));
    }

    @Test
    void an_sso_profile_resolves_through_the_sso_portal_with_the_cached_token() throws Exception {
        Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile ee-sso]
                sso_session = ee
                sso_account_id = 123456789012
                sso_role_name = EEDeployer
                region = eu-west-2

                [sso-session ee]
                sso_start_url = https://example.awsapps.com/start
                sso_region = eu-west-2
                sso_registration_scopes = sso:account:access
                """);
        // What `aws sso login` leaves: the token cached under the SHA-1 of the session name.
        String file = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest("ee".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(home.resolve(".aws/sso/cache/" + file + ".json"), """
                {"accessToken": "cached-sso-token", "expiresAt": "2099-01-01T00:00:00Z", "region": "eu-west-2",
                 "startUrl": "https://example.awsapps.com/start", "clientId": "c", "clientSecret": "s",
                 "registrationExpiresAt": "2099-01-01T00:00:00Z", "refreshToken": "r"}
                """);
        Map<String, String> env = baseEnvironment();
        env.put("AWS_PROFILE", "ee-sso");

        Run run = deployer(env, "status");

        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.sso().requests()).singleElement().asString()
                .contains("account_id=123456789012", "role_name=EEDeployer", "token=cached-sso-token");
        assertThat(codeDeployCalls()).isNotEmpty().allSatisfy(c -> assertThat(c.accessKeyId()).isEqualTo(FakeSso.ACCESS_KEY));
    }

    @Test
    void a_web_identity_token_file_resolves_through_sts_as_in_ci() throws Exception {
        // Written without a newline: the SDK sends the file as it is (CI: printf, not echo).
        Files.writeString(home.resolve("oidc-token"), "eyJ.circleci.oidc");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "");
        Map<String, String> env = baseEnvironment();
        env.put("AWS_REGION", "eu-west-2");
        env.put("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ee-ci-deploy");
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", home.resolve("oidc-token").toString());
        env.put("AWS_ROLE_SESSION_NAME", "circleci-deploy");

        Run run = deployer(env, "status");

        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.sts().requests()).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("RoleArn", "arn:aws:iam::123456789012:role/ee-ci-deploy")
                    .containsEntry("RoleSessionName", "circleci-deploy");
            assertThat(r.get("WebIdentityToken")).isEqualTo("eyJ.circleci.oidc");
        });
        assertThat(codeDeployCalls()).isNotEmpty().allSatisfy(c -> assertThat(c.accessKeyId()).isEqualTo(FakeSts.ACCESS_KEY));
    }

    @Test
    void with_no_region_anywhere_the_stack_outputs_file_gives_it() throws Exception {
        Path outputs = home.resolve("outputs.json");
        Files.writeString(outputs, CliRun.stackOutputsJson());
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "");
        Map<String, String> env = baseEnvironment();
        env.put("AWS_ACCESS_KEY_ID", "AKIAFAKE");
        env.put("AWS_SECRET_ACCESS_KEY", "fake-secret");

        Run run = deployer(env, "status", "--stack-outputs", outputs.toString());

        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.calls("GetDeployment").isEmpty() && fake.calls("BatchGetDeployments").isEmpty()).isFalse();
    }

    @Test
    void with_no_region_anywhere_and_outputs_in_ssm_it_is_bad_input_before_any_call() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "");
        Map<String, String> env = baseEnvironment();
        env.put("AWS_ACCESS_KEY_ID", "AKIAFAKE");
        env.put("AWS_SECRET_ACCESS_KEY", "fake-secret");

        Run run = deployer(env, "deploy", "--github-revision", "--commit", CliRun.COMMIT);

        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains("no AWS region: set AWS_REGION").contains("--stack-outputs FILE");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_profile_that_resolves_no_credentials_exits_2_with_the_fix_before_any_call() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile empty]\nregion = eu-west-2\n");
        Map<String, String> env = baseEnvironment();
        env.put("AWS_PROFILE", "empty");

        Run run = deployer(env, "deploy", "--github-revision", "--commit", CliRun.COMMIT);

        assertThat(run.exit()).as(run.out()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).contains("no AWS credentials from the SDK's standard chain (AWS_PROFILE=empty): "
                + "Profile file contained no credentials for profile 'empty'").contains("aws sso login");
        assertThat(fake.calls()).isEmpty();
    }
}
