package org.democracyclub.ee.deployer.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.aws.AwsClientFactory;
import org.democracyclub.ee.deployer.aws.AwsClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Pins down what the SDK 2.40 clients actually send, so the fake answers the real protocols:
 * JSON 1.1 with {@code X-Amz-Target} for CodeDeploy and SSM, AWS Query (form POST, XML answer)
 * for Auto Scaling, and each service's error shape understood by the SDK.
 */
// A deployer stuck on an unexpected answer from the fake fails the test instead of hanging the build.
@Timeout(60)
class WireProtocolIT {
    private FakeAws fake;
    private AwsClients aws;

    @BeforeEach
    void start() throws IOException {
        fake = FakeAws.start(2);
        aws = AwsClientFactory.create(fake.clientSettings());
    }

    @AfterEach
    void stop() {
        aws.close();
        fake.close();
    }

    @Test
    void codedeploy_sends_json_1_1_with_its_target_header() {
        aws.codeDeploy().getDeploymentGroup(r -> r.applicationName(FakeAws.APPLICATION).deploymentGroupName(FakeAws.GROUP));

        Call call = fake.calls().get(0);
        assertThat(call.service()).isEqualTo("codedeploy");
        assertThat(call.action()).isEqualTo("GetDeploymentGroup");
        assertThat(call.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(call.rawBody()).isEqualTo("{\"applicationName\":\"EECodeDeploy\",\"deploymentGroupName\":\"EEDefaultDeploymentGroup\"}");
    }

    @Test
    void ssm_sends_json_1_1_and_understands_the_fakes_not_found_error() {
        fake.ssm().put(StackOutputs.SSM_PARAMETER, "{}");

        String value = aws.ssm().getParameter(r -> r.name(StackOutputs.SSM_PARAMETER)).parameter().value();

        assertThat(value).isEqualTo("{}");
        assertThat(fake.calls().get(0).rawBody()).isEqualTo("{\"Name\":\"/ee/deployer/stack-outputs\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> aws.ssm().getParameter(r -> r.name("/nope")))
                .isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void auto_scaling_sends_a_form_encoded_query_and_reads_the_xml_answer() {
        var groups = aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(FakeAws.LIVE_FLEET))
                .autoScalingGroups();

        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.autoScalingGroupName()).isEqualTo(FakeAws.LIVE_FLEET);
            assertThat(g.instances()).hasSize(2);
        });
        Call call = fake.calls().get(0);
        assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(call.rawBody()).isEqualTo("Action=DescribeAutoScalingGroups&Version=2011-01-01"
                + "&AutoScalingGroupNames.member.1=CodeDeploy_EEDefaultDeploymentGroup_d-LIVE00001");
    }

    @Test
    void throttling_answers_are_recognised_as_throttling_by_the_sdk_in_both_protocols() {
        fake.faults(Faults.none().script("ListApplications", Fault.THROTTLE).script("DescribeAutoScalingGroups", Fault.THROTTLE));
        // Clients without retries, so the first answer is the one seen.
        try (AutoScalingClient autoScaling = AutoScalingClient.builder()
                .endpointOverride(fake.endpoint()).region(Region.EU_WEST_2)
                .credentialsProvider(fake.clientSettings().credentials().orElseThrow())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {

            CodeDeployException codeDeploy = catchThrowableOfType(CodeDeployException.class,
                    () -> aws.codeDeployNoRetries().listApplications());
            AutoScalingException autoScalingError = catchThrowableOfType(AutoScalingException.class,
                    autoScaling::describeAutoScalingGroups);

            assertThat(codeDeploy.isThrottlingException()).isTrue();
            assertThat(autoScalingError.isThrottlingException()).isTrue();
            assertThat(autoScalingError.awsErrorDetails().errorCode()).isEqualTo("Throttling");
        }
    }

    @Test
    void the_retrying_clients_make_six_attempts_when_aws_max_attempts_is_not_set() {
        fake.faults(Faults.none().script("ListApplications", Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE,
                Fault.ERROR_BEFORE, Fault.ERROR_BEFORE, Fault.ERROR_BEFORE));

        CodeDeployException error = catchThrowableOfType(CodeDeployException.class, () -> aws.codeDeploy().listApplications());

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(fake.calls("ListApplications")).hasSize(6);
    }

    @Test
    void the_create_client_does_not_retry_so_a_lost_answer_is_never_repeated_blindly() {
        fake.faults(Faults.none().script("CreateDeployment", Fault.ERROR_BEFORE));

        org.assertj.core.api.Assertions.catchThrowable(() -> aws.codeDeployNoRetries().createDeployment(r -> r
                .applicationName(FakeAws.APPLICATION).deploymentGroupName(FakeAws.GROUP)));

        assertThat(fake.calls("CreateDeployment")).hasSize(1);
    }
}
