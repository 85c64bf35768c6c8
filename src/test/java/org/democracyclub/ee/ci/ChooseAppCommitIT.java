package org.democracyclub.ee.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .circleci/choose-app-commit.sh} run for real, with recording stand-ins for {@code java}
 * (the deployer's live-commit) and {@code git} (ls-remote of the application's master).
 */
class ChooseAppCommitIT {
    private static final String PARAMETER = "a".repeat(40);
    private static final String LIVE = "b".repeat(40);
    private static final String MASTER = "c".repeat(40);

    @TempDir
    Path tmp;

    private record Result(int status, String bashEnv, String output, String calls) {
    }

    private Result run(String parameter, int liveCommitStatus) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path calls = tmp.resolve("calls");
        stub(bin.resolve("java"), "echo \"java $*\" >> " + calls + "\n"
                + "if [ " + liveCommitStatus + " -eq 0 ]; then echo " + LIVE + "; fi\nexit " + liveCommitStatus);
        stub(bin.resolve("git"), "echo \"git $*\" >> " + calls + "\nprintf '%s\\trefs/heads/master\\n' " + MASTER);
        Path bashEnv = tmp.resolve("bash_env");
        Files.writeString(bashEnv, "");
        ProcessBuilder pb = new ProcessBuilder("bash", ".circleci/choose-app-commit.sh", parameter).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("BASH_ENV", bashEnv.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        return new Result(status, Files.readString(bashEnv), output, Files.exists(calls) ? Files.readString(calls) : "");
    }

    private static void stub(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theParameterWinsAndNothingIsAsked() throws Exception {
        Result r = run(PARAMETER, 0);
        assertThat(r.status()).isZero();
        assertThat(r.bashEnv()).isEqualTo("export APP_COMMIT='" + PARAMETER + "'\n");
        assertThat(r.calls()).isEmpty();
    }

    @Test
    void withoutAParameterTheLiveCommitIsRedeployed() throws Exception {
        Result r = run("", 0);
        assertThat(r.status()).as(r.output()).isZero();
        assertThat(r.bashEnv()).isEqualTo("export APP_COMMIT='" + LIVE + "'\n");
        assertThat(r.calls()).isEqualTo("java -jar target/ee-deployer.jar live-commit\n");
    }

    @Test
    void anEnvironmentWithNothingDeployedTakesTheHeadOfTheApplicationsMaster() throws Exception {
        Result r = run("", 1);
        assertThat(r.status()).as(r.output()).isZero();
        assertThat(r.bashEnv()).isEqualTo("export APP_COMMIT='" + MASTER + "'\n");
        assertThat(r.calls()).contains("git ls-remote https://github.com/DemocracyClub/EveryElection.git refs/heads/master");
    }

    @Test
    void anAwsErrorStopsTheJobInsteadOfGuessing() throws Exception {
        Result r = run("", 4);
        assertThat(r.status()).isEqualTo(4);
        assertThat(r.bashEnv()).isEmpty();
        assertThat(r.output()).contains("set the pipeline parameter app_commit");
    }

    @Test
    void aParameterThatIsNotAFullCommitIsRefused() throws Exception {
        Result r = run("master", 0);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.bashEnv()).isEmpty();
    }
}
