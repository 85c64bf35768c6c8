package org.democracyclub.ee.deployer.appspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs shellcheck on every hook script. Skipped on a developer machine without shellcheck, but
 * in CI (CI=true, where .ci/run installs it) a missing shellcheck is a failure, not a skip.
 */
class ShellcheckIT {

    @Test
    void everyHookScriptIsCleanUnderShellcheck() throws Exception {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "shellcheck")));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("shellcheck must be on PATH in CI (.ci/run installs it)").isTrue();
        }
        assumeTrue(installed, "shellcheck is not installed");

        List<String> command = new ArrayList<>(List.of("shellcheck", "--format=gcc"));
        try (Stream<Path> files = Files.walk(HookSettingsIT.REVISION)) {
            files.filter(f -> f.toString().endsWith(".sh") || f.toString().contains("/bin/"))
                    .filter(Files::isRegularFile).map(Path::toString).sorted().forEach(command::add);
        }
        assertThat(command).contains("ee-deploy/lib/settings.sh", "ee-deploy/hooks/validate_service.sh", "ee-deploy/bin/write-env-file");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(report).isZero();
    }
}
