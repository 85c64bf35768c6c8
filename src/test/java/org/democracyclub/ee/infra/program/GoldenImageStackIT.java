package org.democracyclub.ee.infra.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineStack;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only production builds golden images; the others receive them through the organisation share. */
class GoldenImageStackIT {
    private static final String PIPELINE = "aws:imagebuilder/imagePipeline:ImagePipeline";

    @Test
    void productionDeclaresThePipelineWritingTheParameterTheLaunchTemplateResolves() {
        var run = Stacks.run("production");
        assertThat(run.ofType(PIPELINE)).hasSize(1);
        var distribution = run.get("aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
                "ee-image-builder");
        assertThat(distribution.at("distributions.0.ssmParameterConfigurations.0.parameterName"))
                .isEqualTo(run.outputs().get("amiParameterName"));
        assertThat(run.get("aws:ec2/launchTemplate:LaunchTemplate", "ee-launch-template").at("imageId"))
                .isEqualTo("resolve:ssm:" + run.outputs().get("amiParameterName"));
        assertThat(run.outputs()).containsKey(EveryElectionStack.GOLDEN_IMAGE_PIPELINE_OUTPUT);
    }

    @Test
    void theBuildRoleMatchesTheNamesTheCiRoleMayPass() {
        var roles = Stacks.run("production").ofType("aws:iam/role:Role");
        assertThat(roles).anySatisfy(role -> assertThat(role.at("name")).isEqualTo(
                org.democracyclub.ee.infra.names.Names.IMAGE_BUILDER_ROLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void otherStacksHaveNoImageBuilderResources(String stack) {
        var run = Stacks.run(stack);
        assertThat(run.resources()).noneSatisfy(r -> assertThat(r.type()).startsWith("aws:imagebuilder"));
        assertThat(run.outputs()).doesNotContainKey(EveryElectionStack.GOLDEN_IMAGE_PIPELINE_OUTPUT);
    }

    @Test
    void aBareOrganisationIdStopsTheProgramWithTheExpectedForm() {
        assertThatThrownBy(() -> OfflineStack.run(Stacks.PROJECT, "production",
                Fixture.builtIn().withParameter("OrganisationID", "o-a1b2c3d4e5")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("SSM parameter OrganisationID")
                .hasMessageContaining("arn:aws:organizations::");
    }

    @Test
    void stacksThatDoNotBuildImagesNeedNoOrganisationId() {
        var run = Stacks.run("staging", Fixture.builtIn().withParameter("OrganisationID", "nonsense"));
        assertThat(run.errors()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void productionsPipelineHasItsExecutionRoleKeyScheduleAndBuildNetwork() {
        var run = Stacks.run("production");
        var pipeline = run.get(PIPELINE, "ee-image-builder");
        assertThat(pipeline.at("executionRole")).isEqualTo("arn:aws:iam::123456789012:role/ee-image-builder-execution");
        assertThat(pipeline.at("schedule.scheduleExpression")).isEqualTo("cron(0 4 * * ? *)");
        assertThat(pipeline.at("schedule.pipelineExecutionStartCondition")).isEqualTo("EXPRESSION_MATCH_ONLY");
        var infrastructure = run.get("aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
                "ee-image-builder");
        assertThat(infrastructure.at("subnetId")).isEqualTo("subnet-0aaaaaaaaaaaaaaa1");
        assertThat(infrastructure.at("securityGroupIds")).isEqualTo(java.util.List.of("ee-image-builder-sg-id"));
        assertThat(run.get("aws:imagebuilder/imageRecipe:ImageRecipe", "ee-image-builder")
                .at("blockDeviceMappings.0.ebs.kmsKeyId"))
                .isEqualTo("arn:aws:kms:eu-west-2:123456789012:alias/ee-golden-image");
        assertThat(run.ofType("aws:kms/key:Key")).as("the bootstrap makes the key (docs/adr/0003)").isEmpty();
        assertThat(run.outputs()).containsKey(EveryElectionStack.GOLDEN_IMAGE_RECIPE_OUTPUT);
    }

    /** The first image build would fail hours later; the look-up fails now, saying what to run. */
    @org.junit.jupiter.api.Test
    void withoutTheBootstrapsKeyProductionStopsBeforeDeclaringAnything() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.democracyclub.ee.infra.preview.OfflineStack.run(
                        Stacks.PROJECT, "production", Fixture.builtIn().withKmsAliases(java.util.List.of())))
                .isInstanceOf(org.democracyclub.ee.infra.settings.InvalidSettingsException.class)
                .hasMessageContaining("KMS alias alias/ee-golden-image cannot be read")
                .hasMessageContaining("couldn't find resource")
                .hasMessageContaining("cd bootstrap && pulumi up -s <environment>");
    }

    @org.junit.jupiter.api.Test
    void stacksThatDoNotBuildImagesNeedNoKey() {
        var run = Stacks.run("staging", Fixture.builtIn().withKmsAliases(java.util.List.of()));
        assertThat(run.errors()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void withoutLaunchAccountsProductionMakesNoCopies() {
        var distribution = Stacks.run("production").get(
                "aws:imagebuilder/distributionConfiguration:DistributionConfiguration", "ee-image-builder");
        assertThat(distribution.at("distributions.0.amiDistributionConfiguration.targetAccountIds")).isNull();
        assertThat(distribution.at("distributions.0.ssmParameterConfigurations"))
                .isEqualTo(java.util.List.of(java.util.Map.of("parameterName", "/ee/golden-image/ami-id",
                        "dataType", "aws:ec2:image")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void aLaunchAccountDeclaresTheRoleProductionsPipelineCopiesWith(String stack) throws Exception {
        var settings = Stacks.settings(stack);
        var withSource = settings.withGoldenImageSourceAccountId("999999999999");
        var run = OfflineStack.run("every-election", withSource, Fixture.builtIn());
        var role = run.get("aws:iam/role:Role", "EC2ImageBuilderDistributionCrossAccountRole");
        assertThat(role.at("name")).isEqualTo("EC2ImageBuilderDistributionCrossAccountRole");
        assertThat((String) role.at("assumeRolePolicy")).contains("\"AWS\":[\"arn:aws:iam::999999999999:root\"]");
        assertThat(run.get("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "ee-golden-image-copies-distribution")
                .at("policyArn")).isEqualTo("arn:aws:iam::aws:policy/Ec2ImageBuilderCrossAccountDistributionAccess");
        String policy = (String) run.get("aws:iam/rolePolicy:RolePolicy", "ee-golden-image-copies-keys-and-parameter")
                .at("policy");
        assertThat(policy).contains("arn:aws:kms:eu-west-2:999999999999:key/*")
                .contains("arn:aws:ssm:eu-west-2:123456789012:parameter/ee/golden-image/ami-id")
                .contains("ssm:PutParameter").contains("ec2:DescribeImages");
        assertThat(Stacks.run(stack).ofType("aws:iam/role:Role"))
                .noneSatisfy(r -> assertThat(r.name()).isEqualTo("EC2ImageBuilderDistributionCrossAccountRole"));
    }
}
