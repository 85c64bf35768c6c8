package org.democracyclub.ee.deployer.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A bundle as a directory, for {@code validate-appspec} and {@code local}: a directory is used as
 * it is; a {@code .zip} is unpacked into a temporary directory (as the agent unpacks it into
 * {@code deployment-archive/}) that {@link #close()} deletes. So what is checked and rehearsed is
 * the zip that ships, byte for byte.
 */
public final class UnpackedBundle implements AutoCloseable {
    private final Path directory;
    private final boolean temporary;

    private UnpackedBundle(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
    }

    public static boolean isZip(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    public static UnpackedBundle open(Path path) {
        if (!isZip(path)) {
            return new UnpackedBundle(path, false);
        }
        try {
            Path dir = Files.createTempDirectory("ee-bundle-");
            try {
                BundleExtractor.extract(path, dir);
            } catch (RuntimeException | IOException e) {
                delete(dir);
                throw e;
            }
            return new UnpackedBundle(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + path + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (temporary) {
            delete(directory);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
