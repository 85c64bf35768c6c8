package org.democracyclub.ee.bootstrap.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.democracyclub.ee.infra.iam.Wildcard;

/**
 * The Service Authorization Reference as data ({@code src/test/resources/sar/sar.json}, see its
 * README): which actions exist, which resource types each can be scoped to, which condition keys
 * each knows.
 */
final class Sar {
    /** One action: its access level, resource types ({@code ?} = optional; none = "*" only), condition keys. */
    record Action(String service, String name, String access, List<String> resourceTypes, List<String> conditions) {
        String qualified() {
            return service + ":" + name;
        }

        boolean onlyStar() {
            return resourceTypes.isEmpty();
        }

        boolean readsOnly() {
            return access.equals("Read") || access.equals("List");
        }
    }

    static final Sar DATA = load();

    private final JsonNode services;
    private final String version;

    private Sar(JsonNode root) {
        this.services = root.get("services");
        this.version = root.at("/source/version").asText();
    }

    private static Sar load() {
        try (InputStream in = Sar.class.getResourceAsStream("/sar/sar.json")) {
            return new Sar(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return version;
    }

    boolean hasService(String service) {
        return services.has(service);
    }

    /** The actions an action pattern of a policy names (IAM matches actions case-insensitively). */
    List<Action> expand(String pattern) {
        String service = pattern.substring(0, pattern.indexOf(':'));
        List<Action> matched = new ArrayList<>();
        if (!services.has(service)) {
            return matched;
        }
        String name = pattern.substring(pattern.indexOf(':') + 1);
        services.get(service).get("actions").fields().forEachRemaining(entry -> {
            if (Wildcard.matches(name, entry.getKey(), true)) {
                matched.add(action(service, entry.getKey(), entry.getValue()));
            }
        });
        return matched;
    }

    Optional<Action> action(String qualified) {
        List<Action> exact = expand(qualified.replace("*", "").replace("?", ""));
        return exact.stream().filter(a -> a.qualified().equalsIgnoreCase(qualified)).findFirst();
    }

    /**
     * Actions Elastic Load Balancing v1 (Classic) and v2 both have. The two share the prefix, and
     * the package keeps one entry per name, the Classic one ({@code loadbalancer/${LoadBalancerName}});
     * the v2 action is scoped to v2 resource types, which the data lists under the same service.
     */
    static final java.util.Set<String> ELB_CLASSIC_AND_V2 = java.util.Set.of("CreateLoadBalancer",
            "DeleteLoadBalancer", "ModifyLoadBalancerAttributes", "AddTags", "RemoveTags", "SetSecurityGroups",
            "SetSubnets", "DescribeLoadBalancers", "DescribeTags", "DescribeLoadBalancerAttributes");

    /** The ARN template of each resource type the action supports, by type. */
    Map<String, String> arnTemplates(Action action) {
        Map<String, String> templates = new TreeMap<>();
        JsonNode types = services.get(action.service()).get("resourceTypes");
        if (action.service().equals("elasticloadbalancing") && ELB_CLASSIC_AND_V2.contains(action.name())
                && !action.onlyStar()) {
            types.fields().forEachRemaining(type -> templates.put(type.getKey(), type.getValue().get("arn").asText()));
            return templates;
        }
        for (String type : action.resourceTypes()) {
            String key = type.endsWith("?") ? type.substring(0, type.length() - 1) : type;
            templates.put(key, types.get(key).get("arn").asText());
        }
        return templates;
    }

    /** Condition keys of the action and of its resource types (templates such as {@code aws:ResourceTag/${TagKey}}). */
    List<String> conditionKeys(Action action) {
        List<String> keys = new ArrayList<>(action.conditions());
        JsonNode types = services.get(action.service()).get("resourceTypes");
        for (String type : action.resourceTypes()) {
            String key = type.endsWith("?") ? type.substring(0, type.length() - 1) : type;
            types.get(key).get("conditions").forEach(c -> keys.add(c.asText()));
        }
        return keys;
    }

    private static Action action(String service, String name, JsonNode node) {
        List<String> types = new ArrayList<>();
        node.get("resources").forEach(t -> types.add(t.asText()));
        List<String> conditions = new ArrayList<>();
        node.get("conditions").forEach(c -> conditions.add(c.asText()));
        return new Action(service, name, node.get("access").asText(), types, conditions);
    }

    /** Whether a condition key template ({@code aws:ResourceTag/${TagKey}}) names the key. */
    static boolean keyMatches(String template, String key) {
        String regex = Pattern.quote(template).replaceAll("\\$\\{[^}]+}", "\\\\E.+\\\\Q");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(key).matches();
    }
}
