package org.democracyclub.ee.common;

import java.nio.file.Path;

/**
 * One reason a file cannot be used: where (the file and its 1-based line, 0 when the problem
 * concerns the whole file), what, and how to fix it (empty when the message says it). The one
 * shape of the appspec validator's and the image component validator's reports, printed as
 * {@code file:line: message (fix: ...)} so editors and CI logs can jump to it.
 */
public record Problem(Path file, int line, String message, String fix) {

    /** A problem whose message already says what to do. */
    public Problem(Path file, int line, String message) {
        this(file, line, message, "");
    }

    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file.toString()) + ": " + message
                + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
    }
}
