package org.democracyclub.ee.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.democracyclub.ee.infra.program.Stacks;
import org.democracyclub.ee.infra.settings.StackSettings.FleetCapacity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackSettingsTest {

    @Test
    void productionRunsLargeInstancesInAFleetOfTwoToFour() {
        StackSettings production = Stacks.settings("production");
        assertThat(production.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(production.instanceType()).isEqualTo("t3a.large");
        assertThat(production.capacity()).isEqualTo(new FleetCapacity(2, 2, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void otherEnvironmentsRunMediumInstances(String stack) {
        StackSettings settings = Stacks.settings(stack);
        assertThat(settings.environment().stackName()).isEqualTo(stack);
        assertThat(settings.instanceType()).isEqualTo("t3a.medium");
        assertThat(settings.capacity()).isEqualTo(new FleetCapacity(1, 1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyStackRunsInLondonWithAnEncryptableGp3RootVolume(String stack) {
        StackSettings settings = Stacks.settings(stack);
        assertThat(settings.region()).isEqualTo("eu-west-2");
        assertThat(settings.rootVolume()).isEqualTo(new StackSettings.RootVolume(20, 6000));
    }

    @Test
    void unsetKeysTakeTheirDefaultsFromPulumiYaml() {
        StackSettings staging = Stacks.settings("staging");
        assertThat(staging.healthCheck()).isEqualTo(new StackSettings.HealthCheck(10, 5, 2, 2));
        assertThat(staging.terminateOldFleetAfterMinutes()).isEqualTo(5);
        assertThat(staging.amiOverride()).isEmpty();
        assertThat(staging.vpcId()).isEmpty();
    }

    @Test
    void onlyProductionBuildsGoldenImages() {
        assertThat(Stacks.settings("production").goldenImages()).isPresent();
        assertThat(Stacks.settings("staging").goldenImages()).isEmpty();
        assertThat(Stacks.settings("development").goldenImages()).isEmpty();
    }

    @Test
    void theOriginSecretIsNotReadableOfflineSoAPlaceholderStandsIn() {
        var secret = Stacks.settings("production").originVerifySecret();
        assertThat(secret.known()).isFalse();
        assertThat(secret.value()).isEqualTo(StackSettings.OriginSecret.PLACEHOLDER);
    }
}
