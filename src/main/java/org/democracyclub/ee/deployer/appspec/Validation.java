package org.democracyclub.ee.deployer.appspec;

import java.nio.file.Path;
import java.util.List;
import org.democracyclub.ee.common.Problem;

/**
 * The outcome of validating one revision's appspec.
 *
 * @param spec what was read; complete only when {@link #valid()}
 */
public record Validation(Path file, AppSpec spec, List<Problem> problems) {

    public boolean valid() {
        return problems.isEmpty();
    }
}
