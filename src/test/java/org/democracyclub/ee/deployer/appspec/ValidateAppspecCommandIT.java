package org.democracyclub.ee.deployer.appspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.democracyclub.ee.deployer.cli.DeployerMain;
import org.democracyclub.ee.deployer.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateAppspecCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = DeployerMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void validateAppspecExitsZeroForTheProjectsOwnRevision() {
        assertThat(run("validate-appspec")).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(out.toString()).contains("appspec.yaml: valid");
    }

    @Test
    void validateAppspecExitsTwoAndPrintsFileLineAndFix(@TempDir Path dir) {
        new TestBundle(dir).script("stop.sh", "true").appspec("""
                version: 0.0
                os: linux
                hooks:
                  BeforeInstall:
                    - location: stop.sh
                      runs: root
                """);
        assertThat(run("validate-appspec", dir.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(dir.resolve("appspec.yaml") + ":6: unknown key 'runs'")
                .contains("did you mean runas?").contains("1 problem(s)");
    }

    @Test
    void validateAppspecExitsTwoWhenThereIsNoAppspec(@TempDir Path dir) {
        assertThat(run("validate-appspec", dir.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("cannot read the appspec");
    }

    @Test
    void validateAppspecAcceptsAnExplicitlyNamedFileWhateverItsName(@TempDir Path dir) {
        new TestBundle(dir).script("stop.sh", "true").file("revision-spec.yaml", """
                version: 0.0
                os: linux
                hooks:
                  BeforeInstall:
                    - location: stop.sh
                      timeout: 30
                """);
        assertThat(run("validate-appspec", dir.resolve("revision-spec.yaml").toString())).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(run("validate-appspec", dir.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("appspec.yaml:1: cannot read the appspec");
    }
}
