package org.democracyclub.ee.bootstrap;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.democracyclub.ee.infra.settings.ConfigValue;
import org.democracyclub.ee.infra.settings.StackConfig;

/** Settings for tests, built from the real bootstrap stack files. */
final class BootstrapFixtures {
    static final Path PROJECT_DIR = Path.of("bootstrap");
    static final String ORG_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    static final String PROJECT_ID = "11111111-2222-4333-8444-555555555555";

    private BootstrapFixtures() {
    }

    /**
     * The real stack file's values; the CircleCI IDs, which an administrator sets before the
     * first run, are filled with sample UUIDs only where the file does not have them yet.
     */
    static BootstrapSettings settings(String environment) {
        StackConfig file = BootstrapSettings.stackFile(PROJECT_DIR, environment);
        Map<String, ConfigValue> config = new LinkedHashMap<>(file.values());
        config.putIfAbsent(BootstrapSettings.ORG_ID_KEY, ConfigValue.plain(ORG_ID, 0));
        config.putIfAbsent(BootstrapSettings.PROJECT_ID_KEY, ConfigValue.plain(PROJECT_ID, 0));
        return BootstrapSettings.read(new StackConfig(environment, file.fileName(), config),
                BootstrapSettings.mainProjectDir(PROJECT_DIR));
    }
}
