package org.democracyclub.ee.deployer.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.democracyclub.ee.deployer.aws.ClientSettings;
import org.democracyclub.ee.deployer.CommitSha;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate-appspec} and {@code local} take the zip that ships, not the source trees. */
class BundleAsRevisionIT {
    @TempDir
    Path tmp;

    private Path bundle() {
        Path app = Trees.app(tmp.resolve("app"));
        String sha = Trees.commitAll(app);
        Path deploy = Trees.deploySource(tmp.resolve("deploy"));
        Trees.write(deploy, "ee-deploy/hooks/start.sh", "#!/usr/bin/env bash\necho \"started in $(pwd)\"\n"
                + "test -x serverscripts/backup_db_to_s3.sh && echo serverscript-executable\n");
        Trees.executable(deploy, "ee-deploy/hooks/start.sh");
        return BundleComposer.compose(app, new CommitSha(sha), deploy, tmp.resolve("b.zip")).file();
    }

    private static CliRun run(String... args) {
        return CliRun.run(Map.of(), ClientSettings.standardChain(), args);
    }

    @Test
    void validateAppspecChecksTheAppspecYmlInsideTheZip() {
        CliRun run = run("validate-appspec", bundle().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("b.zip!appspec.yml: valid");
    }

    @Test
    void validateAppspecOfAZipWhoseHookIsMissingNamesTheProblem() throws IOException {
        Path app = Trees.app(tmp.resolve("app"));
        String sha = Trees.commitAll(app);
        Path deploy = Trees.deploySource(tmp.resolve("deploy"));
        Files.delete(deploy.resolve("ee-deploy/hooks/start.sh"));
        Path zip = BundleComposer.compose(app, new CommitSha(sha), deploy, tmp.resolve("broken.zip")).file();

        CliRun run = run("validate-appspec", zip.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ee-deploy/hooks/start.sh").contains("problem(s) in " + zip + "!appspec.yml");
    }

    @Test
    void localRunsTheHooksOfTheUnpackedZip() throws IOException {
        Path destination = Files.createDirectories(tmp.resolve("instance"));

        CliRun run = run("local", "--bundle", bundle().toString(), "--destination", destination.toString(), "--ignore-runas");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("started in").contains("serverscript-executable");
    }
}
