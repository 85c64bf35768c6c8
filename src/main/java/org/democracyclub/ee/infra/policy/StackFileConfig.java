package org.democracyclub.ee.infra.policy;

import java.nio.file.Path;
import java.util.List;
import org.democracyclub.ee.infra.settings.StackConfig;

/**
 * A stack file's {@code config:} block as {@link ConfigEntry}s for EE-SEC-2: a value written as
 * {@code {secure: ...}} is encrypted, anything else is plain text in git. The file is read by
 * the one reader of stack files, {@link StackConfig#fromStackFile}, so the rules see exactly
 * the values the program is given.
 */
public final class StackFileConfig {
    private static final String PREFIX = "Pulumi.";
    private static final String SUFFIX = ".yaml";

    private StackFileConfig() {
    }

    /**
     * Reads {@code Pulumi.<stack>.yaml}.
     *
     * @throws org.democracyclub.ee.infra.settings.InvalidSettingsException when it is missing or invalid
     */
    public static List<ConfigEntry> read(Path stackFile) {
        String name = stackFile.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            throw new IllegalArgumentException(stackFile + " is not a stack file (" + PREFIX + "<stack>" + SUFFIX + ")");
        }
        Path dir = stackFile.toAbsolutePath().getParent();
        return of(StackConfig.fromStackFile(dir, name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
    }

    /** The entries of a stack's configuration, in the order of its file. */
    public static List<ConfigEntry> of(StackConfig config) {
        return config.values().entrySet().stream()
                .map(e -> new ConfigEntry(e.getKey(), e.getValue().secret(), e.getValue().secret() ? null : e.getValue().text()))
                .toList();
    }
}
