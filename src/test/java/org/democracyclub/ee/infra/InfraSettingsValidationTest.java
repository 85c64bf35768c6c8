package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.infra.settings.BuildSchedule;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.ProjectFile;
import org.democracyclub.ee.infra.settings.SettingsReader;
import org.democracyclub.ee.infra.settings.StackConfig;
import org.democracyclub.ee.infra.settings.StackSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The golden image and app-access settings: defaults, accepted values, and each refusal with its fix. */
class InfraSettingsValidationTest {
    @TempDir
    Path project;

    @BeforeEach
    void copyTheRealProjectFile() throws IOException {
        Files.copy(Path.of(ProjectFile.FILE_NAME), project.resolve(ProjectFile.FILE_NAME));
    }

    private StackSettings read(String... lines) throws IOException {
        Files.writeString(project.resolve("Pulumi.production.yaml"), "config:\n  aws:region: eu-west-2\n"
                + String.join("", java.util.Arrays.stream(lines).map(l -> "  every-election:" + l + "\n").toList()));
        return SettingsReader.read(ProjectFile.read(project), StackConfig.fromStackFile(project, "production"));
    }

    private String problemsOf(String... lines) {
        try {
            read(lines);
        } catch (InvalidSettingsException e) {
            return String.join("\n", e.problems());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the settings to be rejected: " + List.of(lines));
    }

    @Test
    void theDefaultsAreProductionsAppBucketsADailyBuildAndNoCopies() throws IOException {
        StackSettings settings = read("buildGoldenImages: true", "baseImage: ami-0123456789abcdef0");
        assertThat(settings.appAccess().noticeOfElectionBucket()).contains("notice-of-election");
        // The backup bucket is declared by the stack that names it, so only production's stack file does.
        assertThat(settings.appAccess().databaseBackupBucket()).isEmpty();
        assertThat(settings.appAccess().dataCacheBucket()).contains("ee.data-cache.production");
        assertThat(settings.appAccess().boundaryReviewBucket()).isEmpty();
        assertThat(settings.goldenImages().orElseThrow().schedule()).isEqualTo(BuildSchedule.DEFAULT);
        assertThat(settings.goldenImages().orElseThrow().launchAccountIds()).isEmpty();
        assertThat(settings.goldenImageSourceAccountId()).isEqualTo(Optional.empty());
    }

    @Test
    void theScheduleDefaultInPulumiYamlIsTheOneTheCodeUses() {
        assertThat(ProjectFile.read(Path.of(".")).declarations().get("goldenImageSchedule").defaultValue())
                .isEqualTo(BuildSchedule.DEFAULT);
    }

    @Test
    void aStackThatBuildsImagesMustNameItsBaseImage() {
        assertThat(problemsOf("buildGoldenImages: true"))
                .contains("every-election:baseImage: base image is not set (this stack builds golden images)")
                .contains("aws ec2 describe-images --executable-users self");
    }

    @Test
    void theOldSsmDefaultIsRefusedWithTheReason() {
        assertThat(problemsOf("buildGoldenImages: true", "baseImage: ssm:/dc-base-image/ami-id"))
                .contains("nothing publishes the DC base image in SSM: take its AMI ID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 day)", "cron(0 4 * * ?)", "cron(0 4 * * ? * *)", "0 4 * * ? *"})
    void aScheduleThatIsNotASixFieldCronIsRefused(String schedule) {
        assertThat(problemsOf("buildGoldenImages: true", "baseImage: ami-0123456789abcdef0",
                "goldenImageSchedule: \"" + schedule + "\""))
                .contains("every-election:goldenImageSchedule")
                .contains("an Image Builder cron expression with six fields");
    }

    @Test
    void launchAccountsAreDistinctTwelveDigitIds() throws IOException {
        assertThat(read("buildGoldenImages: true", "baseImage: ami-0123456789abcdef0",
                "goldenImageLaunchAccountIds: \"111111111111, 222222222222\"").goldenImages().orElseThrow()
                .launchAccountIds()).containsExactly("111111111111", "222222222222");
        for (String bad : List.of("1111", "111111111111,111111111111", "111111111111,")) {
            assertThat(problemsOf("buildGoldenImages: true", "baseImage: ami-0123456789abcdef0",
                    "goldenImageLaunchAccountIds: \"" + bad + "\""))
                    .as(bad).contains("is not a list of distinct 12-digit AWS account IDs separated by commas");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Notice_Of_Election", "ab", "-bucket", "bucket-"})
    void aBucketThatIsNotAnS3BucketNameIsRefused(String bucket) {
        assertThat(problemsOf("noticeOfElectionBucket: \"" + bucket + "\""))
                .contains("every-election:noticeOfElectionBucket")
                .contains("an S3 bucket name: 3 to 63 lower-case letters, digits, '.' and '-'");
    }

    @Test
    void anEmptyBucketGrantsNothing() throws IOException {
        assertThat(read("databaseBackupBucket: \"\"").appAccess().databaseBackupBucket()).isEmpty();
    }

    @Test
    void aSourceAccountMustBeTwelveDigits() {
        assertThat(problemsOf("goldenImageSourceAccountId: \"12345\""))
                .contains("every-election:goldenImageSourceAccountId");
        assertThatThrownBy(() -> read("goldenImageSourceAccountId: \"12345\"")).isInstanceOf(InvalidSettingsException.class);
    }
}
