package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link AppSettings} declared alone with its args. */
class AppSettingsIT {
    private static final String PARAMETER = "aws:ssm/parameter:Parameter";
    private static OfflineRun run;

    @BeforeAll
    static void declare() {
        run = Alone.declare(options -> new AppSettings("app",
                new AppSettings.Args("staging", Alone.REGION, Alone.ACCOUNT, "test.example.org"), options));
    }

    private static Map<String, Object> valuesByName() {
        Map<String, Object> values = new TreeMap<>();
        run.ofType(PARAMETER).forEach(p -> values.put((String) p.at("name"), p.at("value")));
        return values;
    }

    @Test
    void theFourStackSettingsAreWrittenUnderTheAppPrefix() {
        String prefix = AppDefaults.SSM_PREFIX;
        assertThat(valuesByName()).containsOnlyKeys(prefix + "DC_ENVIRONMENT", prefix + "DC_EVENTBUS_ARN",
                prefix + "DJANGO_SETTINGS_MODULE", prefix + "FQDN");
    }

    @Test
    void theValuesComeFromTheArgs() {
        String prefix = AppDefaults.SSM_PREFIX;
        assertThat(valuesByName())
                .containsEntry(prefix + "DC_ENVIRONMENT", "staging")
                .containsEntry(prefix + "FQDN", "test.example.org")
                .containsEntry(prefix + "DC_EVENTBUS_ARN",
                        "arn:aws:events:" + Alone.REGION + ":" + Alone.ACCOUNT + ":event-bus/default");
    }

    @Test
    void everyParameterIsAPlainStringParentedToTheComponent() {
        assertThat(run.ofType(PARAMETER)).hasSize(4).allSatisfy((DeclaredResource p) -> {
            assertThat(p.at("type")).isEqualTo("String");
            assertThat(p.parentType()).isEqualTo(AppSettings.TYPE);
        });
    }
}
