package org.democracyclub.ee.infra.settings;

import java.util.List;

/**
 * Stack settings that cannot be used. It carries every problem found, each naming the stack
 * file, the key, the bad value and what is allowed, so one run shows all the fixes.
 */
public final class InvalidSettingsException extends RuntimeException {
    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid stack settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
