package org.democracyclub.ee.deployer.appspec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.democracyclub.ee.common.RevisionLayout;

/** Writes a revision (appspec, scripts, files) into a temporary directory for a test. */
public final class TestBundle {
    private final Path dir;

    public TestBundle(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public TestBundle appspec(String yaml) {
        return file(RevisionLayout.SOURCE_APPSPEC, yaml);
    }

    /** An executable bash script with the hooks' strict mode, then {@code body}. */
    public TestBundle script(String path, String body) {
        file(path, "#!/usr/bin/env bash\nset -euo pipefail\n" + body + "\n");
        return executable(path);
    }

    public TestBundle executable(String path) {
        try {
            Files.setPosixFilePermissions(dir.resolve(path), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestBundle file(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
