package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stack writes the app's settings it knows under /ee/app/, as String parameters. */
class AppSettingsIT {
    private static final String PARAMETER = "aws:ssm/parameter:Parameter";

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void eachStackWritesItsEnvironmentDomainEventBusAndSettingsModule(String stack) {
        OfflineRun run = Stacks.run(stack);
        Map<String, Object> written = new TreeMap<>();
        for (DeclaredResource p : run.ofType(PARAMETER)) {
            String name = (String) p.at("name");
            if (name.startsWith("/ee/app/")) {
                assertThat(p.at("type")).as(name).isEqualTo("String");
                written.put(name, p.at("value"));
            }
        }
        String account = (String) run.get(PARAMETER, "ee-app-settings-DC_EVENTBUS_ARN").at("value");
        assertThat(written).containsOnlyKeys("/ee/app/DC_ENVIRONMENT", "/ee/app/DC_EVENTBUS_ARN",
                        "/ee/app/DJANGO_SETTINGS_MODULE", "/ee/app/FQDN")
                .containsEntry("/ee/app/DC_ENVIRONMENT", stack)
                .containsEntry("/ee/app/DJANGO_SETTINGS_MODULE", "every_election.settings.deploy")
                .containsEntry("/ee/app/DC_EVENTBUS_ARN", "arn:aws:events:eu-west-2:123456789012:event-bus/default");
        assertThat((String) written.get("/ee/app/FQDN")).isNotBlank().doesNotContain("/");
        assertThat(account).endsWith(":event-bus/default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development"})
    void whatTheStackWritesIsMarkedStackInTheOneListOfSettings(String stack) throws IOException {
        Map<String, String> needs = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("ee-deploy/env-variables.txt"))) {
            String[] w = line.trim().split("\\s+");
            if (w.length >= 3 && !w[0].startsWith("#")) {
                needs.put(w[0], w[2]);
            }
        }
        Map<String, String> fromStack = new TreeMap<>(needs);
        fromStack.values().removeIf(source -> !source.equals("stack"));
        assertThat(org.democracyclub.ee.infra.platform.AppSettings.values(stack, "eu-west-2", "1", "x").keySet())
                .containsExactlyElementsOf(fromStack.keySet());
    }
}
