package org.democracyclub.ee.infra.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.democracyclub.ee.bootstrap.BootstrapProgram;
import org.democracyclub.ee.bootstrap.BootstrapSettings;
import org.democracyclub.ee.infra.program.MainProgram;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.ProjectFile;
import org.democracyclub.ee.infra.settings.StackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramsTest {
    private static final String ORG_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private static final String PROJECT_ID = "11111111-2222-4333-8444-555555555555";

    @Test
    void theEngineRunsTheBootstrapOnlyForTheBootstrapProject() {
        assertThat(Programs.underEngine(Map.of("PULUMI_PROJECT", "every-election-bootstrap")))
                .isSameAs(BootstrapProgram.INSTANCE);
        assertThat(Programs.underEngine(Map.of("PULUMI_PROJECT", "every-election"))).isSameAs(MainProgram.INSTANCE);
        assertThat(Programs.underEngine(Map.of())).isSameAs(MainProgram.INSTANCE);
    }

    @Test
    void theOfflineCommandsDecideByTheProjectFile() {
        assertThat(Programs.forProject(ProjectFile.read(Path.of("bootstrap")).name())).isSameAs(BootstrapProgram.INSTANCE);
        assertThat(Programs.forProject(ProjectFile.read(Path.of(".")).name())).isSameAs(MainProgram.INSTANCE);
    }

    /**
     * A bootstrap folder without a stack file, so the values can only come from the engine; above it
     * the main project's files, whose staging stack builds no image.
     */
    @Test
    void underTheEngineTheBootstrapReadsTheEnginesConfigurationNotItsStackFile(@TempDir Path main) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), main.resolve("Pulumi.yaml"));
        Files.copy(Path.of("Pulumi.staging.yaml"), main.resolve("Pulumi.staging.yaml"));
        Path emptyDir = Files.createDirectory(main.resolve("bootstrap"));
        Map<String, String> environment = Map.of(
                "PULUMI_PROJECT", "every-election-bootstrap",
                "PULUMI_STACK", "organization/every-election-bootstrap/staging",
                "PULUMI_CONFIG", "{\"aws:region\":\"eu-west-2\","
                        + "\"every-election-bootstrap:circleciOrgId\":\"" + ORG_ID + "\","
                        + "\"every-election-bootstrap:circleciProjectId\":\"" + PROJECT_ID + "\","
                        + "\"every-election-bootstrap:stateBucketName\":\"dc-ee-state-staging\"}");
        String stack = Programs.engineStack(environment);
        Object settings = Programs.underEngine(environment).settings(emptyDir, StackConfig.fromEngine(stack, environment));
        assertThat(settings).isEqualTo(new BootstrapSettings("staging", "eu-west-2", ORG_ID, PROJECT_ID,
                "dc-ee-state-staging", BootstrapSettings.DEFAULT_NONCURRENT_VERSION_DAYS, false));
    }

    @Test
    void aSecretTheEnginePassesIsRefusedByTheBootstrap(@TempDir Path emptyDir) {
        Map<String, String> environment = Map.of(
                "PULUMI_STACK", "staging",
                "PULUMI_CONFIG", "{\"every-election-bootstrap:circleciOrgId\":\"" + ORG_ID + "\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"every-election-bootstrap:circleciOrgId\"]");
        assertThatThrownBy(() -> BootstrapProgram.INSTANCE.settings(emptyDir,
                StackConfig.fromEngine(Programs.engineStack(environment), environment)))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsExactly(
                        "bootstrap/Pulumi.staging.yaml: every-election-bootstrap:circleciOrgId must be a plain value,"
                                + " not a secret (set it without --secret)"));
    }
}
