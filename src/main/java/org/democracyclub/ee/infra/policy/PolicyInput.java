package org.democracyclub.ee.infra.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.democracyclub.ee.infra.settings.Environment;

/**
 * Everything the rules look at for one stack.
 *
 * @param environment  {@code development}, {@code staging} or {@code production}
 * @param resources    every resource the program declared, in declaration order, providers included
 * @param outputs      the stack outputs
 * @param config       the stack file's config entries
 * @param suppressions the suppressions the program registered next to its resources
 */
public record PolicyInput(String environment, List<DeclaredResource> resources, List<StackOutput> outputs,
                          List<ConfigEntry> config, List<Suppression> suppressions) {


    public PolicyInput {
        Objects.requireNonNull(environment, "environment");
        if (!Environment.stackNames().contains(environment)) {
            throw new IllegalArgumentException(
                    "environment must be one of development, staging, production; got '" + environment + "'");
        }
        resources = List.copyOf(resources);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        config = config == null ? List.of() : List.copyOf(config);
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
    }

    public PolicyInput(String environment, List<DeclaredResource> resources, List<StackOutput> outputs,
                       List<ConfigEntry> config) {
        this(environment, resources, outputs, config, List.of());
    }

    public PolicyInput withSuppressions(List<Suppression> newSuppressions) {
        return new PolicyInput(environment, resources, outputs, config, newSuppressions);
    }

    public boolean isProduction() {
        return environment.equals("production");
    }

    public List<DeclaredResource> ofType(String typeToken) {
        return resources.stream().filter(r -> r.is(typeToken)).toList();
    }

    /** The resource the mock gave this ID, if the program declared it. */
    public Optional<DeclaredResource> byId(String id) {
        return resources.stream().filter(r -> id != null && id.equals(r.id())).findFirst();
    }
}
