package org.democracyclub.ee.deployer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.democracyclub.ee.common.RevisionLayout;

/**
 * A bundle directory composed as {@link RevisionLayout} says: the application tree without the
 * paths that never ship, this repository's appspec.yaml as appspec.yml, and this repository's
 * ee-deploy/. What the hook tests deploy (the bundle command's zip unpacks to the same tree).
 */
final class FixtureRevision {
    /** The stand-in application in the real app's shape. */
    static final Path FIXTURE_APP = Path.of("src/test/resources/fixture-app");

    private FixtureRevision() {
    }

    static Path compose(Path appTree, Path bundle) {
        try {
            Files.createDirectories(bundle);
            try (Stream<Path> top = Files.list(appTree)) {
                for (Path entry : top.sorted().toList()) {
                    if (!RevisionLayout.EXCLUDED_APP_PATHS.contains(entry.getFileName().toString())) {
                        copyTree(entry, bundle.resolve(entry.getFileName().toString()));
                    }
                }
            }
            Files.copy(Path.of(RevisionLayout.SOURCE_APPSPEC), bundle.resolve(RevisionLayout.BUNDLE_APPSPEC));
            copyTree(Path.of(RevisionLayout.REVISION_DIRECTORY), bundle.resolve(RevisionLayout.REVISION_DIRECTORY));
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
