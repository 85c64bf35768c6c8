package org.democracyclub.ee.deployer.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.democracyclub.ee.deployer.aws.ClientSettings;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of {@code bundle}: exit 2, a message naming the thing and the fix, and no file written. */
class BundleRefusalIT {
    @TempDir
    Path tmp;

    private CliRun bundle(Path app, String commit, Path deploy) {
        return CliRun.run(Map.of(), ClientSettings.standardChain(), "bundle", "--app-source", app.toString(),
                "--commit", commit, "--deploy-source", deploy.toString(), "--out", tmp.resolve("out/b.zip").toString());
    }

    private void assertRefused(CliRun run, String... messageParts) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(messageParts);
        assertThat(run.out()).isEmpty();
        try (Stream<Path> written = Files.list(tmp.resolve("out"))) {
            assertThat(written).as("nothing written, not even a partial file").isEmpty();
        }
    }

    private Path deploy() {
        return Trees.deploySource(tmp.resolve("deploy"));
    }

    private Path committedApp() {
        return Trees.app(tmp.resolve("app"));
    }

    @org.junit.jupiter.api.BeforeEach
    void outDir() throws IOException {
        Files.createDirectories(tmp.resolve("out"));
    }

    @Test
    void aMissingAppSourceIsRefusedWithTheCloneCommand() throws IOException {
        assertRefused(bundle(tmp.resolve("nowhere"), CliRun.COMMIT, deploy()),
                "--app-source " + tmp.resolve("nowhere") + " is not a directory", "git clone https://github.com/DemocracyClub/EveryElection");
    }

    @Test
    void aCheckoutAtAnotherCommitIsRefusedNamingBothCommits() throws IOException {
        Path app = committedApp();
        String head = Trees.commitAll(app);
        assertRefused(bundle(app, CliRun.COMMIT, deploy()),
                "is at commit " + head + ", not " + CliRun.COMMIT, "git -C " + app + " checkout " + CliRun.COMMIT);
    }

    @Test
    void aModifiedTrackedFileIsRefusedNamingIt() throws IOException {
        Path app = committedApp();
        String head = Trees.commitAll(app);
        Trees.write(app, "manage.py", "# edited\n");
        assertRefused(bundle(app, head, deploy()), "has modified tracked files", "M manage.py", "stash");
    }

    @Test
    void aTreeWithoutManagePyOrPyprojectIsNotTheApplication() throws IOException {
        Path app = committedApp();
        Files.delete(app.resolve("pyproject.toml"));
        assertRefused(bundle(app, CliRun.COMMIT, deploy()), "has no pyproject.toml", "pass the application's directory");
    }

    @Test
    void anApplicationPathCollidingWithTheRevisionDirectoryIsRefusedNamingIt() throws IOException {
        Path app = committedApp();
        Trees.write(app, "ee-deploy/hooks/theirs.sh", "#!/bin/bash\n");
        assertRefused(bundle(app, CliRun.COMMIT, deploy()), "ee-deploy/hooks/theirs.sh", "collides", "rename it");
    }

    @Test
    void anApplicationManifestOfItsOwnIsRefused() throws IOException {
        Path app = committedApp();
        Trees.write(app, "ee-revision.json", "{}");
        assertRefused(bundle(app, CliRun.COMMIT, deploy()), "has ee-revision.json, which collides");
    }

    @Test
    void aSymbolicLinkInTheAppTreeIsRefused() throws IOException {
        Path app = committedApp();
        Files.createSymbolicLink(app.resolve("link"), Path.of("/etc/passwd"));
        assertRefused(bundle(app, CliRun.COMMIT, deploy()), "link is a symbolic link", "regular files only");
    }

    @Test
    void aDeploySourceWithoutEeDeployIsRefusedWithTheOption() throws IOException {
        Path deploy = deploy();
        Files.walk(deploy.resolve("ee-deploy")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertRefused(bundle(committedApp(), CliRun.COMMIT, deploy), "has no ee-deploy/ directory", "--deploy-source");
    }

    @Test
    void aComposedBundlePrintsItsDigestInSha256sumFormat() throws IOException {
        Path app = committedApp();
        String head = Trees.commitAll(app);
        CliRun run = bundle(app, head, deploy());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path zip = tmp.resolve("out/b.zip");
        assertThat(run.out()).isEqualTo(Sha.of(zip) + "  " + zip + System.lineSeparator());
        assertThat(run.err()).contains("application " + head);
    }
}
