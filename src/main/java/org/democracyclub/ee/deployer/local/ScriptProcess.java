package org.democracyclub.ee.deployer.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one hook script the way the agent does: in its own process group (through
 * {@code setsid}), so that at the timeout the script and everything it started can be killed
 * together; output (stdout and stderr merged, in order) is streamed line by line.
 */
final class ScriptProcess {
    /** How long output may stay open after the script exits before we call it a leftover process. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(2);
    private static final int TAIL_LINES = 20;
    private static final boolean HAS_SETSID = onPath("setsid");

    private final Path workDir;
    private final Consumer<String> lineSink;

    ScriptProcess(Path workDir, Consumer<String> lineSink) {
        this.workDir = workDir;
        this.lineSink = lineSink;
    }

    ScriptOutcome run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path fifoDir = Files.createTempDirectory("ee-hook-");
        try {
            return run(command, env, timeout, OutputFifo.create(fifoDir));
        } finally {
            Files.deleteIfExists(fifoDir.resolve(OutputFifo.NAME));
            Files.deleteIfExists(fifoDir);
        }
    }

    private ScriptOutcome run(List<String> command, Map<String, String> env, Duration timeout, Path fifo)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (HAS_SETSID) {
            full.addAll(List.of("setsid", "--wait"));
        }
        full.addAll(command);
        // Output goes through our own FIFO rather than Process's pipe: the JDK closes that pipe when
        // the script exits, which would hide children that still hold it (see OutputFifo).
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(fifo.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        OutputTail tail = new OutputTail(TAIL_LINES);
        Thread reader = new Thread(() -> copyLines(fifo, tail), "hook-output");
        reader.setDaemon(true); // never keeps the JVM alive if a leftover process holds the FIFO
        // Opening a FIFO for writing (in start()) waits until it is open for reading: reader first.
        reader.start();
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            reader.join(DRAIN_GRACE.toMillis());
            throw e;
        }

        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            List<ProcessHandle> descendants = process.descendants().toList();
            killGroup(process);
            descendants.forEach(ProcessHandle::destroyForcibly); // any that left the group
            process.waitFor(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            reader.join(DRAIN_GRACE.toMillis());
            return new ScriptOutcome(ScriptOutcome.Status.TIMED_OUT, -1, tail.lines(), since(start));
        }
        reader.join(DRAIN_GRACE.toMillis());
        int exit = process.exitValue();
        if (reader.isAlive()) {
            // The script is gone but something it started still holds its output.
            killGroup(process);
            reader.join(DRAIN_GRACE.toMillis());
            return new ScriptOutcome(ScriptOutcome.Status.LEFT_PROCESSES, exit, tail.lines(), since(start));
        }
        ScriptOutcome.Status status = exit == 0 ? ScriptOutcome.Status.SUCCEEDED : ScriptOutcome.Status.FAILED;
        return new ScriptOutcome(status, exit, tail.lines(), since(start));
    }

    /** Copies lines until every writer of the FIFO (the script and its children) has closed it. */
    private void copyLines(Path fifo, OutputTail tail) {
        try (BufferedReader lines = Files.newBufferedReader(fifo, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                tail.add(line);
                lineSink.accept(line);
            }
        } catch (IOException e) {
            tail.add("(output could not be read: " + e.getMessage() + ")");
        }
    }

    /**
     * TERM, then KILL, to the script's process group. Only with setsid: without it the group is
     * the runner's own, and killing it would kill the runner (and its build tool).
     */
    private static void killGroup(Process process) throws IOException, InterruptedException {
        if (!HAS_SETSID) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return;
        }
        String group = "-" + process.pid();
        signal("-TERM", group);
        process.waitFor(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        signal("-KILL", group);
    }

    private static void signal(String signal, String group) throws IOException, InterruptedException {
        new ProcessBuilder("kill", signal, "--", group).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
