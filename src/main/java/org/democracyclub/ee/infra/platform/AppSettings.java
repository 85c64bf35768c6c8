package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import java.util.TreeMap;

/**
 * The app's settings that the stack already knows, written by the program as SSM String
 * parameters under the app's prefix, so nobody types them in twice: the .env writer on the
 * instances reads them with the settings set by hand (ee-deploy/env-variables.txt marks these
 * "stack"). {@code DJANGO_SETTINGS_MODULE} is the same in every environment, and the app does not
 * start without it, so it is here too rather than a step of every account's set-up.
 */
public final class AppSettings extends ComponentResource {
    public static final String TYPE = "ee:platform:AppSettings";
    /** The deployed settings module of the app (its CI uses the same). */
    public static final String DJANGO_SETTINGS_MODULE = "every_election.settings.deploy";

    public AppSettings(String name, String environment, String region, String accountId, String fqdn,
                       ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        values(environment, region, accountId, fqdn).forEach((variable, value) ->
                new Parameter(name + "-" + variable, ParameterArgs.builder()
                        .name(Application.PARAMETER_PREFIX + variable)
                        .type("String")
                        .description(variable + " of the app's .env (written by the " + environment + " stack)")
                        .value(value)
                        .build(), child));
        registerOutputs(Map.of());
    }

    /**
     * Variable to value, sorted. The event bus is the account's default bus, which the app sends
     * its events to (events:PutEvents).
     */
    public static Map<String, String> values(String environment, String region, String accountId, String fqdn) {
        return new TreeMap<>(Map.of(
                "DC_ENVIRONMENT", environment,
                "DC_EVENTBUS_ARN", "arn:aws:events:" + region + ":" + accountId + ":event-bus/default",
                "DJANGO_SETTINGS_MODULE", DJANGO_SETTINGS_MODULE,
                "FQDN", fqdn));
    }
}
