package org.democracyclub.ee;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two tiers, told apart by name so Maven runs each in its phase: {@code *Test} (Surefire, the
 * {@code test} phase) is plain Java; {@code *IT} (Failsafe, {@code integration-test}, after the
 * jars are built) runs Pulumi's mock engine, a child process, or HTTP to the local fake of AWS.
 * A test class belongs to the integration tier when anything it uses, directly or through this
 * project's classes, uses one of the {@link #INTEGRATION} classes; the rule names the path, so a
 * test added on another branch is caught after the merge.
 */
@AnalyzeClasses(packages = "org.democracyclub.ee")
class IntegrationTierTest {
    /** Using any of these makes a test an integration test. */
    static final Set<String> INTEGRATION = Set.of(
            "com.pulumi.test.PulumiTest",          // Pulumi's mock engine (OfflineRun, the mocks)
            "java.lang.ProcessBuilder",            // hooks, the jars, shellcheck as child processes
            "com.sun.net.httpserver.HttpServer");  // the local fake of the AWS APIs (deployer/fake)
    private static final String OURS = "org.democracyclub.ee.";

    @ArchTest
    static final ArchRule integrationTestsAreNamedIt = classes().that(areTestClasses())
            .should(beNamedForTheirTier());

    private static DescribedPredicate<JavaClass> areTestClasses() {
        // *Harness: run on demand with -Dtest (JarAgainstFakeHarness), in neither tier.
        return DescribedPredicate.describe("are test classes", c -> !c.isNestedClass() && isTestSource(c)
                && !c.getSimpleName().endsWith("Harness") && (c.getMethods().stream()
                .anyMatch(m -> m.getAnnotations().stream().anyMatch(a -> a.getRawType().getPackageName()
                        .startsWith("org.junit.jupiter")) || m.isAnnotatedWith("com.tngtech.archunit.junit.ArchTest"))
                || c.getFields().stream().anyMatch(f -> f.isAnnotatedWith("com.tngtech.archunit.junit.ArchTest"))));
    }

    private static boolean isTestSource(JavaClass c) {
        return c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false);
    }

    private static ArchCondition<JavaClass> beNamedForTheirTier() {
        return new ArchCondition<>("be named *IT when they reach " + INTEGRATION + ", *Test or *IT otherwise") {
            @Override
            public void check(JavaClass test, ConditionEvents events) {
                Optional<List<String>> path = pathToIntegration(test);
                String name = test.getSimpleName();
                if (path.isPresent() && !name.endsWith("IT")) {
                    events.add(SimpleConditionEvent.violated(test, test.getName()
                            + " is an integration test (it reaches " + String.join(" -> ", path.get())
                            + "): rename it to *IT so Failsafe runs it"));
                } else if (!name.endsWith("Test") && !name.endsWith("IT")) {
                    // *IT without a path above is allowed: a test of the built jars (ShadedJarsIT).
                    events.add(SimpleConditionEvent.violated(test, test.getName()
                            + " is named neither *Test nor *IT, so neither Surefire nor Failsafe runs it"));
                }
            }
        };
    }

    /** A shortest path of dependencies from the test to an integration class, through our classes. */
    static Optional<List<String>> pathToIntegration(JavaClass start) {
        Map<JavaClass, JavaClass> cameFrom = new HashMap<>();
        Deque<JavaClass> queue = new ArrayDeque<>(List.of(start));
        cameFrom.put(start, start);
        while (!queue.isEmpty()) {
            JavaClass current = queue.removeFirst();
            for (Dependency dependency : current.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (INTEGRATION.contains(target.getName())) {
                    List<String> path = new java.util.ArrayList<>(List.of(target.getSimpleName()));
                    for (JavaClass c = current; ; c = cameFrom.get(c)) {
                        path.add(0, c.getSimpleName());
                        if (c == start) {
                            return Optional.of(path);
                        }
                    }
                }
                if (target.getName().startsWith(OURS) && !cameFrom.containsKey(target)) {
                    cameFrom.put(target, current);
                    queue.addLast(target);
                }
            }
        }
        return Optional.empty();
    }
}
