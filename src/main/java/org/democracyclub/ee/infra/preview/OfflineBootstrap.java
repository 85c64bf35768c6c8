package org.democracyclub.ee.infra.preview;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.bootstrap.BootstrapProgram;
import org.democracyclub.ee.bootstrap.BootstrapSettings;
import org.democracyclub.ee.infra.settings.ConfigValue;
import org.democracyclub.ee.infra.settings.StackConfig;

/**
 * The bootstrap run offline, for the preview: what {@code pulumi up} in {@code bootstrap/} would
 * create, with its generated CI policies, before an administrator runs it.
 */
public final class OfflineBootstrap {
    /** Stands in for the CircleCI IDs, which each account sets by hand before the real run. */
    public static final String SAMPLE_ID = "00000000-0000-4000-8000-000000000000";

    private OfflineBootstrap() {
    }

    /**
     * Reads the bootstrap stack file, with sample CircleCI IDs where it has none yet (reported in
     * {@code notes}), and runs the program under the mock engine.
     */
    public static OfflineRun run(Path projectDir, String stack, Fixture fixture, List<String> notes) {
        StackConfig file = BootstrapSettings.stackFile(projectDir, stack);
        Map<String, ConfigValue> config = new LinkedHashMap<>(file.values());
        for (String key : List.of(BootstrapSettings.ORG_ID_KEY, BootstrapSettings.PROJECT_ID_KEY)) {
            if (config.putIfAbsent(key, ConfigValue.plain(SAMPLE_ID, 0)) == null) {
                notes.add(key + " is not set yet; the preview uses " + SAMPLE_ID
                        + " (set it before the real run: docs/deployment.md)");
            }
        }
        BootstrapSettings settings = BootstrapSettings.read(new StackConfig(stack, file.fileName(), config),
                BootstrapSettings.mainProjectDir(projectDir));
        return OfflineRun.of(BootstrapProgram.PROJECT_NAME, stack, settings.region(), fixture,
                (ctx, suppressions) -> BootstrapProgram.stack(ctx, settings, suppressions));
    }
}
