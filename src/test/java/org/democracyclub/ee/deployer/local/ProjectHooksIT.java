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
import org.democracyclub.ee.common.CodeDeployNames;
import org.democracyclub.ee.deployer.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle of the fixture app (the real app's shape) with this repository's appspec.yaml and
 * ee-deploy/, deployed by the local runner into a temporary instance root (EE_ROOT_PREFIX), with
 * recording stand-ins for every system command ({@link StandIns}). Asserts what each command
 * received and what is left on disk, for a first deployment and for the same bundle again.
 */
class ProjectHooksIT {
    static final String UNIT = "every_election_gunicorn.service";
    static final String CODE = "<root>/var/www/every_election/code";
    static final String VENV_BIN = CODE + "/.venv/bin";
    static final List<String> DEPLOYED_SETTINGS = List.of(
            "DJANGO_SETTINGS_MODULE", "every_election.settings.deploy", "EE_SECRET_KEY", "s3cret-value",
            "DC_ENVIRONMENT", "development", "DC_EVENTBUS_ARN", "arn:aws:events:eu-west-2:111111111111:event-bus/default",
            "FQDN", "development.every-election.example");

    @TempDir
    Path tmp;
    Path bundle;
    Path root;
    Path code;
    Path state;
    Path calls;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void bundleAndStandIns() throws IOException {
        bundle = FixtureRevision.compose(FixtureRevision.FIXTURE_APP, tmp.resolve("bundle"));
        root = tmp.resolve("root");
        code = root.resolve(AppDefaults.ROOT.substring(1));
        state = Files.createDirectories(tmp.resolve("state"));
        calls = tmp.resolve("calls.log");
        StandIns.write(tmp);
        StandIns.parameters(state, DEPLOYED_SETTINGS);
    }

    int deploy() throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Map<String, String> env = Map.of(
                "PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"),
                "EE_ROOT_PREFIX", root.toString(),
                "EE_VALIDATE_ATTEMPTS", "3", "EE_VALIDATE_DELAY", "0",
                "STANDIN_ROOT", root.toString(), "STANDIN_LOG", calls.toString(),
                "STANDIN_STATE", state.toString(), "STANDIN_TEMPLATES", tmp.resolve("templates").toString());
        // CI runs as root and has no every_election user: every hook runs as root, reported; the
        // hooks themselves switch to the app user through runuser (a stand-in) for the app's tools.
        LocalOptions options = new LocalOptions(bundle, root, List.of(), true, CodeDeployNames.APPLICATION,
                CodeDeployNames.DEPLOYMENT_GROUP, env);
        return new LocalRunner(options, new PrintWriter(out), new PrintWriter(err)).run();
    }

    List<String> calls() throws IOException {
        List<String> lines = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        Files.deleteIfExists(calls);
        return lines;
    }

    static String asApp(String event) {
        return event + " runuser -u every_election";
    }

    static String app(String event, String command) {
        return event + " " + command + " [cwd " + CODE + "] [path0 " + VENV_BIN + "]";
    }

    static List<String> expectedCalls(boolean first) {
        List<String> c = new ArrayList<>();
        String bi = "BeforeInstall";
        for (String p : List.of("gdal-bin", "libproj-dev", "postgresql-16-postgis-3")) {
            c.add(bi + " dpkg-query --show --showformat=${Status} " + p);
        }
        if (first) {
            c.add(bi + " apt-get -o DPkg::Lock::Timeout=600 update -q");
            c.add(bi + " apt-get -o DPkg::Lock::Timeout=600 install -y -q gdal-bin libproj-dev postgresql-16-postgis-3");
        }
        c.add(bi + " getent passwd every_election");
        if (first) {
            c.add(bi + " useradd --shell /bin/bash --create-home --home-dir <root>/var/www/every_election/home"
                    + " --user-group every_election");
        }
        c.add(bi + " chown every_election:every_election <root>/var/www/every_election"
                + " <root>/var/www/every_election/home " + CODE);
        if (first) {
            c.add(bi + " python3 -m venv <root>/opt/every_election/uv");
            c.add(bi + " pip install --quiet --disable-pip-version-check uv==0.11.*");
        } else {
            c.add(bi + " uv --version");
        }
        c.add(bi + " uv --version");
        c.add(bi + " systemctl daemon-reload");
        c.add(bi + " systemctl is-active --quiet " + UNIT);
        if (!first) {
            c.add(bi + " systemctl stop " + UNIT);
        }
        String ai = "AfterInstall";
        c.add(ai + " aws ssm get-parameters-by-path --region eu-west-2 --path /ee/app/ --no-recursive"
                + " --with-decryption --output json");
        c.add(ai + " chown root:every_election " + CODE + "/.env.XXXXXX");
        c.add(ai + " systemctl enable --now postgresql.service");
        String psql = ai + " runuser -u postgres\n" + ai + " psql --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 -c ";
        c.addAll(List.of((psql + "SELECT 1").split("\n")));
        c.addAll(List.of((psql + "SELECT 1 FROM pg_roles WHERE rolname = 'every_election'").split("\n")));
        if (first) {
            c.addAll(List.of((psql + "CREATE ROLE every_election LOGIN SUPERUSER").split("\n")));
        }
        c.addAll(List.of((psql + "SELECT 1 FROM pg_database WHERE datname = 'every_election'").split("\n")));
        if (first) {
            c.addAll(List.of((psql + "CREATE DATABASE every_election OWNER every_election").split("\n")));
        }
        c.add(asApp(ai));
        c.add(app(ai, "uv sync --locked --group production --no-group dev --no-group cdk"));
        c.add(asApp(ai));
        c.add(app(ai, "npm ci --no-audit --no-fund"));
        c.add(asApp(ai));
        c.add(app(ai, "python manage.py collectstatic --noinput --clear"));
        c.add(asApp(ai));
        c.add(app(ai, "python manage.py migrate --noinput"));
        c.addAll(List.of("ApplicationStart systemctl daemon-reload", "ApplicationStart systemctl enable " + UNIT,
                "ApplicationStart systemctl restart " + UNIT,
                "ValidateService systemctl is-active --quiet " + UNIT,
                "ValidateService curl --silent --output /dev/null --max-time 5 --write-out %{http_code}"
                        + " --header Host: localhost http://127.0.0.1:" + AppDefaults.PORT + "/"));
        return c;
    }

    @Test
    void deploysTheRealAppsShapeInOrderAndTheSameBundleAgainOnTheSameInstance() throws Exception {
        assertThat(deploy()).as(err + "\n" + out).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(calls()).containsExactlyElementsOf(expectedCalls(true));
        assertInstalled();
        assertThat(out.toString()).contains("[AfterInstall] runas every_election NOT applied (--ignore-runas)")
                .contains("succeeded: 10 script(s) ran").doesNotContain("s3cret-value");
        String firstEnv = Files.readString(code.resolve(".env"));

        // A leftover of the earlier revision must go; the venv must stay for uv to update.
        Files.writeString(code.resolve("stale.py"), "old");
        assertThat(deploy()).as(err + "\n" + out).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(calls()).containsExactlyElementsOf(expectedCalls(false));
        assertInstalled();
        assertThat(code.resolve("stale.py")).doesNotExist();
        assertThat(code.resolve(".env")).hasContent(firstEnv);
    }

    /**
     * The same against the real app: its tree at the mirror's HEAD (c42e0be7 when this was
     * written), exported like the bundle's, when the mirror is on this machine.
     */
    @Test
    void deploysTheRealAppTwiceWhenItsRepositoryIsOnThisMachine() throws Exception {
        Path mirror = Path.of("/work/.mirror/DemocracyClub+EveryElection/repo");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(mirror), "no mirror of the app");
        Path tree = Files.createDirectories(tmp.resolve("real-app"));
        Process export = new ProcessBuilder("bash", "-c", "git --git-dir=\"$0\" archive HEAD | tar -x -C \"$1\"",
                mirror.toString(), tree.toString()).redirectErrorStream(true).start();
        assertThat(export.waitFor()).as(new String(export.getInputStream().readAllBytes())).isZero();
        assertThat(tree.resolve("appspec.yml")).exists();
        bundle = FixtureRevision.compose(tree, tmp.resolve("real-bundle"));

        assertThat(deploy()).as(err + "\n" + out).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(calls()).containsExactlyElementsOf(expectedCalls(true));
        assertInstalled();
        assertThat(code.resolve("every_election/settings/base.py")).exists();
        assertThat(deploy()).as(err + "\n" + out).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(calls()).containsExactlyElementsOf(expectedCalls(false));
        assertInstalled();
    }

    private void assertInstalled() throws IOException {
        // The app tree, without the app's own appspec and deploy/ scripts; ours instead.
        assertThat(code.resolve("manage.py")).exists();
        assertThat(code.resolve("every_election/wsgi.py")).exists();
        assertThat(code.resolve("deploy")).doesNotExist();
        assertThat(code.resolve("appspec.yml")).hasSameTextualContentAs(Path.of("appspec.yaml"));
        assertThat(code.resolve("ee-deploy/hooks/install_system.sh")).isExecutable();
        assertThat(code.resolve(".venv/synced-by-uv")).exists();
        assertThat(code.resolve("node_modules")).isDirectory();
        // .env: sorted NAME='value' lines, readable by root and the app's group only.
        assertThat(code.resolve(".env")).hasContent("""
                DC_ENVIRONMENT='development'
                DC_EVENTBUS_ARN='arn:aws:events:eu-west-2:111111111111:event-bus/default'
                DJANGO_SETTINGS_MODULE='every_election.settings.deploy'
                EE_SECRET_KEY='s3cret-value'
                FQDN='development.every-election.example'""");
        assertThat(mode(code.resolve(".env"))).isEqualTo("rw-r-----");
        try (Stream<Path> files = Files.list(code)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.matches("\\.env\\.[A-Za-z0-9]{6}"));
        }
        // The system layer: unit, programs, uv.
        Path unit = root.resolve("etc/systemd/system/" + UNIT);
        assertThat(unit).hasSameTextualContentAs(Path.of("ee-deploy/systemd/" + UNIT));
        assertThat(mode(unit)).isEqualTo("rw-r--r--");
        Path system = root.resolve("opt/every_election/ee-deploy");
        assertThat(Files.readSymbolicLink(root.resolve("usr/local/bin/manage-py-command")))
                .isEqualTo(system.resolve("bin/manage-py-command"));
        assertThat(Files.readSymbolicLink(root.resolve("usr/local/bin/ee-write-env-file")))
                .isEqualTo(system.resolve("bin/write-env-file"));
        assertThat(Files.readSymbolicLink(root.resolve("usr/local/bin/uv")))
                .isEqualTo(root.resolve("opt/every_election/uv/bin/uv"));
        assertThat(system.resolve("lib/settings.sh")).hasSameTextualContentAs(Path.of("ee-deploy/lib/settings.sh"));
        assertThat(system.resolve("env-variables.txt")).exists();
        try (Stream<Path> files = Files.list(system.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ee-deploy", "uv");
        }
    }

    static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void theEnvFileWriterNamesEveryMissingRequiredSettingAndWritesNothing() throws Exception {
        StandIns.parameters(state, List.of("DJANGO_SETTINGS_MODULE", "every_election.settings.deploy",
                "DC_ENVIRONMENT", "staging", "EE_DATABASE_HOST", "db.internal", "SENTRY_DSN", "https://secret-dsn"));
        assertThat(deploy()).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("FAILED: event AfterInstall, script ee-deploy/hooks/write_env_file.sh")
                .contains("missing required settings: EE_SECRET_KEY, DC_EVENTBUS_ARN, FQDN,"
                        + " EE_DATABASE_PASSWORD (needed with EE_DATABASE_HOST); create each as the SSM parameter"
                        + " /ee/app/NAME in eu-west-2");
        assertThat(out + err.toString()).doesNotContain("secret-dsn").doesNotContain("db.internal");
        assertThat(code.resolve(".env")).doesNotExist();
        assertThat(calls()).noneMatch(c -> c.startsWith("ApplicationStart"));
    }

    @Test
    void anAppTreeWithoutWhatTheHooksNeedIsRefusedNamingEachMissingFile() throws Exception {
        Files.delete(bundle.resolve("uv.lock"));
        Files.delete(bundle.resolve("every_election/wsgi.py"));
        assertThat(deploy()).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("FAILED: event AfterInstall, script ee-deploy/hooks/install_python_deps.sh")
                .contains("the app tree lacks uv.lock every_election/wsgi.py (ee-deploy/app-contract.txt)");
        assertThat(calls()).noneMatch(c -> c.contains(" uv sync"));
    }

    @Test
    void withADatabaseHostThereIsNoLocalDatabase() throws Exception {
        List<String> settings = new ArrayList<>(DEPLOYED_SETTINGS);
        settings.addAll(List.of("EE_DATABASE_HOST", "db.internal", "EE_DATABASE_PASSWORD", "pw"));
        StandIns.parameters(state, settings);
        assertThat(deploy()).as(err + "\n" + out).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(calls()).filteredOn(c -> c.startsWith("AfterInstall"))
                .noneMatch(c -> c.contains("psql") || c.contains("postgresql") || c.contains("postgres"));
        assertThat(out.toString()).contains("EE_DATABASE_HOST is set: the app uses that database, no local one");
    }

    /**
     * Root hooks (local_database.sh) read .env, which lies in the code directory the app user owns, so
     * the app user can replace it. Found rehearsing the bundle with the CodeDeploy agent's own code
     * (docs/hooks.md): the file was sourced, so its text ran as root.
     */
    @Test
    void rootHooksReadTheEnvFileWithoutRunningIt() throws Exception {
        Path marker = tmp.resolve("ran-as-root");
        Files.createDirectories(code);
        Files.writeString(code.resolve(".env"), "EE_DATABASE_NAME='every_election'\ntouch " + marker
                + "\nEE_DATABASE_HOST='$(touch " + marker + ")'\n");
        Process read = envFileValue("EE_DATABASE_HOST");
        assertThat(new String(read.getInputStream().readAllBytes())).isEqualTo("$(touch " + marker + ")");
        assertThat(read.waitFor()).isZero();
        assertThat(marker).doesNotExist();

        Files.writeString(code.resolve(".env"), "EE_DATABASE_HOST=`touch " + marker + "`\n");
        Process refused = envFileValue("EE_DATABASE_HOST");
        assertThat(new String(refused.getErrorStream().readAllBytes()))
                .contains("the line for EE_DATABASE_HOST is not EE_DATABASE_HOST='value' as bin/write-env-file writes it");
        assertThat(refused.waitFor()).isEqualTo(1);
        assertThat(marker).doesNotExist();
    }

    Process envFileValue(String name) throws IOException {
        ProcessBuilder shell = new ProcessBuilder("bash", "-c",
                "source \"$1\" && env_file_value \"$2\"", "bash",
                bundle.resolve("ee-deploy/lib/settings.sh").toString(), name);
        shell.environment().put("EE_ROOT_PREFIX", root.toString());
        return shell.start();
    }

    @Test
    void validateServiceFailsWhenTheAppDoesNotAnswer2xxWithinItsRetries() throws Exception {
        Files.writeString(state.resolve("http-status"), "503");
        assertThat(deploy()).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString())
                .contains("FAILED: event ValidateService, script ee-deploy/hooks/validate_service.sh, exit code 1")
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
    void manageCommandRunsManagePyAsTheAppUserInTheCodeDirectoryWithTheVenv() throws Exception {
        assertThat(deploy()).as(err + "\n" + out).isEqualTo(ExitCode.SUCCEEDED);
        calls();
        ProcessBuilder wrapper = new ProcessBuilder(root.resolve("usr/local/bin/manage-py-command").toString(),
                "snoop").redirectErrorStream(true);
        wrapper.environment().putAll(Map.of("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"),
                "EE_ROOT_PREFIX", root.toString(), "LIFECYCLE_EVENT", "job", "STANDIN_ROOT", root.toString(),
                "STANDIN_LOG", calls.toString(), "STANDIN_STATE", state.toString()));
        Process p = wrapper.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(calls()).containsExactly(asApp("job"), app("job", "python manage.py snoop"));
    }
}
