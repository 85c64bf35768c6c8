package org.democracyclub.ee.deployer.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeS3;
import org.junit.jupiter.api.Test;

class StackOutputsParserIT {
    @Test
    void reads_what_pulumi_stack_output_json_prints_and_ignores_extra_keys() {
        DeployTarget target = StackOutputsParser.parse(CliRun.stackOutputsJson(), "test");

        assertThat(target.applicationName()).isEqualTo("EECodeDeploy");
        assertThat(target.deploymentGroupName()).isEqualTo("EEDefaultDeploymentGroup");
        assertThat(target.autoScalingGroupHint()).isEqualTo("ee-fleet-from-pulumi");
        assertThat(target.capacity()).isEqualTo(new FleetCapacity(1, 2, 4));
        assertThat(target.revisionBucket()).isEqualTo(FakeS3.BUCKET);
        assertThat(target.url()).isEqualTo("https://development.every-election.example");
    }

    @Test
    void accepts_capacities_as_strings_or_integral_numbers() {
        String json = CliRun.stackOutputsJson().replace("\"minSize\": 1", "\"minSize\": \"1\"")
                .replace("\"maxSize\": 4", "\"maxSize\": 4.0");

        assertThat(StackOutputsParser.parse(json, "test").capacity()).isEqualTo(new FleetCapacity(1, 2, 4));
    }

    @Test
    void a_missing_key_is_named_with_its_source() {
        String json = CliRun.stackOutputsJson().replace("\"revisionBucket\"", "\"bucket\"");

        assertThatThrownBy(() -> StackOutputsParser.parse(json, "file out.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("stack outputs file out.json: missing key 'revisionBucket'");
    }

    @Test
    void a_fractional_or_negative_capacity_is_refused() {
        assertThatThrownBy(() -> StackOutputsParser.parse(CliRun.stackOutputsJson().replace("\"desiredCapacity\": 2", "\"desiredCapacity\": 1.5"), "x"))
                .hasMessageContaining("key 'desiredCapacity' must be a non-negative integer, got 1.5");
        assertThatThrownBy(() -> StackOutputsParser.parse(CliRun.stackOutputsJson().replace("\"minSize\": 1", "\"minSize\": -1"), "x"))
                .hasMessageContaining("key 'minSize' must be a non-negative integer");
    }

    @Test
    void capacities_out_of_order_are_refused() {
        assertThatThrownBy(() -> StackOutputsParser.parse(CliRun.stackOutputsJson().replace("\"maxSize\": 4", "\"maxSize\": 1"), "x"))
                .hasMessageContaining("capacity must satisfy min <= desired <= max");
    }

    @Test
    void a_non_string_text_value_is_refused() {
        assertThatThrownBy(() -> StackOutputsParser.parse(CliRun.stackOutputsJson().replace("\"url\": \"https://development.every-election.example\"", "\"url\": 3"), "x"))
                .hasMessageContaining("key 'url' must be a non-empty string");
    }
}
