package org.democracyclub.ee.deployer.appspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.common.RevisionLayout;
import org.junit.jupiter.api.Test;

/** The hooks' settings file and the Java side state the same facts; the hooks follow one shape. */
class HookSettingsIT {
    static final Path REVISION = Path.of(RevisionLayout.REVISION_DIRECTORY);
    static final Path HOOKS = REVISION.resolve("hooks");

    /** The value a variable has after sourcing settings.sh with only {@code env} set. */
    static String shellValue(String variable, String... env) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("env", "-i", "PATH=/usr/bin:/bin"));
        command.addAll(List.of(env));
        command.addAll(List.of("bash", "-c", "source ee-deploy/lib/settings.sh && printf %s \"$" + variable + "\""));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String value = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(value).isZero();
        return value;
    }

    @Test
    void theHooksPortUserCodeDirectoryAndPrefixAreTheJavaSidesConstants() throws Exception {
        assertThat(shellValue("EE_APP_PORT")).isEqualTo(String.valueOf(AppDefaults.PORT));
        assertThat(shellValue("EE_APP_USER")).isEqualTo(AppDefaults.USER);
        assertThat(shellValue("EE_APP_ROOT") + "/").isEqualTo(AppDefaults.ROOT);
        assertThat(shellValue("EE_SSM_PREFIX")).isEqualTo(AppDefaults.SSM_PREFIX);
    }

    @Test
    void theAppspecInstallsToTheRootTheHooksUse() {
        Validation v = AppSpecValidator.validate(Path.of("."));
        assertThat(v.valid()).as(v.problems().toString()).isTrue();
        assertThat(v.spec().files()).extracting(FileMapping::destination).containsExactly(AppDefaults.ROOT);
        assertThat(v.spec().hooks().values().stream().flatMap(List::stream).map(Hook::location))
                .allMatch(location -> location.startsWith(RevisionLayout.REVISION_DIRECTORY + "/hooks/"));
    }

    @Test
    void theRootPrefixMovesEveryAbsolutePathAndNothingElseCanBeOverridden() throws Exception {
        assertThat(shellValue("EE_ENV_FILE", "EE_ROOT_PREFIX=/tmp/x")).isEqualTo("/tmp/x/var/www/every_election/code/.env");
        assertThat(shellValue("EE_SYSTEMD_DIR", "EE_ROOT_PREFIX=/tmp/x")).isEqualTo("/tmp/x/etc/systemd/system");
        assertThat(shellValue("EE_APP_ROOT", "EE_APP_ROOT=/elsewhere")).isEqualTo("/var/www/every_election/code");
        assertThat(shellValue("EE_APP_PORT", "EE_APP_PORT=9999")).isEqualTo("8001");
    }

    @Test
    void everyHookIsStrictBashAndTakesItsPathsFromTheSettingsFile() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(HOOKS), Files.list(REVISION.resolve("bin")))) {
            List<Path> scripts = files.toList();
            assertThat(scripts).hasSizeGreaterThanOrEqualTo(11);
            for (Path script : scripts) {
                String text = Files.readString(script);
                assertThat(text).as(script.toString()).startsWith("#!/usr/bin/env bash\n")
                        .contains("\nset -euo pipefail\n").containsPattern("source \"\\$.*/lib/settings\\.sh\"");
                // Comments may name the user; the code must take it (and paths, port) from settings.
                String code = text.lines().filter(l -> !l.trim().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
                assertThat(code).as(script.toString())
                        .doesNotContain("/var/www").doesNotContain("8001").doesNotContain("every_election");
                assertThat(Files.isExecutable(script)).as(script + " executable").isTrue();
            }
        }
    }
}
