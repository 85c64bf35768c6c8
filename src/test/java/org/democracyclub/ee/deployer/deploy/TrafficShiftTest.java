package org.democracyclub.ee.deployer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.TargetLabel;

class TrafficShiftTest {
    private static InstanceTarget instance(TargetLabel label, LifecycleEventStatus allowTraffic) {
        return InstanceTarget.builder().targetId("i-1").instanceLabel(label).lifecycleEvents(
                LifecycleEvent.builder().lifecycleEventName("BeforeAllowTraffic").status(LifecycleEventStatus.SUCCEEDED).build(),
                LifecycleEvent.builder().lifecycleEventName("AllowTraffic").status(allowTraffic).build()).build();
    }

    @Test
    void the_termination_wait_means_traffic_moved_even_without_targets() {
        DeploymentInfo info = DeploymentInfo.builder().instanceTerminationWaitTimeStarted(true).build();

        assertThat(TrafficShift.moved(info, List.of())).isTrue();
    }

    @Test
    void allow_traffic_succeeded_on_a_replacement_instance_means_traffic_moved() {
        DeploymentInfo info = DeploymentInfo.builder().instanceTerminationWaitTimeStarted(false).build();

        assertThat(TrafficShift.moved(info, List.of(instance(TargetLabel.GREEN, LifecycleEventStatus.SUCCEEDED)))).isTrue();
        assertThat(TrafficShift.moved(info, List.of(instance(TargetLabel.GREEN, LifecycleEventStatus.IN_PROGRESS)))).isFalse();
    }

    @Test
    void nothing_moved_before_allow_traffic() {
        assertThat(TrafficShift.moved(DeploymentInfo.builder().build(),
                List.of(instance(TargetLabel.GREEN, LifecycleEventStatus.PENDING)))).isFalse();
    }
}
