package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineStack;
import org.democracyclub.ee.infra.program.Stacks;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launch template resolves /ee/golden-image/ami-id, so the program checks the parameter before
 * it declares anything, and a missing or wrong one is a settings error that says how to create it.
 */
class AmiParameterCheckIT {
    private static final String PARAMETER = "/ee/golden-image/ami-id";

    private static Fixture without(String name) {
        var parameters = new HashMap<>(Fixture.builtIn().ssmParameters());
        parameters.remove(name);
        Fixture base = Fixture.builtIn();
        return new Fixture(base.accountId(), base.defaultVpcId(), base.subnetIds(), parameters, base.hostedZoneId(),
                base.cloudFrontPrefixListId(), base.autoScalingGroups(), base.deploymentGroupFleet(), base.kmsAliases());
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void aMissingParameterStopsTheProgramWithTheCommandThatCreatesIt(String stack) {
        assertThatThrownBy(() -> OfflineStack.run(Stacks.PROJECT, stack, without(PARAMETER)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("SSM parameter " + PARAMETER + " cannot be read")
                .hasMessageContaining("aws ssm put-parameter --name " + PARAMETER
                        + " --type String --data-type aws:ec2:image --value <AMI ID>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ami-123", "/ee/app/x", ""})
    void aParameterThatHoldsNoAmiIdIsRefused(String value) {
        assertThatThrownBy(() -> OfflineStack.run(Stacks.PROJECT, "staging", Fixture.builtIn().withParameter(PARAMETER, value)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("SSM parameter " + PARAMETER + " is a String holding '" + value + "'")
                .hasMessageContaining("data type aws:ec2:image");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ami-0123abcd", "ami-0123456789abcdef0"})
    void aParameterHoldingAnAmiIdPasses(String value) {
        var run = Stacks.run("staging", Fixture.builtIn().withParameter(PARAMETER, value));
        assertThat(run.get("aws:ec2/launchTemplate:LaunchTemplate", "ee-launch-template").at("imageId"))
                .isEqualTo("resolve:ssm:" + PARAMETER);
    }

    @org.junit.jupiter.api.Test
    void aStackWithItsOwnAmiDoesNotNeedTheParameter() {
        var settings = Stacks.settings("staging");
        var pinned = settings.withAmiOverride("ami-0123456789abcdef0");
        var run = OfflineStack.run("every-election", pinned, without(PARAMETER));
        assertThat(run.errors()).isEmpty();
        assertThat(run.get("aws:ec2/launchTemplate:LaunchTemplate", "ee-launch-template").at("imageId"))
                .isEqualTo("ami-0123456789abcdef0");
    }
}
