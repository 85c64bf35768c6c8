package org.democracyclub.ee.infra.preview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.common.StrictYaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What the account looks like to an offline run: the answers to the program's look-ups. The
 * built-in values live in {@code offline-fixture.yaml} (documented there); a file given with
 * {@code --fixture} overrides them key by key.
 */
public record Fixture(
        String accountId,
        String defaultVpcId,
        List<String> subnetIds,
        Map<String, String> ssmParameters,
        String hostedZoneId,
        String cloudFrontPrefixListId,
        List<AutoScalingGroup> autoScalingGroups,
        String deploymentGroupFleet,
        List<String> kmsAliases) {

    /**
     * One Auto Scaling group of the region. Its tags are shown for realism only: the program
     * decides who owns the fleet from the groups' names (docs/adr/0001), never from a tag.
     */
    public record AutoScalingGroup(String name, Map<String, String> tags) {
        public AutoScalingGroup {
            tags = Map.copyOf(tags);
        }
    }

    public Fixture {
        autoScalingGroups = List.copyOf(autoScalingGroups);
        kmsAliases = List.copyOf(kmsAliases);
        if (deploymentGroupFleet != null && autoScalingGroups.stream().noneMatch(g -> g.name().equals(deploymentGroupFleet))) {
            throw new IllegalArgumentException("fixture: deploymentGroupFleet '" + deploymentGroupFleet
                    + "' is not one of autoScalingGroups " + autoScalingGroups.stream().map(AutoScalingGroup::name).toList()
                    + "; the deployment group can only name a group that exists");
        }
    }

    static final String BUILT_IN = "/offline-fixture.yaml";

    public static Fixture builtIn() {
        return from(loadBuiltIn());
    }

    /** The built-in fixture with the keys of {@code file} replacing its own. */
    public static Fixture withOverrides(Path file) {
        Map<String, Object> values = loadBuiltIn();
        Map<String, Object> overrides;
        try {
            overrides = asMap(StrictYaml.load(Files.readString(file)), file.toString());
        } catch (IOException | YAMLException e) {
            throw new IllegalArgumentException("fixture " + file + ": cannot be read as YAML: " + e.getMessage(), e);
        }
        for (var entry : overrides.entrySet()) {
            if (!values.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("fixture " + file + ": unknown key '" + entry.getKey()
                        + "'; allowed: " + String.join(", ", values.keySet()));
            }
            if (entry.getKey().equals("ssmParameters")) {
                Map<String, Object> merged = new LinkedHashMap<>(asMap(values.get("ssmParameters"), BUILT_IN));
                merged.putAll(asMap(entry.getValue(), file.toString()));
                values.put("ssmParameters", merged);
            } else {
                values.put(entry.getKey(), entry.getValue());
            }
        }
        return from(values);
    }

    /** The same account with these Auto Scaling groups (untagged), the deployment group naming none in particular. */
    public Fixture withFleets(List<String> names) {
        return withAutoScalingGroups(names, null);
    }

    /**
     * The same account with these Auto Scaling groups (untagged) and the deployment group naming
     * {@code deploymentGroupFleet} ({@code null}: no deployment group yet).
     */
    public Fixture withAutoScalingGroups(List<String> names, String deploymentGroupFleet) {
        return new Fixture(accountId, defaultVpcId, subnetIds, ssmParameters, hostedZoneId, cloudFrontPrefixListId,
                names.stream().map(n -> new AutoScalingGroup(n, Map.of())).toList(), deploymentGroupFleet, kmsAliases);
    }

    /** The names of every Auto Scaling group, what {@code aws:autoscaling/getAmiIds} lists without a filter. */
    public List<String> autoScalingGroupNames() {
        return autoScalingGroups.stream().map(AutoScalingGroup::name).sorted().toList();
    }

    /** The same account with one SSM parameter set to {@code value}. */
    public Fixture withParameter(String name, String value) {
        Map<String, String> parameters = new LinkedHashMap<>(ssmParameters);
        parameters.put(name, value);
        return new Fixture(accountId, defaultVpcId, subnetIds, Map.copyOf(parameters), hostedZoneId,
                cloudFrontPrefixListId, autoScalingGroups, deploymentGroupFleet, kmsAliases);
    }

    /** The same account with these KMS aliases (e.g. none: the bootstrap has not created the image key). */
    public Fixture withKmsAliases(List<String> aliases) {
        return new Fixture(accountId, defaultVpcId, subnetIds, ssmParameters, hostedZoneId, cloudFrontPrefixListId,
                autoScalingGroups, deploymentGroupFleet, aliases);
    }

    private static Map<String, Object> loadBuiltIn() {
        try (InputStream in = Fixture.class.getResourceAsStream(BUILT_IN)) {
            return new LinkedHashMap<>(asMap(StrictYaml.load(in), BUILT_IN));
        } catch (IOException e) {
            throw new IllegalStateException("the built-in fixture is part of the jar", e);
        }
    }

    private static Fixture from(Map<String, Object> v) {
        Map<String, String> parameters = new LinkedHashMap<>();
        asMap(v.get("ssmParameters"), "ssmParameters").forEach((k, value) -> parameters.put(k, String.valueOf(value)));
        return new Fixture(String.valueOf(v.get("accountId")), String.valueOf(v.get("defaultVpcId")),
                strings(v.get("subnetIds")), Map.copyOf(parameters), String.valueOf(v.get("hostedZoneId")),
                String.valueOf(v.get("cloudFrontPrefixListId")), autoScalingGroups(v.get("autoScalingGroups")),
                v.get("deploymentGroupFleet") == null ? null : String.valueOf(v.get("deploymentGroupFleet")),
                strings(v.get("kmsAliases")));
    }

    private static List<AutoScalingGroup> autoScalingGroups(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("fixture autoScalingGroups: expected a list of {name: ..., tags: {...}}");
        }
        return list.stream().map(item -> {
            Map<String, Object> group = asMap(item, "autoScalingGroups");
            if (group.get("name") == null) {
                throw new IllegalArgumentException("fixture autoScalingGroups: every group needs a name, got " + group);
            }
            Map<String, String> tags = new LinkedHashMap<>();
            if (group.get("tags") != null) {
                asMap(group.get("tags"), "autoScalingGroups.tags").forEach((k, t) -> tags.put(k, String.valueOf(t)));
            }
            return new AutoScalingGroup(String.valueOf(group.get("name")), tags);
        }).toList();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("fixture " + where + ": expected a mapping of key: value");
    }
}
