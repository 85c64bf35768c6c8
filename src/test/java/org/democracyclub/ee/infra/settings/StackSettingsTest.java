package org.democracyclub.ee.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.democracyclub.ee.infra.settings.StackSettings.FleetCapacity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackSettingsTest {

    @Test
    void productionRunsLargeInstancesInAFleetOfTwoToFour() {
        StackSettings production = StackFiles.settings("production");
        assertThat(production.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(production.instanceType()).isEqualTo("t3a.large");
        assertThat(production.capacity()).isEqualTo(new FleetCapacity(2, 2, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void otherEnvironmentsRunMediumInstances(String stack) {
        StackSettings settings = StackFiles.settings(stack);
        assertThat(settings.environment().stackName()).isEqualTo(stack);
        assertThat(settings.instanceType()).isEqualTo("t3a.medium");
        assertThat(settings.capacity()).isEqualTo(new FleetCapacity(1, 1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyStackRunsInLondonWithAnEncryptableGp3RootVolume(String stack) {
        StackSettings settings = StackFiles.settings(stack);
        assertThat(settings.region()).isEqualTo("eu-west-2");
        assertThat(settings.rootVolume()).isEqualTo(new StackSettings.RootVolume(20, 6000));
    }

    @Test
    void unsetKeysTakeTheirDefaultsFromPulumiYaml() {
        StackSettings staging = StackFiles.settings("staging");
        assertThat(staging.healthCheck()).isEqualTo(new StackSettings.HealthCheck(10, 5, 2, 2));
        assertThat(staging.terminateOldFleetAfterMinutes()).isEqualTo(5);
        assertThat(staging.amiOverride()).isEmpty();
        assertThat(staging.vpcId()).isEmpty();
    }

    @Test
    void onlyProductionBuildsGoldenImages() {
        assertThat(StackFiles.settings("production").goldenImages()).isPresent();
        assertThat(StackFiles.settings("staging").goldenImages()).isEmpty();
        assertThat(StackFiles.settings("development").goldenImages()).isEmpty();
    }

    @Test
    void theOriginSecretIsNotReadableOfflineSoAPlaceholderStandsIn() {
        var secret = StackFiles.settings("production").originVerifySecret();
        assertThat(secret.known()).isFalse();
        assertThat(secret.value()).isEqualTo(StackSettings.OriginSecret.PLACEHOLDER);
    }
}
