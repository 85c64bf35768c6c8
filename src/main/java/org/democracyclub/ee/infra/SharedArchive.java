package org.democracyclub.ee.infra;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A faster start for the offline command line: the build dumps a static class-data sharing
 * archive of the classes a preview loads, the JDK's and the jar's ({@code target/ee-infra.jsa},
 * next to the jar; see pom.xml, executions {@code cds-class-list} and {@code cds-archive}), and
 * the jar started as users type it ({@code java -jar target/ee-infra.jar preview ...}) runs itself
 * again in a JVM that maps that archive and is tuned for a run of about a second (below). A
 * jar's manifest cannot carry JVM options, hence the second JVM; it costs one JVM start (~90 ms
 * with this jar, {@code --version} as typed against started directly) and saves the loading and
 * verifying of ~5,000 classes and the C2 compiler's CPU time, which such a run never earns back.
 *
 * <p>Not used under the Pulumi engine (that run is not interactive, and the engine tracks the
 * process it started), nor when the archive is missing (a jar built without it) or already in use.
 */
final class SharedArchive {
    /** Set on the second JVM so it does not start a third. */
    static final String RELAUNCHED = "ee.infra.relaunched";
    /** The archive of {@code ee-infra.jar}; named after the jar, so another jar of these classes has none. */
    static final String ARCHIVE = "ee-infra.jsa";
    /** The second JVM's young generation; see {@link #relaunchCommand}. */
    static final long YOUNG_GENERATION_BYTES = 256L << 20;

    private SharedArchive() {
    }

    /** The command that runs these arguments in a JVM using the archive, if one should. */
    static Optional<List<String>> relaunchCommand(String[] args) {
        if (System.getProperty(RELAUNCHED) != null) {
            return Optional.empty();
        }
        Optional<Path> jar = runningJar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        String jarName = jar.get().getFileName().toString();
        Path archive = jar.get().resolveSibling(jarName.substring(0, jarName.length() - ".jar".length()) + ".jsa");
        if (!Files.isRegularFile(archive)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                // An archive from an older build of the jar is refused by the JVM: say nothing, run without it.
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                // C1 only: C2's compilations do not pay for themselves in a run of about a second.
                "-XX:TieredStopAtLevel=1",
                // One C1 thread: on 2 CPUs a second one takes CPU from the program's two busy threads
                // (main and the pool), for methods the run mostly no longer needs once compiled.
                "-XX:CICompilerCount=1",
                // ...which starts on a method after a quarter of the usual calls (Tier3 thresholds:
                // 50 instead of 200): the run is over before most methods reach 200 (~7% less wall
                // time, interleaved runs of 20 against 0.1, 0.25 and 1).
                "-XX:CompileThresholdScaling=0.25",
                // ...and inlines less (calls 4 deep, callees up to 20 bytes; defaults 9 and 35):
                // cheaper compilations of code that runs a few hundred times (~5% less CPU time,
                // two interleaved runs of 20).
                "-XX:C1MaxInlineLevel=4", "-XX:C1MaxInlineSize=20",
                // No collector threads and no perf-data file for a run of a second (~70 ms, hyperfine).
                "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        // A young generation larger than a preview allocates (~100 MB for production): no
        // collection at all, where the default (~100 MB here) ended it with a 34 ms pause (-Xlog:gc).
        // Only where the default heap leaves room for it: else the JVM warns and shrinks it.
        if (Runtime.getRuntime().maxMemory() >= 4 * YOUNG_GENERATION_BYTES) {
            command.add("-Xmn" + YOUNG_GENERATION_BYTES);
        }
        // Offline, every step of the run is CPU in this process (the mocks answer from memory):
        // a pool thread per CPU, and no fewer than 2 (below 2 the JDK runs each asynchronous step on
        // a new thread: see AsyncPool). AsyncPool's floor of 4 cost a preview on 2 CPUs ~5% of its
        // CPU time in thread hand-offs (two interleaved runs of 20).
        command.add("-D" + AsyncPool.PARALLELISM + "=" + Math.max(2, Runtime.getRuntime().availableProcessors()));
        command.addAll(List.of("-D" + RELAUNCHED + "=true", "-cp", jar.get().toString(), InfraMain.class.getName()));
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * Runs the command with this process's standard streams: its exit status, or nothing when
     * the second JVM could not be started (then this one does the work).
     */
    static OptionalInt run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(process.waitFor());
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    private static Optional<Path> runningJar() {
        try {
            var source = InfraMain.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
