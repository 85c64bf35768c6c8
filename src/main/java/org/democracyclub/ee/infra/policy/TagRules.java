package org.democracyclub.ee.infra.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.democracyclub.ee.infra.names.StackTags;
import org.democracyclub.ee.infra.settings.Json;

/**
 * Cost allocation and ownership: every taggable resource says which product and environment it
 * belongs to (the tags the current system's resources carry). The program applies the tags once, through the provider's
 * {@code defaultTags}; a resource counts as tagged if its own tags or its provider's default
 * tags carry them, exactly as AWS ends up tagging it ({@code tagsAll}).
 */
public final class TagRules {

    private TagRules() {
    }

    public static List<Rule> all() {
        return List.of(everyResourceTagged(), launchedInstancesTagged(), everyTypeClassified());
    }

    /** EE-TAG-1. */
    static Rule everyResourceTagged() {
        return new BaseRule("EE-TAG-1", Severity.ERROR,
                "Every taggable resource has dc-product and dc-environment, for cost allocation and ownership.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (DeclaredResource r : input.resources()) {
                    Map<String, String> tags;
                    String where;
                    if (TaggableTypes.WITH_DEFAULT_TAGS.contains(r.type())) {
                        tags = new LinkedHashMap<>(providerDefaultTags(input, r));
                        tags.putAll(tagMap(r.at("tags")));
                        where = "tags or the provider's defaultTags";
                    } else if (TaggableTypes.OWN_TAGS_ONLY.contains(r.type())) {
                        tags = tagMap(r.at("tags"));
                        where = "its own tags (provider defaultTags do not reach " + r.type() + ")";
                    } else {
                        continue;
                    }
                    String problem = missing(tags, input.environment());
                    if (problem != null) {
                        findings.add(r, problem + " in " + where,
                                "tag it " + StackTags.PRODUCT_KEY + "=" + StackTags.PRODUCT + ", " + StackTags.ENVIRONMENT_KEY + "="
                                        + input.environment() + " (through the provider's defaultTags where they apply)");
                    }
                }
            }
        };
    }

    /** EE-TAG-2: default tags tag the launch template, not the instances and volumes launched from it. */
    static Rule launchedInstancesTagged() {
        return BaseRule.perResource("EE-TAG-2", Severity.ERROR,
                "Instances and volumes launched from a template carry the tags too (default tags do not reach them).",
                java.util.Set.of(Types.LAUNCH_TEMPLATE), (r, in, out) -> {
                    for (String kind : List.of("instance", "volume")) {
                        Optional<Map<String, Object>> spec = r.objects("tagSpecifications").stream()
                                .filter(s -> kind.equals(Props.string(s, "resourceType").orElse("")))
                                .findFirst();
                        String problem = spec.isEmpty() ? "no tagSpecifications entry"
                                : missing(tagMap(Props.at(spec.get(), "tags")), in.environment());
                        if (problem != null) {
                            out.add(r, "tagSpecifications for " + kind + ": " + problem,
                                    "add tagSpecifications {resourceType: \"" + kind + "\", tags: {" + StackTags.PRODUCT_KEY
                                            + ": " + StackTags.PRODUCT + ", " + StackTags.ENVIRONMENT_KEY + ": " + in.environment() + "}}");
                        }
                    }
                });
    }

    /** EE-TAG-3. */
    static Rule everyTypeClassified() {
        return new BaseRule("EE-TAG-3", Severity.WARNING,
                "Every AWS resource type is known to be taggable or not, so none escapes EE-TAG-1 unnoticed.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (DeclaredResource r : input.resources()) {
                    if (!TaggableTypes.isClassified(r.type())) {
                        findings.add(r, r.type() + " is in none of TaggableTypes' lists, so its tags are not checked",
                                "add the type to TaggableTypes (check its tags/tagsAll in the pulumi-aws registry)");
                    }
                }
            }
        };
    }

    /** What is wrong with a resource's effective tags, or null when they are right. */
    static String missing(Map<String, String> tags, String environment) {
        String product = tags.get(StackTags.PRODUCT_KEY);
        String env = tags.get(StackTags.ENVIRONMENT_KEY);
        if (product == null && env == null) {
            return "no " + StackTags.PRODUCT_KEY + " or " + StackTags.ENVIRONMENT_KEY + " tag";
        }
        if (!StackTags.PRODUCT.equals(product)) {
            return StackTags.PRODUCT_KEY + " is " + (product == null ? "missing" : "'" + product + "'") + ", expected '" + StackTags.PRODUCT + "'";
        }
        if (!environment.equals(env)) {
            return StackTags.ENVIRONMENT_KEY + " is " + (env == null ? "missing" : "'" + env + "'")
                    + ", expected '" + environment + "'";
        }
        return null;
    }

    /**
     * The default tags of the provider a resource uses. The mock engine passes the provider
     * reference as {@code <provider URN>::<provider ID>}, e.g.
     * {@code urn:pulumi:stack::project::pulumi:pulumi:Stack$pulumi:providers:aws::aws-development::aws-development-id}.
     * Without one, the program's provider {@code aws-<env>} (or the stack's only AWS provider) is
     * assumed: the program passes it to every AWS resource.
     */
    static Map<String, String> providerDefaultTags(PolicyInput input, DeclaredResource r) {
        List<DeclaredResource> providers = input.ofType(Types.AWS_PROVIDER);
        Optional<DeclaredResource> provider;
        if (r.provider() != null && !r.provider().isBlank()) {
            String ref = r.provider();
            provider = providers.stream()
                    .filter(p -> (p.id() != null && ref.endsWith("::" + p.id()))
                            || ref.contains(Types.AWS_PROVIDER + "::" + p.name() + "::"))
                    .findFirst();
        } else {
            provider = providers.stream().filter(p -> p.name().equals("aws-" + input.environment())).findFirst()
                    .or(() -> providers.size() == 1 ? Optional.of(providers.get(0)) : Optional.empty());
        }
        // A provider's object inputs reach the engine as JSON text (pulumi-aws marks defaultTags json=true).
        return provider.map(p -> tagMap(Props.at(asObject(p.at("defaultTags")), "tags"))).orElse(Map.of());
    }

    /** Tags as a map, from a {key: value} map or a list of {key, value} (Auto Scaling groups). */
    static Map<String, String> tagMap(Object tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (tags instanceof List<?> list) {
            for (Object element : list) {
                Props.string(element, "key").ifPresent(k -> result.put(k, Props.string(element, "value").orElse(null)));
            }
        }
        return result;
    }

    private static Object asObject(Object value) {
        if (value instanceof String text) {
            try {
                return Json.MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
            } catch (Exception e) {
                return Map.of();
            }
        }
        return value;
    }
}
