package org.democracyclub.ee.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.democracyclub.ee.deployer.cli.DeployerMain;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.appspec.TestBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = DeployerMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void localPassesOptionsThroughToTheHooks(@TempDir Path tmp) throws Exception {
        Path bundle = Files.createDirectory(tmp.resolve("bundle"));
        new TestBundle(bundle).script("start.sh", "echo \"$GREETING from $LIFECYCLE_EVENT of $APPLICATION_NAME/$DEPLOYMENT_GROUP_NAME\"")
                .appspec("version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n"
                        + "      timeout: 30\n      runas: every_election\n");

        int exit = run("local", "--bundle", bundle.toString(), "--destination", tmp.resolve("root").toString(),
                "--events", "BeforeInstall,ApplicationStart", "--ignore-runas", "--env", "GREETING=hello",
                "--application-name", "App", "--deployment-group-name", "Group");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(out.toString()).contains("[ApplicationStart] hello from ApplicationStart of App/Group")
                .contains("[ApplicationStart] runas every_election NOT applied (--ignore-runas)");
    }

    @Test
    void localRequiresBundleAndDestination() {
        assertThat(run("local", "--bundle", ".")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--destination");
    }

    @Test
    void localExitsOneWhenAHookFails(@TempDir Path tmp) throws Exception {
        Path bundle = Files.createDirectory(tmp.resolve("bundle"));
        new TestBundle(bundle).script("check.sh", "echo nope; exit 7")
                .appspec("version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: check.sh\n      timeout: 30\n");
        assertThat(run("local", "--bundle", bundle.toString(), "--destination", tmp.resolve("root").toString()))
                .isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("FAILED: event ValidateService, script check.sh, exit code 7").contains("  nope");
    }
}
