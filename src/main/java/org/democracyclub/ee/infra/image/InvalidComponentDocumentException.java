package org.democracyclub.ee.infra.image;

import java.util.List;
import java.util.stream.Collectors;
import org.democracyclub.ee.common.Problem;

/**
 * One or more component documents are broken. Thrown before any resource is declared, with
 * every problem found (not just the first), each with its file and line.
 */
public final class InvalidComponentDocumentException extends RuntimeException {

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
