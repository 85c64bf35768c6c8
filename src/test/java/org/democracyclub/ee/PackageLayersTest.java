package org.democracyclub.ee;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages in layers, so a reader sees them top-down and a dependency points one way: entry
 * points (command lines), programs, components, the policy rules, the IAM document builder, names,
 * settings, and what both jars share at the bottom. Each layer may use only the layers below it;
 * within a layer, the packages may not form a cycle. A new package must be given a layer here.
 * {@code scripts/restructure-packages.sh} moved the classes that broke these rules.
 */
@AnalyzeClasses(packages = "org.democracyclub.ee", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayersTest {
    private static final String COMMON = "org.democracyclub.ee.common..";

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.democracyclub.ee.(**)")
            .should().beFreeOfCycles();

    /** ee-infra.jar: the Pulumi programs and their offline preview. */
    @ArchTest
    static final ArchRule infraLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry points").definedBy("org.democracyclub.ee.infra", "org.democracyclub.ee.infra.preview..")
            .layer("Programs").definedBy("org.democracyclub.ee.infra.program..", "org.democracyclub.ee.bootstrap")
            .layer("Components").definedBy("org.democracyclub.ee.infra.platform..", "org.democracyclub.ee.infra.image..",
                    "org.democracyclub.ee.infra.operations..", "org.democracyclub.ee.bootstrap.policy..")
            .layer("Parts").definedBy("org.democracyclub.ee.infra.parts..")
            .layer("Policy rules").definedBy("org.democracyclub.ee.infra.policy..")
            .layer("IAM documents").definedBy("org.democracyclub.ee.infra.iam..")
            .layer("Names").definedBy("org.democracyclub.ee.infra.names..")
            .layer("Settings").definedBy("org.democracyclub.ee.infra.settings..")
            .layer("Common").definedBy(COMMON)
            .whereLayer("Entry points").mayNotBeAccessedByAnyLayer()
            .whereLayer("Programs").mayOnlyBeAccessedByLayers("Entry points")
            .whereLayer("Components").mayOnlyBeAccessedByLayers("Entry points", "Programs")
            .whereLayer("Parts").mayOnlyBeAccessedByLayers("Entry points", "Programs", "Components")
            .whereLayer("Policy rules").mayOnlyBeAccessedByLayers("Entry points", "Programs", "Components", "Parts")
            .whereLayer("IAM documents").mayOnlyBeAccessedByLayers("Entry points", "Programs", "Components",
                    "Parts", "Policy rules")
            .whereLayer("Names").mayOnlyBeAccessedByLayers("Entry points", "Programs", "Components", "Parts",
                    "Policy rules", "IAM documents")
            .whereLayer("Settings").mayOnlyBeAccessedByLayers("Entry points", "Programs", "Components",
                    "Parts", "Policy rules", "IAM documents", "Names")
            .ensureAllClassesAreContainedInArchitectureIgnoring("org.democracyclub.ee.deployer..");

    /** ee-deployer.jar: the deployer's command line over its operations. */
    @ArchTest
    static final ArchRule deployerLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry points").definedBy("org.democracyclub.ee.deployer.cli..")
            .layer("Operations").definedBy("org.democracyclub.ee.deployer.deploy..", "org.democracyclub.ee.deployer.local..",
                    "org.democracyclub.ee.deployer.revision..")
            .layer("Parts").definedBy("org.democracyclub.ee.deployer.appspec..", "org.democracyclub.ee.deployer.aws..",
                    "org.democracyclub.ee.deployer.outputs..", "org.democracyclub.ee.deployer.bundle..")
            .layer("Outcomes").definedBy("org.democracyclub.ee.deployer")
            .layer("Common").definedBy(COMMON)
            .whereLayer("Entry points").mayNotBeAccessedByAnyLayer()
            .whereLayer("Operations").mayOnlyBeAccessedByLayers("Entry points")
            .whereLayer("Parts").mayOnlyBeAccessedByLayers("Entry points", "Operations")
            .whereLayer("Outcomes").mayOnlyBeAccessedByLayers("Entry points", "Operations", "Parts")
            .ensureAllClassesAreContainedInArchitectureIgnoring("org.democracyclub.ee.infra..",
                    "org.democracyclub.ee.bootstrap..");
}
