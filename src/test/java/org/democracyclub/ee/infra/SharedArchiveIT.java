package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The jar as users start it, with the class-data sharing archive the build put next to it: the
 * second JVM's output and exit status are the command's, and nothing about the archive is printed.
 */
@Timeout(120)
class SharedArchiveIT {
    private static final Path JAR = Path.of("target/ee-infra.jar");

    @Test
    void theJarAsTypedRunsThePreviewThroughTheArchiveAndPrintsOnlyThePreview() throws Exception {
        assertThat(JAR.resolveSibling(SharedArchive.ARCHIVE)).as("built by mvn package").isRegularFile();
        assertThat(SharedArchive.relaunchCommand(new String[] {"preview"})).as("target/ee-classes.jar, the tests' jar, has no archive").isEmpty();

        Path out = Files.createTempFile("preview", ".out");
        Path err = Files.createTempFile("preview", ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "preview", "--stack", "production")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        assertThat(process.waitFor()).as("exit status; stderr: %s", read(err)).isZero();
        assertThat(read(out)).contains("Policy (production): ").contains(" 0 violations");
        assertThat(read(err)).as("stderr").isEmpty();
    }

    /**
     * The archive is one the JVM maps for this jar ({@code -Xshare:on} refuses to start otherwise),
     * and it holds the classes a dynamic archive would skip: picocli's, class file version 49.
     */
    @Test
    void theArchiveMapsForThisJarAndHoldsPicocli() throws Exception {
        Path log = Files.createTempFile("class-load", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + JAR.resolveSibling(SharedArchive.ARCHIVE), "-Xshare:on",
                "-Xlog:class+load=info:file=" + log, "-D" + SharedArchive.RELAUNCHED + "=true",
                "-cp", JAR.toString(), InfraMain.class.getName(), "--version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        assertThat(process.waitFor()).as("exit status with -Xshare:on").isZero();
        assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains(" picocli.CommandLine source: shared objects file"))
                .anyMatch(line -> line.contains(" " + InfraMain.class.getName() + " source: shared objects file"));
    }

    @Test
    void aRelaunchedJvmDoesNotRelaunchAgain() {
        System.setProperty(SharedArchive.RELAUNCHED, "true");
        try {
            assertThat(SharedArchive.relaunchCommand(new String[] {"preview"})).isEmpty();
        } finally {
            System.clearProperty(SharedArchive.RELAUNCHED);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
