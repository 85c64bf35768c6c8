package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.democracyclub.ee.common.AppDefaults;

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

    /**
     * Inputs of {@link AppSettings}; the AWS provider comes in the component's options.
     *
     * @param environment the stack's name ({@code production}): the app's {@code DC_ENVIRONMENT}
     * @param region      the stack's region: where the app's default event bus is
     * @param accountId   the stack's account: the owner of that event bus
     * @param fqdn        the site's domain name (SSM {@code FQDN}, set by hand): the app's {@code FQDN}
     */
    public record Args(String environment, String region, String accountId, String fqdn) {
        public Args {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(fqdn, "fqdn");
        }
    }

    public AppSettings(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        String environment = args.environment();
        values(environment, args.region(), args.accountId(), args.fqdn()).forEach((variable, value) ->
                new Parameter(name + "-" + variable, ParameterArgs.builder()
                        .name(AppDefaults.SSM_PREFIX + variable)
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
