package org.democracyclub.ee.deployer.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.democracyclub.ee.common.RevisionLayout;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.CommitSha;

/**
 * The application's part of the bundle: the tree at {@code --app-source}, checked to be the
 * commit it claims to be and the application it claims to be.
 *
 * <p>When the directory is a git checkout, the bundle takes exactly the files git tracks (with
 * HEAD = the commit and no tracked file modified, that is the commit's tree), so a developer's
 * {@code .env}, {@code .venv/} or {@code node_modules/} never ship. A directory that is not a
 * checkout (an exported archive) ships whole. Symbolic links are refused: the app has none
 * (checked at c42e0be7: every entry of {@code git ls-tree -r} is mode 100644 or 100755), and a link
 * unpacked on an instance could point anywhere.
 */
final class AppTree {
    /** Files without which the tree is not the application the hooks install (see the fact sheet). */
    static final List<String> REQUIRED_FILES = List.of("manage.py", "pyproject.toml");
    /** Top-level names the bundle itself uses: an application path there would be overwritten. */
    static final List<String> RESERVED = List.of(RevisionLayout.REVISION_DIRECTORY, RevisionLayout.MANIFEST);

    private AppTree() {
    }

    static List<BundleEntry> read(Path dir, CommitSha commit) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("--app-source " + dir + " is not a directory; clone the application there: "
                    + "git clone https://github.com/DemocracyClub/EveryElection " + dir + " && git -C " + dir
                    + " checkout " + commit);
        }
        List<String> names = Git.isCheckout(dir) ? checkedOut(dir, commit) : walk(dir);
        for (String required : REQUIRED_FILES) {
            if (!Files.isRegularFile(dir.resolve(required), LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException("--app-source " + dir + " has no " + required
                        + ": it is not a checkout of the EveryElection application; pass the application's directory");
            }
        }
        List<BundleEntry> entries = new ArrayList<>();
        for (String name : names) {
            String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
            if (RevisionLayout.EXCLUDED_APP_PATHS.contains(top)) {
                continue;
            }
            if (RESERVED.contains(top)) {
                throw new BadInputException("--app-source " + dir + " has " + name + ", which collides with the bundle's own "
                        + top + "; rename it in the application (the bundle reserves " + String.join(", ", RESERVED) + ")");
            }
            Path file = dir.resolve(name);
            if (Files.isSymbolicLink(file)) {
                throw new BadInputException("--app-source " + dir + ": " + name + " is a symbolic link; the bundle ships "
                        + "regular files only: replace it by the file it points to, or remove it");
            }
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--app-source " + dir + ": " + name + " is not a regular file (a submodule?); "
                        + "the bundle ships regular files only");
            }
            entries.add(BundleEntry.file(name, file, executable(file)));
        }
        return entries;
    }

    private static List<String> checkedOut(Path dir, CommitSha commit) {
        Git git = new Git(dir);
        String head = git.head();
        if (!head.equals(commit.value())) {
            throw new BadInputException("--app-source " + dir + " is at commit " + head + ", not " + commit
                    + "; run git -C " + dir + " checkout " + commit + " (or pass --commit " + head + ")");
        }
        List<String> changes = git.changes(true);
        if (!changes.isEmpty()) {
            throw new BadInputException("--app-source " + dir + " has modified tracked files, so it is not commit "
                    + commit + ": " + String.join(", ", changes.stream().limit(10).map(String::strip).toList())
                    + (changes.size() > 10 ? " and " + (changes.size() - 10) + " more" : "")
                    + "; run git -C " + dir + " stash (or commit them and deploy that commit)");
        }
        return git.trackedFiles();
    }

    private static List<String> walk(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.startsWith(".git/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean executable(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
