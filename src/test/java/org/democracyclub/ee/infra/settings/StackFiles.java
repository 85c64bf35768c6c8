package org.democracyclub.ee.infra.settings;

import java.nio.file.Path;

/**
 * The project's real stack files read as the program reads them, without running the program:
 * what the settings tests need (the program's own runs are in infra.program.Stacks).
 */
final class StackFiles {
    static final Path PROJECT = Path.of(".");
    static final String[] ALL = Environment.stackNames().stream().sorted().toArray(String[]::new);

    private StackFiles() {
    }

    static StackSettings settings(String stack) {
        return SettingsReader.read(ProjectFile.read(PROJECT), StackConfig.fromStackFile(PROJECT, stack));
    }
}
