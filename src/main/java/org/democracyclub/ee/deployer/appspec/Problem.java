package org.democracyclub.ee.deployer.appspec;

import java.nio.file.Path;

/**
 * One reason an appspec is invalid: where (file and 1-based line), what, and how to fix it.
 * Printed as {@code file:line: message (fix: ...)} so editors and CI logs can jump to it.
 */
public record Problem(Path file, int line, String message, String fix) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
    }
}
