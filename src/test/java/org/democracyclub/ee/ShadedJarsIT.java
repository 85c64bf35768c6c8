package org.democracyclub.ee;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jars as built: every class this project's code in a jar refers to is in that jar or in the
 * JDK. This checks the shade filters themselves (pom.xml), the way {@code jdeps --missing-deps
 * -include 'org\.democracyclub\..*' target/ee-deployer.jar} does, in a fraction of its time
 * (jdeps parses every library class of the jar; this reads only ours and the jar's entry names).
 * {@code DeployerBoundaryTest} gives the deployer's answer earlier, from the compiled classes.
 */
class ShadedJarsIT {
    /**
     * ee-infra.jar keeps only the pulumi-aws services the program uses (pom.xml, the filter of
     * {@code com.pulumi:aws}): the JDK's own {@code jdeps} finds no class that a kept pulumi-aws
     * class refers to and the jar lacks (what our own classes use, the test below checks). It
     * names the missing class: add {@code com/pulumi/aws/<service>/**} to that filter.
     */
    @Test
    void thePulumiAwsServicesTheJarKeepsAreComplete() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--multi-release", "17",
                "--missing-deps", "-include", "com\\.pulumi\\.aws\\..*",
                "target/ee-infra.jar");
        assertThat(status).as("jdeps exit status; it printed:%n%s", out).isZero();
        assertThat(out.toString()).as("jdeps --missing-deps over target/ee-infra.jar: missing classes; "
                + "add com/pulumi/aws/<service>/** to the com.pulumi:aws filter of the ee-infra shade "
                + "execution in pom.xml").isBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"target/ee-deployer.jar", "target/ee-infra.jar"})
    void everyClassOurCodeUsesIsInTheJarOrTheJdk(String jar) throws IOException {
        Path path = Path.of(jar);
        assertThat(path).as("built by mvn package").isRegularFile();
        Set<String> inJar;
        try (JarFile file = new JarFile(path.toFile())) {
            inJar = file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.replaceFirst("^META-INF/versions/\\d+/", ""))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toSet());
        }
        Set<String> missing = new TreeSet<>();
        // Only our entries: importing the whole jar would read every library class.
        URL ours = new URL("jar:" + path.toAbsolutePath().toUri() + "!/org/democracyclub/");
        for (JavaClass ourClass : new ClassFileImporter().importUrl(ours)) {
            for (Dependency dependency : ourClass.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (!target.isPrimitive() && !inJar.contains(target.getName()) && !inJdk(target.getName())) {
                    missing.add(ourClass.getName() + " -> " + target.getName());
                }
            }
        }
        assertThat(inJar).as("classes in %s", jar).anyMatch(name -> name.startsWith("org.democracyclub.ee."));
        assertThat(missing).as("classes of ours in %s that use a class it lacks", jar).isEmpty();
    }

    private static boolean inJdk(String className) {
        return ClassLoader.getPlatformClassLoader().getResource(className.replace('.', '/') + ".class") != null;
    }
}
