package org.democracyclub.ee.deployer.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.deployer.BadInputException;

/**
 * The {@code git} command line, run with {@link ProcessBuilder} in one directory. The CLI (not a
 * Java git library) because it is on every CI image and developer machine, it honours the
 * checkout's own configuration (worktrees, {@code core.fileMode}, safe.directory), and it keeps the
 * jar small. Only plumbing-stable output is parsed: {@code rev-parse HEAD}, {@code status
 * --porcelain} (documented as stable for scripts in git-status(1)) and {@code ls-files -z}.
 */
final class Git {
    private final Path directory;

    Git(Path directory) {
        this.directory = directory;
    }

    /**
     * Whether the directory is itself the top of a checkout ({@code .git} is a directory, or a
     * file for a worktree). A directory that merely lies inside some other checkout (a fixture in
     * this repository's test resources) is not one: its HEAD is not the application's.
     */
    static boolean isCheckout(Path directory) {
        return Files.exists(directory.resolve(".git"));
    }

    String head() {
        return run("rev-parse", "HEAD").strip();
    }

    /** {@code git status --porcelain} lines, for tracked files only or including untracked and ignored ones. */
    List<String> changes(boolean trackedOnly, String... paths) {
        List<String> args = new ArrayList<>(List.of("status", "--porcelain"));
        args.add(trackedOnly ? "--untracked-files=no" : "--untracked-files=all");
        if (!trackedOnly) {
            args.add("--ignored");
        }
        if (paths.length > 0) {
            args.add("--");
            args.addAll(List.of(paths));
        }
        return run(args.toArray(String[]::new)).lines().filter(l -> !l.isBlank()).toList();
    }

    /** The tracked files, as paths relative to the checkout (NUL-separated, so any name is safe). */
    List<String> trackedFiles() {
        String out = run("ls-files", "-z");
        List<String> files = new ArrayList<>();
        for (String name : out.split("\0")) {
            if (!name.isEmpty()) {
                files.add(name);
            }
        }
        return files;
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            // stderr is read on its own thread so a large stdout (ls-files) cannot fill a pipe and stall git.
            var err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            byte[] out = process.getInputStream().readAllBytes();
            int status = process.waitFor();
            errReader.join();
            if (status != 0) {
                throw new BadInputException("git " + String.join(" ", args) + " in " + directory + " failed ("
                        + status + "): " + err.toString(StandardCharsets.UTF_8).strip()
                        + "; check that " + directory + " is a readable git checkout");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot run git in " + directory + " (" + e.getMessage()
                    + "); install git, or pass a directory that is not a checkout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try {
            in.transferTo(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
