package org.democracyclub.ee;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * {@code ee-deployer.jar} holds {@code deployer/} and {@code common/} and only the libraries its
 * shade execution includes (pom.xml, execution {@code ee-deployer}, {@code artifactSet/includes}).
 * A Pulumi or Jackson import there compiles and passes every test, because the test class path
 * has every dependency, and fails with {@code NoClassDefFoundError} during a deploy. This rule
 * reads the compiled classes; {@code ShadedJarsIT} reads the built jars with {@code jdeps}.
 */
@AnalyzeClasses(packages = "org.democracyclub.ee", importOptions = ImportOption.DoNotIncludeTests.class)
class DeployerBoundaryTest {
    /**
     * Packages of the classes shaded into ee-deployer.jar, one per {@code <include>} of its
     * artifact set: the project's own two packages, the AWS SDK (software.amazon.awssdk:* and
     * eventstream), reactive-streams, slf4j-api, picocli, snakeyaml; plus the JDK.
     */
    static final String[] SHADED = {
            "org.democracyclub.ee.deployer..", "org.democracyclub.ee.common..",
            "software.amazon.awssdk..", "software.amazon.eventstream..", "org.reactivestreams..",
            "org.slf4j..", "picocli..", "org.yaml.snakeyaml..",
            "java..", "javax.."};

    @ArchTest
    static final ArchRule deployerJarCodeUsesOnlyWhatTheJarShades = classes()
            .that().resideInAnyPackage("org.democracyclub.ee.deployer..", "org.democracyclub.ee.common..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(SHADED)
            .because("ee-deployer.jar ships only these (pom.xml, shade execution ee-deployer); anything else "
                    + "is a NoClassDefFoundError during a deploy");
}
