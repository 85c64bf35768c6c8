package org.democracyclub.ee.infra.image;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more component documents are broken. Thrown before any resource is declared, with
 * every problem found (not just the first), each with its file and line.
 */
public final class InvalidComponentDocumentException extends RuntimeException {

    /** One problem: {@code line} is 1-based, 0 when the problem concerns the whole file. */
    public record Problem(Path file, int line, String reason) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
        }
    }

    private final List<Problem> problems;

    public InvalidComponentDocumentException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        return "invalid image component document" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
