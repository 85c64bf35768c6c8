package org.democracyclub.ee.deployer.appspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.democracyclub.ee.common.RevisionLayout;
import org.junit.jupiter.api.Test;

/**
 * What the hooks expect of the application tree is written once, in ee-deploy/app-contract.txt;
 * the fixture app must satisfy it, and so must the real app when its repository is on the
 * machine (the mirror this project was written against; in CI it may be absent, then that part
 * is skipped). Also pins the facts of the app that the hooks' commands rely on.
 */
class AppspecAppContractIT {
    static final Path CONTRACT = Path.of(RevisionLayout.REVISION_DIRECTORY, "app-contract.txt");
    static final Path FIXTURE = Path.of("src/test/resources/fixture-app");
    /** A bare clone of DemocracyClub/EveryElection, if this machine has one. */
    static final Path REAL_APP_GIT = Path.of("/work/.mirror/DemocracyClub+EveryElection/repo");

    static List<String> contract() throws IOException {
        return Files.readAllLines(CONTRACT).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void theFixtureAppHasEveryFileTheHooksNeed() throws IOException {
        assertThat(contract()).contains("pyproject.toml", "uv.lock", "package-lock.json", "manage.py");
        assertThat(contract()).allSatisfy(path -> assertThat(FIXTURE.resolve(path)).as(path).isRegularFile());
    }

    @Test
    void theFixtureAppHasTheRealAppsOwnAppspecAndDeployFolderWhichMustNotShip() {
        assertThat(FIXTURE.resolve("appspec.yml")).isRegularFile();
        assertThat(FIXTURE.resolve("deploy")).isDirectory();
        assertThat(RevisionLayout.EXCLUDED_APP_PATHS).contains("appspec.yml", "deploy");
    }

    @Test
    void theRealAppHasEveryFileTheHooksNeed() throws Exception {
        assumeTrue(Files.isDirectory(REAL_APP_GIT), "no mirror of the app on this machine");
        List<String> files = git("ls-tree", "-r", "HEAD", "--name-only").lines().toList();
        assertThat(files).containsAll(contract());
        assertThat(files).noneMatch(f -> f.startsWith(RevisionLayout.REVISION_DIRECTORY + "/"));
    }

    @Test
    void theHooksUvPinIsTheVersionTheAppRequires() throws Exception {
        String pin = HookSettingsIT.shellValue("EE_UV_REQUIREMENT");
        assertThat(pin).isEqualTo("uv" + requiredUv(Files.readString(FIXTURE.resolve("pyproject.toml"))));
        if (Files.isDirectory(REAL_APP_GIT)) {
            assertThat(pin).isEqualTo("uv" + requiredUv(git("show", "HEAD:pyproject.toml")));
        }
    }

    @Test
    void theSyncedGroupsAreTheAppsAndOnlyProductionIsInstalled() throws Exception {
        String hook = Files.readString(HookSettingsIT.HOOKS.resolve("install_python_deps.sh"));
        assertThat(hook).contains("sync --locked --group production --no-group dev --no-group cdk");
        String pyproject = Files.isDirectory(REAL_APP_GIT) ? git("show", "HEAD:pyproject.toml")
                : Files.readString(FIXTURE.resolve("pyproject.toml"));
        for (String group : List.of("production", "dev", "cdk")) {
            assertThat(pyproject).containsPattern("(?m)^" + group + " = \\[");
        }
    }

    private static String requiredUv(String pyproject) {
        Matcher m = Pattern.compile("(?m)^required-version = \"([^\"]+)\"").matcher(pyproject);
        assertThat(m.find()).as("required-version in pyproject.toml").isTrue();
        return m.group(1);
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "--git-dir=" + REAL_APP_GIT));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
