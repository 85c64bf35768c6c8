package org.democracyclub.ee.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.appspec.TestBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own appspec.yaml and hooks, run by the local runner in a temporary root, with
 * stand-ins for systemctl, python3 (and the virtualenv it creates), npm, aws and curl first on
 * PATH. Each stand-in logs "EVENT command args", which proves the order and the environment.
 */
class ProjectHooksIT {
    private static final String UNIT = "gunicorn_every_election.service";

    @TempDir
    Path tmp;
    Path bundle;
    Path appRoot;
    Path venv;
    Path cronFile;
    Path state;
    Path calls;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void revisionAndStandIns() throws IOException {
        bundle = tmp.resolve("bundle");
        copyTree(Path.of("deploy/hooks"), bundle.resolve("deploy/hooks"));
        Files.copy(Path.of("appspec.yaml"), bundle.resolve("appspec.yaml"));
        new TestBundle(bundle).file("requirements/production.txt", "Django\n").file("package.json", "{}\n")
                .file("manage.py", "# stand-in app\n").file("deploy/crontab", "0 2 * * * every_election true\n");
        appRoot = tmp.resolve("root").resolve(AppDefaults.ROOT.substring(1));
        venv = tmp.resolve("venv");
        cronFile = Files.createDirectories(tmp.resolve("etc/cron.d")).resolve("every_election");
        state = Files.createDirectories(tmp.resolve("state"));
        calls = tmp.resolve("calls.log");

        String logLine = "echo \"$LIFECYCLE_EVENT $(basename \"$0\") $*\" >>\"$STANDIN_LOG\"\n";
        new TestBundle(tmp)
                .script("bin/systemctl", logLine + """
                        case "$1" in
                          is-active) [[ -e "$STANDIN_STATE/active" ]] ;;
                          stop) rm -f "$STANDIN_STATE/active" ;;
                          start | restart) [[ -e "$STANDIN_STATE/broken" ]] || touch "$STANDIN_STATE/active" ;;
                        esac""")
                .script("bin/python3", logLine + """
                        [[ "$1 $2" == "-m venv" ]] || exit 2
                        mkdir -p "$3/bin"
                        cp "$STANDIN_TEMPLATES/pip" "$STANDIN_TEMPLATES/python" "$3/bin/\"""")
                .script("templates/pip", logLine)
                .script("templates/python",
                        "echo \"$LIFECYCLE_EVENT venv-python $* in $PWD with SECRET_KEY=${SECRET_KEY:-unset}\" >>\"$STANDIN_LOG\"")
                .script("bin/npm", "echo \"$LIFECYCLE_EVENT npm $* in $PWD\" >>\"$STANDIN_LOG\"")
                .script("bin/aws", logLine + """
                        [[ -e "$STANDIN_STATE/no-parameters" ]] || printf '/ee/app/SECRET_KEY\\ts3cret\\n/ee/app/DATABASE_URL\\tpostgres://db/ee\\n'""")
                .script("bin/curl", logLine + "cat \"$STANDIN_STATE/http-status\" 2>/dev/null || printf 200");
        // A previous revision's leftovers, and a running app, which BeforeInstall must deal with.
        new TestBundle(appRoot).file("stale.py", "old");
        Files.createFile(state.resolve("active"));
    }

    private int deploy() throws Exception {
        String gid = Files.getAttribute(tmp, "unix:gid").toString();
        Map<String, String> env = Map.ofEntries(
                Map.entry("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH")),
                Map.entry("EE_APP_ROOT", appRoot.toString()), Map.entry("EE_APP_USER", System.getProperty("user.name")),
                Map.entry("EE_APP_GROUP", gid), Map.entry("EE_VENV", venv.toString()),
                Map.entry("EE_CRON_FILE", cronFile.toString()),
                Map.entry("EE_VALIDATE_ATTEMPTS", "3"), Map.entry("EE_VALIDATE_DELAY", "0"),
                Map.entry("STANDIN_LOG", calls.toString()), Map.entry("STANDIN_STATE", state.toString()),
                Map.entry("STANDIN_TEMPLATES", tmp.resolve("templates").toString()));
        // CI runs as root and has no every_election user: run every hook as ourselves, reported.
        LocalOptions options = new LocalOptions(bundle, tmp.resolve("root"), List.of(), true, "EECodeDeploy",
                "EEDefaultDeploymentGroup", env);
        return new LocalRunner(options, new PrintWriter(out), new PrintWriter(err)).run();
    }

    private List<String> calls() throws IOException {
        List<String> lines = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        Files.deleteIfExists(calls);
        return lines;
    }

    private List<String> expectedCalls(boolean firstRun) {
        List<String> expected = new ArrayList<>(List.of(
                "BeforeInstall systemctl is-active --quiet " + UNIT,
                "BeforeInstall systemctl stop " + UNIT));
        if (firstRun) {
            expected.add("AfterInstall python3 -m venv " + venv);
        }
        expected.addAll(List.of(
                "AfterInstall pip install --quiet --disable-pip-version-check --requirement "
                        + appRoot.resolve("requirements/production.txt"),
                "AfterInstall npm ci --no-audit --no-fund in " + appRoot,
                "AfterInstall aws ssm get-parameters-by-path --region eu-west-2 --path /ee/app/ --recursive"
                        + " --with-decryption --query Parameters[].[Name,Value] --output text",
                "AfterInstall venv-python manage.py migrate --noinput in " + appRoot + " with SECRET_KEY=s3cret",
                "AfterInstall venv-python manage.py collectstatic --noinput in " + appRoot + " with SECRET_KEY=s3cret",
                "ApplicationStart systemctl daemon-reload",
                "ApplicationStart systemctl enable " + UNIT,
                "ApplicationStart systemctl restart " + UNIT,
                "ValidateService systemctl is-active --quiet " + UNIT,
                "ValidateService curl --silent --output /dev/null --max-time 5 --write-out %{http_code}"
                        + " http://127.0.0.1:" + AppDefaults.PORT + "/"));
        return expected;
    }

    @Test
    void deploysInOrderAndASecondRunOfTheSameRevisionAlsoSucceeds() throws Exception {
        assertThat(deploy()).as(err + "\n" + out).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(calls()).containsExactlyElementsOf(expectedCalls(true));
        assertThat(appRoot.resolve("stale.py")).doesNotExist();
        assertThat(appRoot.resolve("deploy/hooks/validate_service.sh")).isExecutable();
        assertThat(appRoot.resolve(".env")).hasContent("SECRET_KEY='s3cret'\nDATABASE_URL='postgres://db/ee'");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(appRoot.resolve(".env"))))
                .isEqualTo("rw-r-----");
        assertThat(cronFile).hasSameTextualContentAs(bundle.resolve("deploy/crontab"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cronFile))).isEqualTo("rw-r--r--");
        assertThat(out.toString()).contains("[AfterInstall] runas every_election NOT applied (--ignore-runas)")
                .contains("succeeded: 9 script(s) ran");
        String firstEnv = Files.readString(appRoot.resolve(".env"));

        // Idempotence: the same revision again, onto the running result of the first run.
        assertThat(deploy()).as(err + "\n" + out).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(calls()).containsExactlyElementsOf(expectedCalls(false));
        assertThat(appRoot.resolve(".env")).hasContent(firstEnv);
        assertThat(cronFile).hasSameTextualContentAs(bundle.resolve("deploy/crontab"));
        try (Stream<Path> leftovers = Files.list(cronFile.getParent())) {
            assertThat(leftovers).containsExactly(cronFile);
        }
    }

    @Test
    void validateServiceFailsWhenTheAppDoesNotAnswer2xxWithinItsRetries() throws Exception {
        Files.writeString(state.resolve("http-status"), "503");
        assertThat(deploy()).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString())
                .contains("FAILED: event ValidateService, script deploy/hooks/validate_service.sh, exit code 1")
                .contains("attempt 3/3: http://127.0.0.1:8001/ answered 503")
                .contains("did not answer 2xx after 3 attempts");
        assertThat(calls()).filteredOn(c -> c.contains(" curl ")).hasSize(3);
    }

    @Test
    void validateServiceFailsWhenTheUnitIsNotActiveWithoutAskingTheApp() throws Exception {
        Files.createFile(state.resolve("broken"));
        assertThat(deploy()).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("FAILED: event ValidateService").contains(UNIT + " is not active");
        assertThat(calls()).noneMatch(c -> c.contains(" curl "));
    }

    @Test
    void theEnvFileWriterFailsRatherThanStartTheAppWithoutSettings() throws Exception {
        Files.createFile(state.resolve("no-parameters"));
        assertThat(deploy()).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("FAILED: event AfterInstall, script deploy/hooks/write_env_file.sh")
                .contains("no SSM parameters under /ee/app/ in eu-west-2");
        assertThat(calls()).noneMatch(c -> c.startsWith("ApplicationStart"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
