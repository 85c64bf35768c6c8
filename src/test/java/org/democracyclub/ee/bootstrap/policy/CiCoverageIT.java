package org.democracyclub.ee.bootstrap.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.democracyclub.ee.bootstrap.policy.IamEvaluator.Request;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.names.StackTags;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.preview.OfflineStack;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The CI deploy role allows every AWS call that {@code pulumi up} of each stack makes through the
 * provider, and that the deployer and the pipeline make: each declared resource's ARN is built
 * from its inputs, each action the provider calls for its type (ci-coverage/provider-actions.yaml)
 * is asked of the project's IAM evaluator over the real CI policies, with the request context the
 * call carries, and every denial is listed by type, name, action and ARN.
 */
class CiCoverageIT {
    private static final String ACCOUNT = Fixture.builtIn().accountId();
    private static final String REGION = "eu-west-2";
    private static final PolicyScope SCOPE = new PolicyScope(ACCOUNT, REGION, "dc-ee-pulumi-state-staging",
            "arn:aws:kms:eu-west-2:" + ACCOUNT + ":key/0d6f5b5e-1111-4222-8333-944455556666");
    private static final IamEvaluator CI = new IamEvaluator(CiDeployPolicy.documents(SCOPE).values());
    private static final String BOUNDARY = Names.permissionsBoundaryArn(ACCOUNT);
    /** A Pulumi autoname suffix, for resources declared without a name. */
    private static final String AUTONAME = "-1a2b3c4";
    private static final List<String> PHASES = List.of("create", "read", "update", "delete");
    private static final Pattern VARIABLE = Pattern.compile("<([a-zA-Z.]+)>");
    private static final Map<String, Map<String, Object>> TYPES = load("types");

    @SuppressWarnings("unchecked")
    private static <T> T load(String key) {
        try (InputStream in = CiCoverageIT.class.getResourceAsStream("/ci-coverage/provider-actions.yaml")) {
            Map<String, Object> all = new Yaml().load(in);
            return (T) all.get(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void pulumiUpOfEachStackIsAllowed(String stack) {
        assertNoneDenied(denials(stack, Stacks.run(stack)));
    }

    private static void assertNoneDenied(List<String> denied) {
        assertThat(denied).as("calls of pulumi up the CI deploy role denies").isEmpty();
    }

    /** development and staging with a golden-image source: the cross-account distribution role. */
    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void pulumiUpOfALaunchAccountIsAllowed(String stack) {
        OfflineRun run = OfflineStack.run("every-election",
                Stacks.settings(stack).withGoldenImageSourceAccountId("999999999999"), Fixture.builtIn());
        assertThat(run.errors()).isEmpty();
        assertThat(run.ofType("aws:iam/role:Role")).anySatisfy(
                role -> assertThat(role.name()).isEqualTo("EC2ImageBuilderDistributionCrossAccountRole"));
        assertNoneDenied(denials(stack, run));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeployerAndThePipelineAreAllowed() {
        List<String> denied = new ArrayList<>();
        for (Map<String, Object> call : (List<Map<String, Object>>) load("calls")) {
            String arn = call.get("arn").toString().replace("<account>", ACCOUNT).replace("<region>", REGION);
            String action = call.get("action").toString();
            Request request = Request.of(action, arn);
            // A call on a resource the bootstrap made carries that resource's tags.
            if (call.get("resourceTags") instanceof Map<?, ?> tags) {
                for (var tag : new java.util.TreeMap<>(tags).entrySet()) {
                    request = request.with("aws:ResourceTag/" + tag.getKey(), tag.getValue().toString());
                }
            }
            if (!CI.allows(request)) {
                denied.add(call.get("who") + ": " + action + " on " + arn);
            }
        }
        assertThat(denied).isEmpty();
    }

    /** The evaluation is not vacuous: a call outside what the program manages is denied. */
    @Test
    void aCallOnSomethingElseIsDenied() {
        assertThat(CI.allows(Request.of("s3:PutBucketPolicy", "arn:aws:s3:::someone-elses-bucket"))).isFalse();
        assertThat(CI.allows(Request.of("ssm:PutParameter",
                "arn:aws:ssm:eu-west-2:" + ACCOUNT + ":parameter/ee/app/SECRET_KEY"))).isFalse();
        assertThat(CI.allows(Request.of("iam:CreateRole", "arn:aws:iam::" + ACCOUNT + ":role/ee-x"))).isFalse();
    }

    private static List<String> denials(String stack, OfflineRun run) {
        List<String> denied = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (DeclaredResource resource : run.resources()) {
            if (!resource.type().startsWith("aws:") || resource.type().startsWith("aws:index/")) {
                continue;
            }
            Map<String, Object> entry = TYPES.get(resource.type());
            if (entry == null) {
                unknown.add(resource.type());
                continue;
            }
            denied.addAll(check(stack, run, resource, entry));
        }
        assertThat(unknown).as("resource types the stack declares that provider-actions.yaml lacks").isEmpty();
        return denied;
    }

    @SuppressWarnings("unchecked")
    private static List<String> check(String stack, OfflineRun run, DeclaredResource resource,
                                      Map<String, Object> entry) {
        Resolver resolve = new Resolver(stack, run, resource);
        String own = resolve.apply(entry.get("arn").toString());
        Map<String, String> extra = new LinkedHashMap<>();
        ((Map<String, Object>) entry.getOrDefault("context", Map.of()))
                .forEach((key, value) -> extra.put(key, resolve.apply(value.toString())));
        List<String> denied = new ArrayList<>();
        List<String> protectedNames = load("protected");
        for (String phase : PHASES) {
            if (phase.equals("delete") && protectedNames.contains(resource.name())) {
                continue;
            }
            List<Object> items = (List<Object>) entry.getOrDefault(phase, List.of());
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                String[] parts = item.toString().split(" on ", 2);
                String action = parts[0].trim();
                String arn = parts.length > 1 ? resolve.apply(parts[1].trim()) : own;
                boolean newResource = phase.equals("create") && (i == 0 || arn.contains("*"));
                Request request = contextFor(stack, newResource, Request.of(action, arn), extra);
                if (!CI.allows(request)) {
                    denied.add(describe(resource, phase, action, arn));
                }
            }
            // Tag-on-create of EC2 resources: ec2:CreateTags with ec2:CreateAction (EC2 user guide,
            // "Grant permission to tag resources during creation").
            if (phase.equals("create") && entry.containsKey("tagOnCreate")) {
                Request tag = contextFor(stack, true, Request.of("ec2:CreateTags", own), extra)
                        .with("ec2:CreateAction", entry.get("tagOnCreate").toString());
                if (!CI.allows(tag)) {
                    denied.add(describe(resource, phase, "ec2:CreateTags", own));
                }
            }
        }
        if (entry.get("passRole") instanceof Map<?, ?> pass) {
            String role = resolve.roleName(pass.get("role").toString());
            if (role != null) {
                String arn = "arn:aws:iam::" + ACCOUNT + ":role/" + role;
                Request request = Request.of("iam:PassRole", arn);
                if (pass.get("service") != null) {
                    request = request.with("iam:PassedToService", pass.get("service").toString());
                }
                if (!CI.allows(request)) {
                    denied.add(describe(resource, "create", "iam:PassRole", arn));
                }
            }
        }
        return denied;
    }

    /**
     * The context keys a call carries (assumed, see provider-actions.yaml): the provider's default
     * tags as request tags on every call, as resource tags except on the resource being created.
     */
    private static Request contextFor(String stack, boolean newResource, Request request, Map<String, String> extra) {
        Request out = request
                .with("aws:RequestTag/" + StackTags.PRODUCT_KEY, StackTags.PRODUCT)
                .with("aws:RequestTag/" + StackTags.ENVIRONMENT_KEY, stack)
                .with("aws:TagKeys", StackTags.PRODUCT_KEY, StackTags.ENVIRONMENT_KEY);
        if (!newResource) {
            out = out.with("aws:ResourceTag/" + StackTags.PRODUCT_KEY, StackTags.PRODUCT)
                    .with("aws:ResourceTag/" + StackTags.ENVIRONMENT_KEY, stack);
        }
        for (Map.Entry<String, String> key : extra.entrySet()) {
            out = out.with(key.getKey(), key.getValue());
        }
        return out;
    }

    private static String describe(DeclaredResource resource, String phase, String action, String arn) {
        return resource.type() + " " + resource.name() + " (" + phase + "): " + action + " on " + arn;
    }

    /** Fills in the template variables of provider-actions.yaml from one declared resource. */
    private record Resolver(String stack, OfflineRun run, DeclaredResource resource) {
        String apply(String template) {
            Matcher m = VARIABLE.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String value(String variable) {
            return switch (variable) {
                case "region" -> region();
                case "account" -> ACCOUNT;
                case "env" -> stack;
                case "boundary" -> BOUNDARY;
                case "name" -> name();
                case "role" -> roleName("in.role");
                case "dnsName" -> {
                    String name = String.valueOf(resource.inputs().get("name")).toLowerCase(java.util.Locale.ROOT);
                    yield name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
                }
                default -> {
                    if (!variable.startsWith("in.")) {
                        throw new IllegalArgumentException("provider-actions.yaml: unknown variable <" + variable + ">");
                    }
                    Object value = resource.at(variable.substring(3));
                    if (value == null) {
                        throw new AssertionError(resource.type() + " " + resource.name() + " declares no "
                                + variable.substring(3) + " (provider-actions.yaml)");
                    }
                    yield value.toString();
                }
            };
        }

        /** The us-east-1 provider carries its region in its name (infra's SiteCertificates). */
        private String region() {
            return resource.provider() != null && resource.provider().contains("us-east-1") ? "us-east-1" : REGION;
        }

        private String name() {
            Object name = resource.inputs().get("name");
            return name != null ? name.toString() : resource.name() + AUTONAME;
        }

        /**
         * A role named by an input: an ARN, a role name, or the mock ID {@code <logical>-id} of a
         * declared role (resolved to that role's name); {@code name:X} is a role's logical name.
         */
        String roleName(String reference) {
            String value;
            if (reference.startsWith("name:")) {
                value = reference.substring(5) + "-id";
            } else {
                Object input = resource.at(reference.substring(3));
                if (input == null) {
                    return null;
                }
                value = input.toString();
            }
            if (value.contains(":role/")) {
                return value.substring(value.indexOf(":role/") + 6);
            }
            String logical = value.endsWith("-id") ? value.substring(0, value.length() - 3) : value;
            return run.ofType("aws:iam/role:Role").stream().filter(r -> r.name().equals(logical))
                    .map(r -> String.valueOf(r.inputs().getOrDefault("name", r.name() + AUTONAME)))
                    .findFirst().orElse(value);
        }
    }
}
