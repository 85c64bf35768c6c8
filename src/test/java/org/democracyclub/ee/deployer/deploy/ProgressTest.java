package org.democracyclub.ee.deployer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.TargetLabel;

class ProgressTest {
    private static InstanceTarget instance(TargetLabel label, String event, LifecycleEventStatus status) {
        return InstanceTarget.builder().targetId("i-1").instanceLabel(label)
                .lifecycleEvents(LifecycleEvent.builder().lifecycleEventName("BeforeInstall").status(LifecycleEventStatus.SUCCEEDED).build(),
                        LifecycleEvent.builder().lifecycleEventName(event).status(status).build())
                .build();
    }

    @Test
    void the_event_shown_is_the_new_instances_one_not_the_old_fleets() {
        DeploymentInfo info = DeploymentInfo.builder().status(DeploymentStatus.IN_PROGRESS)
                .deploymentOverview(o -> o.inProgress(1L).pending(1L)).build();

        Progress p = Progress.of(info, List.of(instance(TargetLabel.BLUE, "BlockTraffic", LifecycleEventStatus.IN_PROGRESS),
                instance(TargetLabel.GREEN, "AfterInstall", LifecycleEventStatus.IN_PROGRESS)));

        assertThat(p.describe()).isEqualTo("InProgress | instances: 1 pending, 1 in progress, 0 succeeded, 0 failed, 0 ready"
                + " | new instances: AfterInstall | next: ApplicationStart");
    }

    @Test
    void equal_snapshots_compare_equal_so_unchanged_polls_print_nothing() {
        DeploymentInfo info = DeploymentInfo.builder().status(DeploymentStatus.CREATED).build();

        assertThat(Progress.of(info, List.of())).isEqualTo(Progress.of(info, List.of()));
        assertThat(Progress.of(info, List.of()).describe()).endsWith("next: CodeDeploy copies the live fleet into a replacement fleet");
    }
}
