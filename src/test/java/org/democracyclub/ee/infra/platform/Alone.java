package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.function.Consumer;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;

/**
 * Declares one platform component alone under the mock engine, with a minimal provider and the
 * args its test gives it: no settings, no look-ups, no sibling components (as AWS CDK tests a
 * construct in an empty stack). The mock engine is global, so runs are serialised.
 */
final class Alone {
    static final String REGION = "eu-west-2";
    static final String ACCOUNT = "123456789012";

    private Alone() {
    }

    /** Runs a program that declares what {@code component} declares with the provider in its options. */
    static synchronized OfflineRun declare(Consumer<ComponentResourceOptions> component) {
        OfflineRun run = OfflineRun.of("ee-component-test", "test", REGION, Fixture.builtIn(), (ctx, suppressions) -> {
            var provider = new Provider("aws-test", ProviderArgs.builder().region(REGION).build());
            component.accept(ComponentResourceOptions.builder().providers(provider).build());
        });
        if (!run.errors().isEmpty()) {
            throw new AssertionError("the component failed: " + run.errors());
        }
        return run;
    }
}
