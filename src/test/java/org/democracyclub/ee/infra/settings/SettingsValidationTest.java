package org.democracyclub.ee.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every invalid stack file fails before anything is declared, naming file, key, value and fix. */
class SettingsValidationTest {
    @TempDir
    Path project;

    @BeforeEach
    void copyTheRealProjectFile() throws IOException {
        Files.copy(Path.of(ProjectFile.FILE_NAME), project.resolve(ProjectFile.FILE_NAME));
    }

    private StackSettings read(String stackFile) throws IOException {
        Files.writeString(project.resolve("Pulumi.staging.yaml"), stackFile);
        return SettingsReader.read(ProjectFile.read(project), StackConfig.fromStackFile(project, "staging"));
    }

    private String problemsOf(String stackFile) {
        try {
            read(stackFile);
        } catch (InvalidSettingsException e) {
            return String.join("\n", e.problems());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the settings to be rejected:\n" + stackFile);
    }

    private static String stack(String... lines) {
        return "config:\n  aws:region: eu-west-2\n" + String.join("", java.util.Arrays.stream(lines)
                .map(l -> "  " + l + "\n").toList());
    }

    @Test
    void aMinimalStackFileIsValid() throws IOException {
        assertThat(read(stack()).instanceType()).isEqualTo("t3a.medium");
    }

    @Test
    void anImpossibleCapacityIsRejectedWithTheRule() {
        assertThat(problemsOf(stack("every-election:minSize: 3", "every-election:desiredCapacity: 2",
                "every-election:maxSize: 4")))
                .contains("Pulumi.staging.yaml: fleet capacity minSize=3, desiredCapacity=2, maxSize=4 is impossible")
                .contains("allowed: minSize <= desiredCapacity <= maxSize");
    }

    @Test
    void aFleetWithNoRoomIsRejected() {
        assertThat(problemsOf(stack("every-election:maxSize: 0")))
                .contains("Pulumi.staging.yaml line 3: every-election:maxSize: '0' is not valid; allowed: a whole number, 1 or more");
    }

    @Test
    void anInstanceTypeWithoutFamilyAndSizeIsRejected() {
        assertThat(problemsOf(stack("every-election:instanceType: t3amedium")))
                .contains("Pulumi.staging.yaml line 3: every-election:instanceType: 't3amedium' is not valid")
                .contains("allowed: an instance type such as t3a.medium");
    }

    @Test
    void aTypoInAKeyIsNotSilentlyIgnored() {
        assertThat(problemsOf(stack("every-election:instanceTyp: t3a.large")))
                .contains("Pulumi.staging.yaml line 3: every-election:instanceTyp is not a setting of this project")
                .contains("instanceType");
    }

    @Test
    void aStackFileThatIsNotYamlIsRejectedWithItsLine() {
        assertThat(problemsOf("config:\n  aws:region: eu-west-2\n  every-election:minSize: [1\n"))
                .contains("Pulumi.staging.yaml line")
                .contains("not valid YAML");
    }

    @Test
    void anotherRegionIsRejected() {
        assertThat(problemsOf("config:\n  aws:region: us-east-1\n"))
                .contains("aws:region is 'us-east-1'; allowed: eu-west-2");
    }

    @Test
    void aNumberThatIsNotANumberIsRejected() {
        assertThat(problemsOf(stack("every-election:rootVolumeSizeGiB: twenty")))
                .contains("every-election:rootVolumeSizeGiB: 'twenty' is not valid; allowed: 8 to 16384 GiB");
    }

    @Test
    void moreIopsThanGp3AllowsForTheSizeIsRejected() {
        assertThat(problemsOf(stack("every-election:rootVolumeSizeGiB: 8", "every-election:rootVolumeIops: 6000")))
                .contains("every-election:rootVolumeIops: 6000 is more than gp3 allows for 8 GiB");
    }

    @Test
    void aHealthCheckTimeoutMustBeShorterThanItsInterval() {
        assertThat(problemsOf(stack("every-election:healthCheckIntervalSeconds: 5",
                "every-election:healthCheckTimeoutSeconds: 5")))
                .contains("every-election:healthCheckTimeoutSeconds: 5 must be less than healthCheckIntervalSeconds (5)");
    }

    @Test
    void aMalformedAmiOverrideIsRejected() {
        assertThat(problemsOf(stack("every-election:amiId: ami-xyz")))
                .contains("every-election:amiId: 'ami-xyz' is not valid; allowed: empty, or an AMI ID");
    }

    @Test
    void theOriginSecretInPlainTextIsRejected() {
        assertThat(problemsOf(stack("every-election:originVerifySecret: hunter2")))
                .contains("every-election:originVerifySecret is stored in plain text; it must be a Pulumi secret")
                .contains("pulumi config set --secret originVerifySecret");
    }

    @Test
    void anEncryptedOriginSecretIsAccepted() throws IOException {
        var settings = read(stack("every-election:originVerifySecret:", "  secure: v1:abcdef"));
        assertThat(settings.originVerifySecret().known()).isFalse();
    }

    @Test
    void revisionVersionsMustBeKeptBetweenOneDayAndTenYears() {
        assertThat(problemsOf(stack("every-election:revisionVersionsExpireAfterDays: 0")))
                .contains("revisionVersionsExpireAfterDays").contains("1 to 3650 days");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problemsOf(stack("every-election:instanceType: big", "every-election:maxSize: 0",
                "every-election:terminateOldFleetAfterMinutes: -1")).lines())
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aStackThatIsNotAnEnvironmentIsRejected() throws IOException {
        Files.writeString(project.resolve("Pulumi.qa.yaml"), stack());
        assertThatThrownBy(() -> SettingsReader.read(ProjectFile.read(project), StackConfig.fromStackFile(project, "qa")))
                .hasMessageContaining("stack 'qa': not an environment of this project; allowed: development, staging, production");
    }

    @Test
    void aMissingStackFileIsNamed() {
        assertThatThrownBy(() -> StackConfig.fromStackFile(project, "production"))
                .hasMessageContaining("Pulumi.production.yaml: not found");
    }

    @Test
    void theEngineConfigurationIsReadWithItsSecretKeys() {
        var config = StackConfig.fromEngine("production", Map.of(
                "PULUMI_CONFIG", "{\"aws:region\":\"eu-west-2\",\"every-election:originVerifySecret\":\"0123456789abcdef0123456789abcdef\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"every-election:originVerifySecret\"]"));
        var settings = SettingsReader.read(ProjectFile.read(project), config);
        assertThat(settings.originVerifySecret().known()).isTrue();
        assertThat(settings.originVerifySecret().value()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void aShortOriginSecretFromTheEngineIsRejected() {
        var config = StackConfig.fromEngine("production", Map.of(
                "PULUMI_CONFIG", "{\"aws:region\":\"eu-west-2\",\"every-election:originVerifySecret\":\"short\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"every-election:originVerifySecret\"]"));
        assertThatThrownBy(() -> SettingsReader.read(ProjectFile.read(project), config))
                .hasMessageContaining("every-election:originVerifySecret is 5 characters; allowed: 32 to 128");
    }

    private static StackConfig engine(Map<String, String> secrets) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, String> config = new java.util.TreeMap<>(Map.of("aws:region", "eu-west-2"));
        secrets.forEach((key, value) -> config.put("every-election:" + key, value));
        return StackConfig.fromEngine("production", Map.of(
                "PULUMI_CONFIG", json.writeValueAsString(config),
                "PULUMI_CONFIG_SECRET_KEYS", json.writeValueAsString(
                        secrets.keySet().stream().sorted().map(k -> "every-election:" + k).toList())));
    }

    @Test
    void anOriginSecretLongerThanALoadBalancerConditionTakesIsRejected() throws IOException {
        var config = engine(Map.of("originVerifySecret", "a".repeat(129)));
        assertThatThrownBy(() -> SettingsReader.read(ProjectFile.read(project), config))
                .hasMessageContaining("every-election:originVerifySecret is 129 characters; allowed: 32 to 128");
    }

    @Test
    void anOriginSecretOfOneHundredAndTwentyEightLettersAndDigitsIsAccepted() throws IOException {
        var settings = SettingsReader.read(ProjectFile.read(project),
                engine(Map.of("originVerifySecret", "aZ09".repeat(32))));
        assertThat(settings.originVerifySecret().accepted()).containsExactly("aZ09".repeat(32));
    }

    @Test
    void anOriginSecretWithWildcardCharactersIsRejected() throws IOException {
        var config = engine(Map.of("originVerifySecret", "0123456789abcdef0123456789abcde*"));
        assertThatThrownBy(() -> SettingsReader.read(ProjectFile.read(project), config))
                .hasMessageContaining("every-election:originVerifySecret has characters other than letters and digits")
                .hasMessageContaining("allowed: [A-Za-z0-9]");
    }

    @Test
    void duringARotationTheLoadBalancerAcceptsTheNewSecretAndTheRetiringOne() throws IOException {
        var settings = SettingsReader.read(ProjectFile.read(project), engine(Map.of(
                "originVerifySecret", "N".repeat(40), "previousOriginVerifySecret", "O".repeat(40))));
        assertThat(settings.originVerifySecret().value()).isEqualTo("N".repeat(40));
        assertThat(settings.originVerifySecret().accepted()).containsExactly("N".repeat(40), "O".repeat(40));
    }

    @Test
    void aRetiringSecretIsValidatedLikeTheCurrentOne() throws IOException {
        var config = engine(Map.of("originVerifySecret", "N".repeat(40), "previousOriginVerifySecret", "old-one"));
        assertThatThrownBy(() -> SettingsReader.read(ProjectFile.read(project), config))
                .hasMessageContaining("every-election:previousOriginVerifySecret is 7 characters; allowed: 32 to 128")
                .hasMessageContaining("every-election:previousOriginVerifySecret has characters other than letters and digits");
    }

    @Test
    void aRetiringSecretEqualToTheCurrentOneIsRejected() throws IOException {
        var config = engine(Map.of("originVerifySecret", "N".repeat(40), "previousOriginVerifySecret", "N".repeat(40)));
        assertThatThrownBy(() -> SettingsReader.read(ProjectFile.read(project), config))
                .hasMessageContaining("every-election:previousOriginVerifySecret equals every-election:originVerifySecret");
    }
}
