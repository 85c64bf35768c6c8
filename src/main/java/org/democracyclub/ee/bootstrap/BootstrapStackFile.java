package org.democracyclub.ee.bootstrap;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.StackConfig;

/**
 * A bootstrap stack file's {@code config:} block as plain strings, read by the same
 * {@link StackConfig} as the main stacks' files (Pulumi's test harness ignores stack
 * configuration, so tests and the program both read the file).
 */
record BootstrapStackFile(String displayName, Map<String, String> config) {

    static BootstrapStackFile read(Path projectDir, String stack) {
        String displayName = "bootstrap/" + StackConfig.fileNameOf(stack);
        if (!java.nio.file.Files.exists(projectDir.resolve(StackConfig.fileNameOf(stack)))) {
            throw new BootstrapSettingsException(List.of(displayName
                    + ": no such file; create it with: pulumi -C bootstrap stack init " + stack));
        }
        StackConfig file;
        try {
            file = StackConfig.fromStackFile(projectDir, stack);
        } catch (InvalidSettingsException e) {
            throw new BootstrapSettingsException(e.problems().stream().map(p -> "bootstrap/" + p).toList());
        }
        Map<String, String> values = new LinkedHashMap<>();
        file.values().forEach((key, value) -> {
            if (value.secret()) {
                // The bootstrap has no secret; a {secure: ...} value means --secret by mistake.
                throw new BootstrapSettingsException(List.of(displayName + (value.line() > 0 ? " line " + value.line() : "")
                        + ": " + key + " must be a plain value, not a secret (set it without --secret)"));
            }
            values.put(key, value.text());
        });
        return new BootstrapStackFile(displayName, values);
    }
}
