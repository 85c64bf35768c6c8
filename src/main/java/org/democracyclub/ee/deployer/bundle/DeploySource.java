package org.democracyclub.ee.deployer.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.democracyclub.ee.common.RevisionLayout;
import org.democracyclub.ee.deployer.BadInputException;

/**
 * This repository's part of the bundle: {@code appspec.yaml} (shipped as {@code appspec.yml}, the
 * only name the agent reads hooks from) and the whole {@code ee-deploy/} directory, at the same
 * path in the bundle. Its commit and cleanliness go into the manifest.
 */
final class DeploySource {
    private DeploySource() {
    }

    record Part(List<BundleEntry> entries, Optional<String> commit, boolean clean) {
    }

    static Part read(Path dir) {
        Path appspec = dir.resolve(RevisionLayout.SOURCE_APPSPEC);
        Path revisionDir = dir.resolve(RevisionLayout.REVISION_DIRECTORY);
        if (!Files.isRegularFile(appspec, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("--deploy-source " + dir + " has no " + RevisionLayout.SOURCE_APPSPEC
                    + "; run from the root of the deployment repository, or pass --deploy-source DIR");
        }
        if (!Files.isDirectory(revisionDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("--deploy-source " + dir + " has no " + RevisionLayout.REVISION_DIRECTORY
                    + "/ directory; run from the root of the deployment repository, or pass --deploy-source DIR");
        }
        List<BundleEntry> entries = new ArrayList<>();
        entries.add(BundleEntry.file(RevisionLayout.BUNDLE_APPSPEC, appspec, false));
        try (Stream<Path> paths = Files.walk(revisionDir)) {
            for (Path p : paths.sorted().toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    throw new BadInputException("--deploy-source " + dir + ": " + name
                            + " is a symbolic link; the bundle ships regular files only");
                }
                if (Files.isRegularFile(p)) {
                    entries.add(BundleEntry.file(name, p, AppTree.executable(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Git.isCheckout(dir)) {
            return new Part(entries, Optional.empty(), false);
        }
        Git git = new Git(dir);
        boolean clean = git.changes(false, RevisionLayout.SOURCE_APPSPEC, RevisionLayout.REVISION_DIRECTORY).isEmpty();
        return new Part(entries, Optional.of(git.head()), clean);
    }
}
