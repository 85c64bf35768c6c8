package org.democracyclub.ee.infra.preview;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.internal.PulumiTestInternal;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.policy.PulumiOutputs;
import org.democracyclub.ee.infra.policy.StackOutput;
import org.democracyclub.ee.infra.policy.Suppression;
import org.democracyclub.ee.infra.policy.Suppressions;

/**
 * Runs a Pulumi program under Pulumi's mock engine with a {@link Fixture}, and returns what it
 * declared: each resource with its parent and resolved inputs, and the stack outputs. This is
 * the offline preview's engine and the test suite's.
 *
 * @param resources the declared resources, in registration order
 * @param stackOutputs the stack outputs, resolved, with whether each is a Pulumi secret
 * @param errors    errors the program raised (empty when it ran through)
 * @param suppressions the policy exceptions the program registered next to its resources
 * @param computed  what the mock engine computed for each resource (ARN, DNS name...), by {@code type::name}
 */
public record OfflineRun(List<DeclaredResource> resources, List<StackOutput> stackOutputs, List<String> errors, List<Suppression> suppressions, Map<String, Map<String, Object>> computed) {

    /** Runs {@code program} for the project {@code project}, stack {@code stack}. */
    public static OfflineRun of(String project, String stack, String region, Fixture fixture,
                                BiConsumer<com.pulumi.Context, Suppressions> program) {
        var suppressions = new Suppressions();
        var mocks = new FixtureMocks(fixture, region);
        Map<String, com.pulumi.resources.ResourceOptions> options = new ConcurrentHashMap<>();
        List<String> declarationOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        // Transformations see every resource with its options: the parent, ignoreChanges...
        ResourceTransformation recordOptions = args -> {
            options.put(key(args.resource()), args.options());
            declarationOrder.add(key(args.resource()));
            return java.util.Optional.empty();
        };
        var testOptions = TestOptions.builder().projectName(project).stackName(stack).preview(false)
                .resourceTransformations(List.of(recordOptions)).build();
        TestResult result;
        try {
            // PulumiTest.withMocks(mocks).withOptions(testOptions), with the SDK's runner replaced
            // by one that waits instead of spinning (WaitingRunner); DeploymentImpl::new is the
            // builder's own factory (pulumi-java 1.36.1, read with javap).
            result = PulumiTestInternal.builder().mocks(mocks).options(testOptions)
                    .deploymentFactory(state -> {
                        state.runner = new WaitingRunner(state.logger);
                        return new DeploymentImpl(state);
                    })
                    .build().runTest(ctx -> program.accept(ctx, suppressions));
        } finally {
            PulumiTest.cleanup();
        }
        List<String> errors = new ArrayList<>(result.errors());
        result.exceptions().forEach(e -> errors.add(rootMessage(e)));

        List<DeclaredResource> resources = new ArrayList<>();
        for (Resource resource : result.resources()) {
            String type = resource.pulumiResourceType();
            if (type.equals("pulumi:pulumi:Stack")) {
                continue;
            }
            String name = resource.pulumiResourceName();
            var args = mocks.registered().stream()
                    .filter(a -> a.type.equals(type) && a.name.equals(name)).findFirst();
            var resourceOptions = options.get(type + "::" + name);
            Resource parent = resourceOptions == null ? null : resourceOptions.getParent().orElse(null);
            var placement = new DeclaredResource.Placement(
                    parent == null ? null : parent.pulumiResourceName(),
                    parent == null ? null : parent.pulumiResourceType(),
                    resourceOptions == null ? List.of() : List.copyOf(resourceOptions.getIgnoreChanges()),
                    resourceOptions != null && resourceOptions.isRetainOnDelete());
            resources.add(new DeclaredResource(type, name,
                    FixtureMocks.isComponent(type) ? null : args.map(FixtureMocks::idOf).orElse(name + FixtureMocks.ID_SUFFIX),
                    args.map(a -> a.inputs).orElse(Map.of()), args.map(a -> a.provider).orElse(null), placement));
        }
        // Declaration order (transformations run in each resource's constructor): stable from run
        // to run, unlike the order in which the engine registers resources.
        List<String> order = List.copyOf(declarationOrder);
        resources.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r.type() + "::" + r.name())));
        return new OfflineRun(List.copyOf(resources), PulumiOutputs.of(result.outputs()), List.copyOf(errors),
                List.copyOf(suppressions.all()), computedAttributes(resources, mocks));
    }

    private static Map<String, Map<String, Object>> computedAttributes(List<DeclaredResource> resources,
                                                                       FixtureMocks mocks) {
        Map<String, Map<String, Object>> computed = new LinkedHashMap<>();
        resources.forEach(r -> computed.put(r.type() + "::" + r.name(), mocks.computedAttributes(r.type(), r.name())));
        return Map.copyOf(computed);
    }

    /** What the engine computed for {@code resource}. */
    public Map<String, Object> computedFor(DeclaredResource resource) {
        return computed.getOrDefault(resource.type() + "::" + resource.name(), Map.of());
    }

    private static String key(Resource resource) {
        return resource.pulumiResourceType() + "::" + resource.pulumiResourceName();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** The stack outputs' values by name. */
    public Map<String, Object> outputs() {
        Map<String, Object> values = new LinkedHashMap<>();
        stackOutputs.forEach(output -> values.put(output.name(), output.value()));
        return values;
    }

    /** The names of the outputs that are Pulumi secrets. */
    public List<String> secretOutputs() {
        return stackOutputs.stream().filter(StackOutput::secret).map(StackOutput::name).toList();
    }

    /** The resources of one type. */
    public List<DeclaredResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The one resource with this type and name. */
    public DeclaredResource get(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " was declared"));
    }
}
