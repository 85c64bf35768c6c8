package org.democracyclub.ee.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.democracyclub.ee.infra.settings.Environment;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BootstrapSettingsTest {
    private static final String SOURCE = "bootstrap/Pulumi.staging.yaml";

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-2");
        config.put(BootstrapSettings.ORG_ID_KEY, BootstrapFixtures.ORG_ID);
        config.put(BootstrapSettings.PROJECT_ID_KEY, BootstrapFixtures.PROJECT_ID);
        config.put(BootstrapSettings.BUCKET_KEY, "dc-ee-pulumi-state-staging");
        return config;
    }

    @Test
    void eachCommittedStackFileNamesItsOwnValidStateBucketInEuWest2() {
        Set<String> buckets = new HashSet<>();
        for (String environment : Environment.stackNames()) {
            BootstrapSettings settings = BootstrapFixtures.settings(environment);
            assertThat(settings.region()).isEqualTo("eu-west-2");
            assertThat(settings.environment()).isEqualTo(environment);
            assertThat(buckets.add(settings.stateBucketName())).as("bucket of " + environment + " is unique").isTrue();
        }
    }

    @Test
    void theBootstrapProjectFileNamesTheProjectTheJarRecognisesAndRunsThePrebuiltJar() throws IOException {
        String project = Files.readString(BootstrapFixtures.PROJECT_DIR.resolve("Pulumi.yaml"));
        assertThat(project).contains("name: " + BootstrapProgram.PROJECT_NAME).contains("binary: ../target/ee-infra.jar");
    }

    @Test
    void acceptsAValidConfiguration() {
        BootstrapSettings settings = BootstrapSettings.fromConfig("staging", valid(), SOURCE);
        assertThat(settings).isEqualTo(new BootstrapSettings("staging", "eu-west-2", BootstrapFixtures.ORG_ID,
                BootstrapFixtures.PROJECT_ID, "dc-ee-pulumi-state-staging",
                BootstrapSettings.DEFAULT_NONCURRENT_VERSION_DAYS, false));
        assertThat(settings.tags()).isEqualTo(Map.of("dc-product", "ee", "dc-environment", "staging"));
    }

    @Test
    void missingCircleCiIdsAreNamedWithTheCommandThatSetsThem() {
        Map<String, String> config = valid();
        config.remove(BootstrapSettings.ORG_ID_KEY);
        config.remove(BootstrapSettings.PROJECT_ID_KEY);
        assertThatThrownBy(() -> BootstrapSettings.fromConfig("staging", config, SOURCE))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsExactly(
                        SOURCE + ": every-election-bootstrap:circleciOrgId is not set; it must be a lower-case UUID:"
                                + " CircleCI, Organization Settings, Overview, Organization ID (set it with:"
                                + " pulumi -C bootstrap config set circleciOrgId <value> -s staging)",
                        SOURCE + ": every-election-bootstrap:circleciProjectId is not set; it must be a lower-case"
                                + " UUID: CircleCI, Project Settings, Overview, Project ID (set it with:"
                                + " pulumi -C bootstrap config set circleciProjectId <value> -s staging)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EE-State", "ab", "dc.ee.state", "-dc-ee", "dc-ee-", "dc--ee", "xn--dcee", "dc-ee-s3alias"})
    void refusesABucketNameS3WouldRefuseOrThatBreaksTls(String bucket) {
        Map<String, String> config = valid();
        config.put(BootstrapSettings.BUCKET_KEY, bucket);
        assertThatThrownBy(() -> BootstrapSettings.fromConfig("staging", config, SOURCE))
                .hasMessageContaining(SOURCE + ": every-election-bootstrap:stateBucketName is '" + bucket + "'")
                .hasMessageContaining("lower-case letters, digits and hyphens");
    }

    @Test
    void refusesAnIdThatIsNotAUuid() {
        Map<String, String> config = valid();
        config.put(BootstrapSettings.ORG_ID_KEY, "DemocracyClub");
        assertThatThrownBy(() -> BootstrapSettings.fromConfig("staging", config, SOURCE))
                .hasMessageContaining("circleciOrgId is 'DemocracyClub'; it must be a lower-case UUID");
    }

    @Test
    void refusesATypoInTheProjectNamespaceInsteadOfIgnoringIt() {
        Map<String, String> config = valid();
        config.put("every-election-bootstrap:circleciOrgID", BootstrapFixtures.ORG_ID);
        assertThatThrownBy(() -> BootstrapSettings.fromConfig("staging", config, SOURCE))
                .hasMessageContaining("unknown key every-election-bootstrap:circleciOrgID");
    }

    @Test
    void refusesAnotherRegionAndAStackThatIsNotAnEnvironment() {
        Map<String, String> config = valid();
        config.put("aws:region", "us-east-1");
        assertThatThrownBy(() -> BootstrapSettings.fromConfig("dev", config, SOURCE))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("the stack is named 'dev'")
                                .contains("development, staging or production"))
                        .anySatisfy(p -> assertThat(p).contains("aws:region is 'us-east-1'; it must be eu-west-2")));
    }

    @Test
    void readsTheStackFileFromTheProjectFolder(@TempDir Path main) throws IOException {
        Path dir = mainProjectAbove(main, "production", "true");
        writeCompleteStackFile(dir, "production", "dc-ee-state-prod");
        assertThat(BootstrapSettings.load(dir, "production").stateBucketName()).isEqualTo("dc-ee-state-prod");
    }

    /** The main stack of the same name says whether the account builds images, so whether the key is made here. */
    @Test
    void theImageKeyIsMadeWhereTheMainStackBuildsImages(@TempDir Path main) throws IOException {
        Path dir = mainProjectAbove(main, "staging", "true");
        writeCompleteStackFile(dir, "staging", "dc-ee-state-staging");
        assertThat(BootstrapSettings.load(dir, "staging").goldenImageKey()).isTrue();
        Files.writeString(main.resolve("Pulumi.staging.yaml"), "config:\n  aws:region: eu-west-2\n");
        assertThat(BootstrapSettings.load(dir, "staging").goldenImageKey()).as("Pulumi.yaml's default").isFalse();
    }

    @Test
    void aMainStackFileThatSaysNeitherTrueNorFalseIsNamed(@TempDir Path main) throws IOException {
        Path dir = mainProjectAbove(main, "staging", "yes");
        writeCompleteStackFile(dir, "staging", "dc-ee-state-staging");
        assertThatThrownBy(() -> BootstrapSettings.load(dir, "staging"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("Pulumi.staging.yaml").contains("every-election:buildGoldenImages")
                        .contains("'yes'").contains("true or false"));
    }

    @Test
    void theRealStackFilesMakeTheKeyInProductionOnly() {
        assertThat(BootstrapFixtures.settings("production").goldenImageKey()).isTrue();
        assertThat(BootstrapFixtures.settings("staging").goldenImageKey()).isFalse();
        assertThat(BootstrapFixtures.settings("development").goldenImageKey()).isFalse();
    }

    /** The main project (the real Pulumi.yaml, a stack file setting buildGoldenImages) with bootstrap/ below it. */
    private static Path mainProjectAbove(Path main, String stack, String buildsImages) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), main.resolve("Pulumi.yaml"));
        Files.writeString(main.resolve("Pulumi." + stack + ".yaml"),
                "config:\n  aws:region: eu-west-2\n  every-election:buildGoldenImages: " + buildsImages + "\n");
        return Files.createDirectory(main.resolve("bootstrap"));
    }

    @Test
    void aMissingStackFileSaysHowToCreateIt(@TempDir Path dir) {
        assertThatThrownBy(() -> BootstrapSettings.load(dir, "staging"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsExactly(
                        "bootstrap/Pulumi.staging.yaml: no such file; create it with:"
                                + " pulumi -C bootstrap stack init staging"));
    }

    @Test
    void aStackFileThatIsNotYamlIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), "config:\n  aws:region: [eu-west-2\n");
        assertThatThrownBy(() -> BootstrapSettings.load(dir, "staging"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("bootstrap/Pulumi.staging.yaml line 3: not valid YAML"));
    }

    @Test
    void aSecretValueIsRefusedBecauseTheBootstrapHasNoSecrets(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Pulumi.staging.yaml"),
                "config:\n  every-election-bootstrap:circleciOrgId:\n    secure: AAABAJ==\n");
        assertThatThrownBy(() -> BootstrapSettings.load(dir, "staging"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsExactly(
                        "bootstrap/Pulumi.staging.yaml line 2: every-election-bootstrap:circleciOrgId must be a plain"
                                + " value, not a secret (set it without --secret)"));
    }

    @Test
    void readsTheUnvalidatedConfigurationForToolsThatShowTheBootstrap() {
        assertThat(BootstrapSettings.stackFile(BootstrapFixtures.PROJECT_DIR, "production").values())
                .hasEntrySatisfying("aws:region", value -> assertThat(value.text()).isEqualTo("eu-west-2"))
                .containsKey(BootstrapSettings.BUCKET_KEY);
    }

    private static void writeCompleteStackFile(Path dir, String stack, String bucket) throws IOException {
        Files.writeString(dir.resolve("Pulumi." + stack + ".yaml"), String.join("\n",
                "config:",
                "  aws:region: eu-west-2",
                "  every-election-bootstrap:circleciOrgId: " + BootstrapFixtures.ORG_ID,
                "  every-election-bootstrap:circleciProjectId: " + BootstrapFixtures.PROJECT_ID,
                "  every-election-bootstrap:stateBucketName: " + bucket, ""));
    }

    @Test
    void theStateBucketKeepsOldVersionsForTheConfiguredDays() {
        Map<String, String> config = valid();
        config.put(BootstrapSettings.NONCURRENT_DAYS_KEY, "30");
        assertThat(BootstrapSettings.fromConfig("staging", config, SOURCE).noncurrentVersionDays()).isEqualTo(30);
        for (String bad : List.of("0", "-1", "ninety", "3651", "1.5")) {
            config.put(BootstrapSettings.NONCURRENT_DAYS_KEY, bad);
            assertThatThrownBy(() -> BootstrapSettings.fromConfig("staging", config, SOURCE)).as(bad)
                    .hasMessageContaining(BootstrapSettings.NONCURRENT_DAYS_KEY + " is '" + bad + "'")
                    .hasMessageContaining("a whole number of days from 1 to 3650")
                    .hasMessageContaining("pulumi -C bootstrap config set stateNoncurrentVersionDays");
        }
    }
}
