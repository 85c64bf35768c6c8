package org.democracyclub.ee.infra.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.democracyclub.ee.infra.InfraMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ee-infra.jar preview}: the README's main command, with its output captured. */
class PreviewCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int preview(String... args) {
        CommandLine cli = new CommandLine(new InfraMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "preview";
        System.arraycopy(args, 0, full, 1, args.length);
        return cli.execute(full);
    }

    @Test
    void printsTheResourceTreeAndOutputsOfAStack() {
        assertThat(preview("--stack", "production")).isZero();
        assertThat(out.toString())
                .contains("Stack production:")
                .contains("▸ ee-lb  (ee:platform:LoadBalancing)")
                .contains("• ee-alb-tg  (aws:lb/targetGroup:TargetGroup)")
                .contains("instanceType: t3a.large")
                .contains("url                     https://elections.example.org.uk");
    }

    @Test
    void neverPrintsTheOriginSecret() {
        preview("--stack", "staging", "--format", "json");
        assertThat(out.toString()).doesNotContain(org.democracyclub.ee.infra.settings.StackSettings.OriginSecret.PLACEHOLDER).contains("[secret]");
    }

    @Test
    void previewsSeveralStacksInOneRun() {
        assertThat(preview("--stack", "development,staging", "--stack", "production")).isZero();
        assertThat(out.toString()).contains("Stack development:", "Stack staging:", "Stack production:");
    }

    @Test
    void printsJsonForTools() throws IOException {
        assertThat(preview("--stack", "development", "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("stack").asText()).isEqualTo("development");
        assertThat(json.get("outputs").get("applicationName").asText()).isEqualTo("EECodeDeploy");
        assertThat(json.get("resources").findValuesAsText("type")).contains("aws:cloudfront/distribution:Distribution");
    }

    @Test
    void aFolderWithoutAProjectFileExitsTwoNamingItAndTheFix(@TempDir Path elsewhere) {
        assertThat(preview("--stack", "production", "--project-dir", elsewhere.toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains("error: stack production has invalid settings:")
                .contains(elsewhere.resolve("Pulumi.yaml") + ": cannot be read")
                .contains("pass --project-dir")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBrokenStackFileExitsTwoWithItsProblems(@TempDir Path project) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.staging.yaml"), """
                config:
                  aws:region: eu-west-2
                  every-election:minSize: 5
                  every-election:maxSize: 2
                  every-election:instanceType: large
                """);
        assertThat(preview("--stack", "staging", "--project-dir", project.toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains("error: stack staging has invalid settings:")
                .contains("every-election:instanceType: 'large' is not valid")
                .contains("is impossible; allowed: minSize <= desiredCapacity <= maxSize");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFixtureFileChangesWhatTheAccountAnswers(@TempDir Path dir) throws IOException {
        Path fixture = dir.resolve("fixture.yaml");
        Files.writeString(fixture, """
                ssmParameters:
                  SSL_CERTIFICATE_ARN: arn:aws:acm:eu-west-2:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
                """);
        assertThat(preview("--stack", "staging", "--fixture", fixture.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("CloudFront only accepts certificates from us-east-1");
    }

    @Test
    void anUnknownFixtureKeyIsRejected(@TempDir Path dir) throws IOException {
        Path fixture = dir.resolve("fixture.yaml");
        Files.writeString(fixture, "acountId: '1'\n");
        assertThat(preview("--stack", "staging", "--fixture", fixture.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown key 'acountId'");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(preview("--stack", "staging", "--format", "yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("--format");
    }

    @Test
    void endsWithThePolicySummary() {
        assertThat(preview("--stack", "staging")).isZero();
        int rules = org.democracyclub.ee.infra.policy.PolicyEngine.standard().rules().size();
        assertThat(out.toString()).contains("Policy (staging): " + rules + " rules, 0 violations");
    }

    @Test
    void previewsTheAccountBootstrapWithTheCiPolicies() {
        assertThat(preview("--project-dir", "bootstrap", "--stack", "staging")).isZero();
        assertThat(out.toString())
                .contains("Stack bootstrap staging:")
                .contains("circleciOrgId is not set yet")
                .contains("• ee-state-bucket  (aws:s3/bucketV2:BucketV2)")
                .contains("\"Action\":[\"iam:PassRole\"]")
                .contains("0 violations (2 suppressed)");
    }
}
