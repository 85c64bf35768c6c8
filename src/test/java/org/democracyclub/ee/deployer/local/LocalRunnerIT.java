package org.democracyclub.ee.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.appspec.TestBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunnerIT {
    @TempDir
    Path tmp;
    Path bundleDir;
    Path destination;
    Path log;
    TestBundle bundle;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void dirs() throws IOException {
        bundleDir = Files.createDirectory(tmp.resolve("bundle"));
        destination = tmp.resolve("root");
        log = tmp.resolve("hooks.log");
        bundle = new TestBundle(bundleDir);
    }

    private int run(List<String> events) throws Exception {
        LocalOptions options = new LocalOptions(bundleDir, destination, events, true, "EECodeDeploy",
                "EEDefaultDeploymentGroup", Map.of("HOOK_LOG", log.toString()));
        return new LocalRunner(options, new PrintWriter(out), new PrintWriter(err)).run();
    }

    private List<String> logLines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** A hook that appends its event and the agent's variables to the log. */
    private static String logging(String name) {
        return "echo \"" + name + " $LIFECYCLE_EVENT $DEPLOYMENT_ID $APPLICATION_NAME $DEPLOYMENT_GROUP_NAME"
                + " $DEPLOYMENT_GROUP_ID\" >>\"$HOOK_LOG\"\necho \"hello from " + name + "\"";
    }

    private static String hooks(String... eventAndScript) {
        StringBuilder yaml = new StringBuilder("version: 0.0\nos: linux\nhooks:\n");
        for (int i = 0; i < eventAndScript.length; i += 2) {
            yaml.append("  ").append(eventAndScript[i]).append(":\n    - location: ").append(eventAndScript[i + 1])
                    .append("\n      timeout: 60\n");
        }
        return yaml.toString();
    }

    @Test
    void runsTheHooksInLifecycleOrderWhateverTheFileOrderWithTheAgentsVariables() throws Exception {
        for (String name : List.of("validate", "start", "after", "before", "stop", "allow")) {
            bundle.script("hooks/" + name + ".sh", logging(name));
        }
        bundle.appspec(hooks("ValidateService", "hooks/validate.sh", "AfterAllowTraffic", "hooks/allow.sh",
                "ApplicationStart", "hooks/start.sh", "AfterInstall", "hooks/after.sh",
                "BeforeInstall", "hooks/before.sh", "ApplicationStop", "hooks/stop.sh"));

        assertThat(run(List.of())).as(err.toString()).isEqualTo(ExitCode.SUCCEEDED);

        List<String> lines = logLines();
        assertThat(lines).extracting(l -> l.split(" ")[0] + " " + l.split(" ")[1]).containsExactly(
                "stop ApplicationStop", "before BeforeInstall", "after AfterInstall", "start ApplicationStart",
                "validate ValidateService", "allow AfterAllowTraffic");
        String identity = lines.get(0).substring(lines.get(0).indexOf(" d-"));
        assertThat(identity).matches(" d-LOCAL[A-Z0-9]{9} EECodeDeploy EEDefaultDeploymentGroup [0-9a-f-]{36}");
        assertThat(lines).allSatisfy(l -> assertThat(l).endsWith(identity));
        assertThat(out.toString()).contains("[AfterInstall] hello from after").contains("succeeded: 6 script(s) ran");
    }

    @Test
    void installsFilesBetweenBeforeInstallAndAfterInstallReRootedUnderTheDestination() throws Exception {
        Path installed = destination.resolve("opt/app/bin/tool");
        bundle.script("app/bin/tool", "true")
                .script("hooks/before.sh", "test ! -e \"$1\" && echo absent >>\"$HOOK_LOG\"".replace("$1", installed.toString()))
                .script("hooks/after.sh", "test -x \"$1\" && echo present >>\"$HOOK_LOG\"".replace("$1", installed.toString()))
                .appspec(hooks("BeforeInstall", "hooks/before.sh", "AfterInstall", "hooks/after.sh")
                        + "files:\n  - source: app\n    destination: /opt/app\n");

        assertThat(run(List.of())).as(err.toString()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(logLines()).containsExactly("absent", "present");
        assertThat(out.toString()).contains("[Install] copied app -> " + destination.resolve("opt/app") + " (1 files)");
    }

    @Test
    void stopsAtTheFirstFailureWithEventScriptExitCodeAndTheLastLines() throws Exception {
        bundle.script("hooks/fail.sh", "for i in $(seq 1 30); do echo \"line $i\"; done\necho oops >&2\nexit 3")
                .script("hooks/next.sh", logging("next")).script("hooks/start.sh", logging("start"))
                .appspec("""
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: hooks/fail.sh
                              timeout: 60
                            - location: hooks/next.sh
                              timeout: 60
                          ApplicationStart:
                            - location: hooks/start.sh
                              timeout: 60
                        """);

        assertThat(run(List.of())).as(err.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(logLines()).isEmpty();
        assertThat(err.toString()).contains("FAILED: event AfterInstall, script hooks/fail.sh, exit code 3")
                .contains("last 20 line(s) of output:\n  line 12\n").contains("  line 30\n  oops\n")
                .doesNotContain("line 11\n");
        assertThat(out.toString()).contains("[AfterInstall] line 1\n").doesNotContain("hooks/next.sh");
    }

    @Test
    void killsAScriptAndItsChildrenAtTheTimeout() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        bundle.script("hooks/slow.sh", "sleep 300 &\necho $! >" + childPid + "\necho started\nsleep 300")
                .appspec(hooks("ApplicationStart", "hooks/slow.sh").replace("timeout: 60", "timeout: 1"));

        int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(List.of()));

        assertThat(exit).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("FAILED: event ApplicationStart, script hooks/slow.sh, timed out after 1 s")
                .contains("  started");
        assertGone(Long.parseLong(Files.readString(childPid).trim()));
    }

    @Test
    void aHookThatLeavesAChildHoldingItsOutputFailsFastInsteadOfHanging() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        bundle.script("hooks/leak.sh", "sleep 300 &\necho $! >" + childPid + "\necho done")
                .script("hooks/next.sh", logging("next"))
                .appspec(hooks("ApplicationStart", "hooks/leak.sh", "ValidateService", "hooks/next.sh"));

        int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(List.of()));

        assertThat(exit).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("script hooks/leak.sh, exit code 0, but it left processes running")
                .contains("Redirect their output");
        assertThat(logLines()).isEmpty();
        assertGone(Long.parseLong(Files.readString(childPid).trim()));
    }

    @Test
    void aChildThatDetachesItsOutputMayKeepRunning() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        bundle.script("hooks/daemon.sh", "sleep 30 >/dev/null 2>&1 &\necho $! >" + childPid)
                .script("hooks/next.sh", logging("next"))
                .appspec(hooks("ApplicationStart", "hooks/daemon.sh", "ValidateService", "hooks/next.sh"));

        assertThat(run(List.of())).as(err.toString()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(logLines()).hasSize(1);
        ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(childPid).trim())).orElseThrow();
        assertThat(child.isAlive()).isTrue();
        child.destroyForcibly();
    }

    @Test
    void reportsRunasItDidNotApplyOnEachHook() throws Exception {
        bundle.script("hooks/a.sh", "true").script("hooks/b.sh", "true")
                .appspec(hooks("BeforeInstall", "hooks/a.sh", "AfterInstall", "hooks/b.sh")
                        .replaceFirst("timeout: 60\n", "timeout: 60\n      runas: every_election\n"));

        assertThat(run(List.of())).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(out.toString()).contains("[BeforeInstall] runas every_election NOT applied (--ignore-runas): ran as "
                + System.getProperty("user.name"));
        assertThat(out.toString()).doesNotContain("[AfterInstall] runas");
    }

    @Test
    void asRootRunsAHookWithRunasThroughRunuser() throws Exception {
        // A stand-in runuser (found through the hooks' PATH) records how it was called, then runs the script.
        new TestBundle(tmp).script("bin/runuser", "echo \"runuser $*\" >>\"$HOOK_LOG\"\nshift 3\nexec \"$@\"");
        bundle.script("hooks/a.sh", "echo \"script in $LIFECYCLE_EVENT\" >>\"$HOOK_LOG\"")
                .appspec(hooks("AfterInstall", "hooks/a.sh").replace("timeout: 60\n", "timeout: 60\n      runas: every_election\n"));

        int exit = runWithRunAs(new RunAs("root", false, user -> true));

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(logLines()).containsExactly(
                "runuser -u every_election -- " + bundleDir.resolve("hooks/a.sh"), "script in AfterInstall");
        assertThat(out.toString()).doesNotContain("NOT applied");
    }

    @Test
    void asRootRefusesToStartWhenARunasUserIsMissingAndNamesTheWayOut() throws Exception {
        bundle.script("hooks/a.sh", logging("a")).script("hooks/b.sh", logging("b"))
                .appspec(hooks("BeforeInstall", "hooks/a.sh", "AfterInstall", "hooks/b.sh")
                        .replace("hooks/b.sh\n      timeout: 60\n", "hooks/b.sh\n      timeout: 60\n      runas: every_election\n"));

        assertThat(runWithRunAs(new RunAs("root", false, user -> false))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("runas user(s) every_election do not exist on this machine")
                .contains("--ignore-runas");
        assertThat(logLines()).isEmpty();
    }

    private int runWithRunAs(RunAs runAs) throws Exception {
        LocalOptions options = new LocalOptions(bundleDir, destination, List.of(), false, "EECodeDeploy",
                "EEDefaultDeploymentGroup", Map.of("HOOK_LOG", log.toString(),
                "PATH", tmp.resolve("bin") + ":" + System.getenv("PATH")));
        return new LocalRunner(options, new PrintWriter(out), new PrintWriter(err), runAs).run();
    }

    @Test
    void runsOnlyTheChosenEventsButStillInstallsTheFiles() throws Exception {
        bundle.script("hooks/before.sh", logging("before")).script("hooks/validate.sh", logging("validate"))
                .file("index.html", "hi")
                .appspec(hooks("BeforeInstall", "hooks/before.sh", "ValidateService", "hooks/validate.sh")
                        + "files:\n  - source: index.html\n    destination: /srv/www\n");

        assertThat(run(List.of("ValidateService"))).as(err.toString()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(logLines()).singleElement().asString().startsWith("validate ValidateService");
        assertThat(destination.resolve("srv/www/index.html")).hasContent("hi");
    }

    @Test
    void rejectsAnUnknownEventNameBeforeRunningAnything() throws Exception {
        bundle.script("hooks/a.sh", logging("a")).appspec(hooks("BeforeInstall", "hooks/a.sh"));
        assertThat(run(List.of("BeforeInstal"))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("unknown lifecycle event 'BeforeInstal'");
        assertThat(logLines()).isEmpty();
    }

    @Test
    void refusesAnInvalidAppspecWithoutRunningAnything() throws Exception {
        bundle.script("hooks/a.sh", logging("a"))
                .appspec(hooks("BeforeInstall", "hooks/a.sh").replace("timeout:", "timeuot:"));
        assertThat(run(List.of())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("appspec.yaml:6: unknown key 'timeuot'").contains("not deployed");
        assertThat(logLines()).isEmpty();
    }

    @Test
    void failsTheInstallWhenAFileExistsAndTheAppspecDisallowsIt() throws Exception {
        String base = "version: 0.0\nos: linux\n";
        bundle.file("index.html", "new").appspec(base + "files:\n  - source: /\n    destination: /srv\n");
        Files.createDirectories(destination.resolve("srv"));
        Files.writeString(destination.resolve("srv/index.html"), "old");

        assertThat(run(List.of())).as(err.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("FAILED: event Install").contains("file_exists_behavior is DISALLOW");
        assertThat(destination.resolve("srv/index.html")).hasContent("old");

        bundle.appspec(base + "file_exists_behavior: OVERWRITE\nfiles:\n  - source: /\n    destination: /srv\n");
        assertThat(run(List.of())).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(destination.resolve("srv/index.html")).hasContent("new");
    }

    /** The process is gone, allowing a moment for the kernel to reap it. */
    private static void assertGone(long pid) throws InterruptedException {
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid + " alive").isFalse();
    }
}
