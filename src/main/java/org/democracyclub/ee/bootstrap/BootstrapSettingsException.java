package org.democracyclub.ee.bootstrap;

import java.util.List;

/**
 * The bootstrap stack file is missing, unreadable or has invalid values. The message lists every
 * problem at once, each naming the file, the key, the value and what is allowed.
 */
public class BootstrapSettingsException extends RuntimeException {
    private final List<String> problems;

    public BootstrapSettingsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
