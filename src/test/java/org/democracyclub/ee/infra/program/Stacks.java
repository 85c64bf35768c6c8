package org.democracyclub.ee.infra.program;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.preview.OfflineStack;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * The project's real stacks, run under the mock engine from the real Pulumi.yaml and
 * Pulumi.&lt;env&gt;.yaml files (Pulumi's test harness ignores stack configuration, so the
 * settings are read here exactly as the program reads them). Runs with the built-in fixture
 * are shared between tests.
 */
public final class Stacks {
    public static final Path PROJECT = Path.of(".");
    public static final String[] ALL = {"development", "staging", "production"};
    private static final Map<String, OfflineRun> RUNS = new ConcurrentHashMap<>();

    private Stacks() {
    }

    public static StackSettings settings(String stack) {
        return OfflineStack.settings(PROJECT, stack);
    }

    public static synchronized OfflineRun run(String stack) {
        return RUNS.computeIfAbsent(stack, s -> checked(OfflineStack.run(PROJECT, s, Fixture.builtIn())));
    }

    public static synchronized OfflineRun run(String stack, Fixture fixture) {
        return checked(OfflineStack.run(PROJECT, stack, fixture));
    }

    private static OfflineRun checked(OfflineRun run) {
        if (!run.errors().isEmpty()) {
            throw new AssertionError("the program failed: " + run.errors());
        }
        return run;
    }
}
