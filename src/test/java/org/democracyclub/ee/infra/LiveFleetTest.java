package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.democracyclub.ee.infra.platform.LiveFleet;
import org.junit.jupiter.api.Test;

/** Who owns the fleet, decided from the names of the region's Auto Scaling groups alone. */
class LiveFleetTest {
    private static final String A = "CodeDeploy_EEDefaultDeploymentGroup_d-AAAAAAAAA";
    private static final String B = "CodeDeploy_EEDefaultDeploymentGroup_d-BBBBBBBBB";

    @Test
    void withNoGroupTheProgramOwnsTheOriginalFleet() {
        assertThat(LiveFleet.fromAccount(List.of())).isEqualTo(new LiveFleet("ee-asg", true, List.of()));
    }

    @Test
    void otherProjectsGroupsAndOtherDeploymentGroupsFleetsDoNotCount() {
        LiveFleet fleet = LiveFleet.fromAccount(List.of("yournextrepresentative-asg",
                "CodeDeploy_SomeOtherGroup_d-CCCCCCCCC", "ee-asg"));
        assertThat(fleet).isEqualTo(new LiveFleet("ee-asg", true, List.of("ee-asg")));
        assertThat(fleet.inFlight()).isFalse();
    }

    @Test
    void oneCodeDeployFleetIsLiveAndOwnedByCodeDeploy() {
        LiveFleet fleet = LiveFleet.fromAccount(List.of(A));
        assertThat(fleet).isEqualTo(new LiveFleet(A, false, List.of(A)));
        assertThat(fleet.inFlight()).isFalse();
        assertThat(fleet.replacements()).isEmpty();
    }

    @Test
    void twoCodeDeployFleetsMeanADeploymentInFlightWhateverTheOrder() {
        LiveFleet one = LiveFleet.fromAccount(List.of(B, A));
        LiveFleet other = LiveFleet.fromAccount(List.of(A, B));
        assertThat(one).isEqualTo(other);
        assertThat(one.inFlight()).isTrue();
        assertThat(one.declaredByProgram()).isFalse();
        assertThat(one.candidates()).containsExactly(A, B);
    }

    @Test
    void duringTheFirstDeploymentTheOriginalFleetIsStillLive() {
        LiveFleet fleet = LiveFleet.fromAccount(List.of(A, "ee-asg"));
        assertThat(fleet.name()).isEqualTo("ee-asg");
        assertThat(fleet.declaredByProgram()).isFalse();
        assertThat(fleet.replacements()).containsExactly(A);
        assertThat(fleet.inFlight()).isTrue();
    }
}
