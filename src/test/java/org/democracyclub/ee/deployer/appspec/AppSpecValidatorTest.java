package org.democracyclub.ee.deployer.appspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.democracyclub.ee.common.Problem;
import org.democracyclub.ee.common.RevisionLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSpecValidatorTest {

    /** A valid appspec; each test breaks one thing in it. Line numbers below refer to it. */
    private static final String VALID = """
            version: 0.0
            os: linux
            files:
              - source: /
                destination: /var/www/every_election/repo/
            permissions:
              - object: /var/www/every_election/repo/
                pattern: "**"
                owner: every_election
                group: every_election
            hooks:
              BeforeInstall:
                - location: hooks/stop.sh
                  timeout: 300
                  runas: root
              AfterInstall:
                - location: hooks/deps.sh
                  timeout: 900
                  runas: every_election
            """;

    @TempDir
    Path dir;
    TestBundle bundle;

    @BeforeEach
    void scripts() {
        bundle = new TestBundle(dir).script("hooks/stop.sh", "true").script("hooks/deps.sh", "true");
    }

    private Validation validate(String yaml) {
        bundle.appspec(yaml);
        return AppSpecValidator.validate(dir);
    }

    private static void assertOnlyProblem(Validation v, int line, String message, String fix) {
        assertThat(v.problems()).as(v.problems().toString()).hasSize(1);
        assertProblem(v, line, message, fix);
    }

    private static void assertProblem(Validation v, int line, String message, String fix) {
        assertThat(v.problems()).as(v.problems().toString()).anySatisfy(p -> {
            assertThat(p.file().getFileName()).hasToString("appspec.yaml");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains(message);
            assertThat(p.fix()).contains(fix);
        });
    }

    @Test
    void acceptsTheProjectsOwnAppspec() {
        Validation v = AppSpecValidator.validate(Path.of("."));
        assertThat(v.problems()).isEmpty();
        assertThat(v.spec().hooks().keySet()).containsExactly(LifecycleEvent.BEFORE_INSTALL,
                LifecycleEvent.AFTER_INSTALL, LifecycleEvent.APPLICATION_START, LifecycleEvent.VALIDATE_SERVICE);
    }

    @Test
    void acceptsAValidSampleAndReadsItsHooksInFileOrder() {
        Validation v = validate(VALID);
        assertThat(v.problems()).isEmpty();
        assertThat(v.spec().hooks().get(LifecycleEvent.AFTER_INSTALL)).singleElement()
                .satisfies(h -> {
                    assertThat(h.location()).isEqualTo("hooks/deps.sh");
                    assertThat(h.timeoutSeconds()).isEqualTo(900);
                    assertThat(h.runas()).contains("every_election");
                });
    }

    @Test
    void rejectsRunsWhereRunasWasMeantAndSuggestsRunas() {
        Validation v = validate(VALID.replace("runas: every_election", "runs: every_election"));
        assertOnlyProblem(v, 19, "unknown key 'runs' in a script entry of AfterInstall", "did you mean runas?");
    }

    @Test
    void rejectsUnknownKeysAtTheTopAndInFilesAndPermissions() {
        Validation v = validate(VALID.replace("hooks:", "hook:").replace("    owner:", "    ownr:")
                .replace("    destination:", "    destiantion:"));
        assertProblem(v, 11, "unknown key 'hook' in the appspec", "did you mean hooks?");
        assertProblem(v, 9, "unknown key 'ownr' in a permissions entry", "did you mean owner?");
        assertProblem(v, 5, "unknown key 'destiantion' in a files entry", "did you mean destination?");
        assertProblem(v, 4, "a files entry has no 'destination'", "add destination");
    }

    @Test
    void rejectsAnUnknownEventAndListsTheValidOnes() {
        Validation v = validate(VALID.replace("  AfterInstall:", "  AfterInstal:"));
        assertOnlyProblem(v, 16, "unknown lifecycle event 'AfterInstal'", "did you mean AfterInstall?");
        assertProblem(v, 16, "AfterInstal", "ApplicationStop, BeforeInstall, AfterInstall, ApplicationStart,"
                + " ValidateService, BeforeAllowTraffic, AfterAllowTraffic");
    }

    @Test
    void rejectsScriptsForTheAgentsOwnEventsAndEcsOnlyEvents() {
        Validation v = validate(VALID.replace("  AfterInstall:", "  Install:")
                + "  AfterAllowTestTraffic:\n    - location: hooks/stop.sh\n");
        assertProblem(v, 16, "Install is the agent's own and cannot run scripts", "move the scripts");
        assertProblem(v, 20, "unknown lifecycle event 'AfterAllowTestTraffic'", "only for ECS");
    }

    @Test
    void rejectsAMissingScript() {
        Validation v = validate(VALID.replace("hooks/deps.sh", "hooks/dpes.sh"));
        assertOnlyProblem(v, 17, "AfterInstall script 'hooks/dpes.sh' does not exist", "fix the location");
    }

    @Test
    void rejectsAScriptThatIsNotExecutable() throws IOException {
        bundle.file("hooks/deps.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("hooks/deps.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        Validation v = validate(VALID);
        assertOnlyProblem(v, 17, "'hooks/deps.sh' is not executable", "chmod +x hooks/deps.sh");
    }

    @Test
    void rejectsRunasUsersOtherThanRootAndTheAppUser() {
        Validation v = validate(VALID.replace("runas: root", "runas: ubuntu"));
        assertOnlyProblem(v, 15, "runas user 'ubuntu' is not allowed", "root, every_election");
    }

    @Test
    void rejectsTimeoutsThatAreNotPositiveIntegers() {
        for (String bad : List.of("0", "-1", "5m", "2.5", "''")) {
            Validation v = validate(VALID.replace("timeout: 900", "timeout: " + bad));
            assertOnlyProblem(v, 18, "is not a positive whole number of seconds", "timeout: 300");
        }
    }

    @Test
    void rejectsAnEventWhoseTimeoutsAddUpToMoreThanAnHour() {
        Validation v = validate(VALID.replace("timeout: 900", "timeout: 1801")
                + "    - location: hooks/stop.sh\n      timeout: 1800\n");
        assertOnlyProblem(v, 16, "the timeouts of AfterInstall add up to 3601 s", "at most 3600");
    }

    @Test
    void countsAScriptWithoutTimeoutAsTheAgentsDefaultHour() {
        Validation v = validate(VALID + "    - location: hooks/stop.sh\n");
        assertOnlyProblem(v, 16, "add up to 4500 s", "at most 3600");
        assertProblem(v, 16, "without timeout counts as 3600 s", "");
    }

    @Test
    void rejectsAFilesSourceThatDoesNotExist() {
        Validation v = validate(VALID.replace("source: /", "source: build/"));
        assertOnlyProblem(v, 4, "files source 'build/' does not exist in the revision", "relative to the revision root");
    }

    @Test
    void rejectsPermissionsOutsideEveryFilesDestination() {
        Validation v = validate(VALID.replace("object: /var/www/every_election/repo/", "object: /var/www/other"));
        assertOnlyProblem(v, 7, "permissions object '/var/www/other' is outside every files destination",
                "use a path under /var/www/every_election/repo/");
    }

    @Test
    void rejectsAWrongVersionAndOs() {
        Validation v = validate(VALID.replace("version: 0.0", "version: 1.0").replace("os: linux", "os: windows"));
        assertProblem(v, 1, "version must be 0.0, not '1.0'", "version: 0.0");
        assertProblem(v, 2, "os must be linux, not 'windows'", "os: linux");
    }

    @Test
    void reportsEveryProblemOfAFileInLineOrder() {
        Validation v = validate(VALID.replace("runas: every_election", "runs: every_election")
                .replace("runas: root", "runas: admin").replace("source: /", "source: nope")
                .replace("hooks/stop.sh", "hooks/missing.sh"));
        assertThat(v.problems()).extracting(Problem::line).containsExactly(4, 13, 15, 19);
    }

    @Test
    void rejectsDuplicateKeysThatYamlWouldSilentlyMerge() {
        Validation v = validate(VALID.replace("      timeout: 300\n", "      timeout: 300\n      timeout: 30\n"));
        assertOnlyProblem(v, 15, "duplicate key 'timeout'", "remove one");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        Validation v = validate(VALID.replace("    - location: hooks/deps.sh", "    - location: [hooks/deps.sh"));
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isBetween(17, 20);
        });
    }

    @Test
    void acceptsTheAgentsOlderNameAppspecYml() {
        bundle.file(RevisionLayout.BUNDLE_APPSPEC, VALID);
        Validation v = AppSpecValidator.validate(dir);
        assertThat(v.valid()).as(v.problems().toString()).isTrue();
        assertThat(v.file().getFileName()).hasToString("appspec.yml");
    }

    @Test
    void rejectsARevisionWithBothNamesBecauseAgentsDifferInWhichTheyRead() {
        bundle.appspec(VALID);
        bundle.file(RevisionLayout.BUNDLE_APPSPEC, VALID);
        Validation v = AppSpecValidator.validate(dir);
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName()).hasToString("appspec.yml");
            assertThat(p.message()).contains("has both appspec.yaml and appspec.yml");
            assertThat(p.fix()).isEqualTo("git rm appspec.yml");
        });
    }

    @Test
    void rejectsAHooksEntryWrittenWithoutTheListDash() {
        Validation v = validate(VALID.replace("    - location: hooks/deps.sh\n      timeout: 900\n      runas: every_election\n",
                "    location: hooks/deps.sh\n"));
        assertOnlyProblem(v, 17, "the scripts of AfterInstall must be a list", "start each entry with '- '");
    }
}
