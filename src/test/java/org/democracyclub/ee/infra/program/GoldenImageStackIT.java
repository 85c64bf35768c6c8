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
                org.democracyclub.ee.bootstrap.policy.ManagedNames.IMAGE_BUILDER_ROLE_PATTERN));
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
}
