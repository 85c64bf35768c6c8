package org.democracyclub.ee.deployer.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.democracyclub.ee.deployer.CommitSha;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCompositionIT {
    @TempDir
    Path tmp;

    private Bundle compose(Path app, String commit, Path deploy, String out) {
        return BundleComposer.compose(app, new CommitSha(commit), deploy, tmp.resolve(out));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void theBundleHoldsTheAppTreeWithoutItsAppspecAndDeployPlusOurAppspecAsYmlEeDeployAndTheManifest() throws IOException {
        Path app = Trees.app(tmp.resolve("app"));
        String sha = Trees.commitAll(app);
        Path deploy = Trees.deploySource(tmp.resolve("deploy"));

        Bundle bundle = compose(app, sha, deploy, "b.zip");
        Path out = tmp.resolve("x");
        BundleExtractor.extract(bundle.file(), out);

        assertThat(files(out)).containsExactly(
                "appspec.yml", "ee-deploy/hooks/start.sh", "ee-deploy/systemd/every_election_gunicorn.service",
                "ee-revision.json", "every_election/settings/base.py", "manage.py", "pyproject.toml",
                "serverscripts/backup_db_to_s3.sh");
        assertThat(out.resolve("appspec.yml")).hasSameTextualContentAs(deploy.resolve("appspec.yaml"));
        assertThat(bundle.files()).isEqualTo(8);
        assertThat(bundle.sha256()).hasSize(64).isEqualTo(Sha.of(bundle.file()));
    }

    @Test
    void aCheckoutShipsOnlyTrackedFilesSoADevelopersEnvAndVenvStayBehind() throws IOException {
        Path app = Trees.app(tmp.resolve("app"));
        String sha = Trees.commitAll(app);
        Trees.write(app, ".env", "EE_SECRET_KEY=not-for-the-bundle\n");
        Trees.write(app, ".venv/bin/python", "");

        Path out = tmp.resolve("x");
        BundleExtractor.extract(compose(app, sha, Trees.deploySource(tmp.resolve("deploy")), "b.zip").file(), out);

        assertThat(out.resolve(".env")).doesNotExist();
        assertThat(out.resolve(".venv")).doesNotExist();
    }

    @Test
    void theManifestNamesBothCommitsAndWhetherTheShippedDeploymentFilesAreClean() throws IOException {
        Path app = Trees.app(tmp.resolve("app"));
        String appSha = Trees.commitAll(app);
        Path deploy = Trees.deploySource(tmp.resolve("deploy"));
        String deploySha = Trees.commitAll(deploy);

        Manifest clean = compose(app, appSha, deploy, "clean.zip").manifest();
        Trees.write(deploy, "ee-deploy/hooks/new.sh", "#!/bin/bash\n");
        Manifest dirty = compose(app, appSha, deploy, "dirty.zip").manifest();

        assertThat(clean).isEqualTo(new Manifest(appSha, java.util.Optional.of(deploySha), true));
        assertThat(dirty.deploymentTreeClean()).isFalse();
        assertThat(new String(clean.toJson())).contains("\"applicationCommit\": \"" + appSha + "\"")
                .contains("\"deploymentCommit\": \"" + deploySha + "\"").contains("\"deploymentTreeClean\": true");
        assertThat(Manifest.applicationCommitOf(new String(clean.toJson()))).contains(appSha);
    }

    @Test
    void theSameInputsGiveTheSameBytesWhateverTheFileTimesAndTheOutputName() throws IOException {
        Path app = Trees.app(tmp.resolve("app"));
        String sha = Trees.commitAll(app);
        Path deploy = Trees.deploySource(tmp.resolve("deploy"));
        Bundle first = compose(app, sha, deploy, "first.zip");

        try (Stream<Path> s = Files.walk(tmp.resolve("deploy"))) {
            for (Path p : s.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2031-05-04T03:02:01Z")));
            }
        }
        Bundle second = compose(app, sha, deploy, "second.zip");

        assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(first.file()));
        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void infoZipUnzipAsTheAgentRunsItKeepsTheExecutableBitAndNothingElse() throws Exception {
        // The agent's extract_zip runs `unzip -qo BUNDLE -d DST` (linux_util.rb).
        assumeThat(Path.of("/usr/bin/unzip")).exists();
        Path app = Trees.app(tmp.resolve("app"));
        Bundle bundle = compose(app, Trees.commitAll(app), Trees.deploySource(tmp.resolve("deploy")), "b.zip");
        Path dst = tmp.resolve("deployment-archive");

        Process unzip = new ProcessBuilder("unzip", "-qo", bundle.file().toString(), "-d", dst.toString())
                .redirectErrorStream(true).start();
        assertThat(unzip.waitFor()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dst.resolve("serverscripts/backup_db_to_s3.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dst.resolve("ee-deploy/hooks/start.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dst.resolve("manage.py"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(dst.resolve("ee-deploy/hooks/start.sh"))).isEqualTo("#!/usr/bin/env bash\necho started\n");
    }

    @Test
    void aTreeThatIsNotACheckoutShipsWholeExceptTheExcludedTopLevelPaths() throws IOException {
        Path app = Trees.app(tmp.resolve("exported"));
        Trees.write(app, "docs/deploy/notes.md", "nested deploy/ is the app's own and ships\n");

        Path out = tmp.resolve("x");
        BundleExtractor.extract(compose(app, "c42e0be7d2625a50e292a539e8f8de1ebb505953",
                Trees.deploySource(tmp.resolve("deploy")), "b.zip").file(), out);

        assertThat(out.resolve("docs/deploy/notes.md")).exists();
        assertThat(out.resolve("deploy")).doesNotExist();
        assertThat(Files.readString(out.resolve("appspec.yml"))).contains("ee-deploy/hooks/start.sh");
    }
}
