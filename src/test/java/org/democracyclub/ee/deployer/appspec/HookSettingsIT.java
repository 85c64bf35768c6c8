package org.democracyclub.ee.deployer.appspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.democracyclub.ee.common.AppDefaults;
import org.junit.jupiter.api.Test;

/** The hooks' settings file and the Java side state the same facts; the hooks follow one shape. */
class HookSettingsIT {
    static final Path HOOKS = Path.of("deploy/hooks");

    /** The value a variable has after sourcing settings.sh with nothing overridden. */
    static String shellDefault(String variable) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("env", "-i", "PATH=/usr/bin:/bin", "bash", "-c",
                "source deploy/hooks/lib/settings.sh && printf %s \"$" + variable + "\"")
                .redirectErrorStream(true).start();
        String value = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(value).isZero();
        return value;
    }

    @Test
    void theHooksDefaultPortUserAndRootAreTheJavaSidesConstants() throws Exception {
        assertThat(shellDefault("EE_APP_PORT")).isEqualTo(String.valueOf(AppDefaults.PORT));
        assertThat(shellDefault("EE_APP_USER")).isEqualTo(AppDefaults.USER);
        assertThat(shellDefault("EE_APP_ROOT") + "/").isEqualTo(AppDefaults.ROOT);
    }

    @Test
    void theAppspecInstallsToTheRootTheHooksUse() {
        Validation v = AppSpecValidator.validate(Path.of("."));
        assertThat(v.spec().files()).extracting(FileMapping::destination).containsExactly(AppDefaults.ROOT);
    }

    @Test
    void everySettingCanBeOverriddenByItsEnvironmentVariable() throws Exception {
        Process p = new ProcessBuilder("env", "-i", "PATH=/usr/bin:/bin", "EE_APP_PORT=9999", "EE_APP_ROOT=/tmp/x",
                "bash", "-c", "source deploy/hooks/lib/settings.sh && echo \"$EE_APP_PORT $EE_ENV_FILE\"").start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("9999 /tmp/x/.env\n");
    }

    @Test
    void everyHookIsStrictBashAndTakesItsPathsFromTheSettingsFile() throws IOException {
        try (Stream<Path> files = Files.list(HOOKS)) {
            List<Path> hooks = files.filter(f -> f.toString().endsWith(".sh")).toList();
            assertThat(hooks).hasSizeGreaterThanOrEqualTo(8);
            for (Path hook : hooks) {
                String text = Files.readString(hook);
                assertThat(text).as(hook.toString()).startsWith("#!/usr/bin/env bash\n")
                        .contains("\nset -euo pipefail\n")
                        .contains("source \"$(dirname \"${BASH_SOURCE[0]}\")/lib/settings.sh\"");
                // Comments may name the user; the code must take it (and paths, port) from settings.
                String code = text.lines().filter(l -> !l.trim().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
                assertThat(code).as(hook.toString())
                        .doesNotContain("/var/www").doesNotContain("8001").doesNotContain("every_election");
                assertThat(Files.isExecutable(hook)).as(hook + " executable").isTrue();
            }
        }
    }
}
