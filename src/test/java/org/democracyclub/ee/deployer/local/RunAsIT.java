package org.democracyclub.ee.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.deployer.appspec.Hook;
import org.democracyclub.ee.deployer.appspec.LifecycleEvent;
import org.junit.jupiter.api.Test;

class RunAsIT {
    private static Hook hook(String runas) {
        return new Hook(LifecycleEvent.AFTER_INSTALL, "deploy/hooks/x.sh", 60, Optional.ofNullable(runas), 3);
    }

    @Test
    void asRootItSwitchesToTheHooksUserLikeTheAgent() {
        RunAs root = new RunAs("root", false, user -> true);
        assertThat(root.prefix(hook("every_election"))).containsExactly("runuser", "-u", "every_election", "--");
        assertThat(root.note(hook("every_election"))).isEmpty();
        assertThat(root.prefix(hook("root"))).isEmpty();
        assertThat(root.prefix(hook(null))).isEmpty();
    }

    @Test
    void asAnotherUserItRunsTheScriptAsItselfAndSaysSo() {
        RunAs alice = new RunAs("alice", false, user -> false);
        assertThat(alice.prefix(hook("root"))).isEmpty();
        assertThat(alice.note(hook("root"))).contains("runas root NOT applied (the runner is not root): ran as alice");
        assertThat(alice.note(hook(null))).isEmpty();
    }

    @Test
    void withIgnoreRunasEvenRootRunsEveryScriptAsItselfAndSaysSo() {
        RunAs root = new RunAs("root", true, user -> false);
        assertThat(root.prefix(hook("every_election"))).isEmpty();
        assertThat(root.note(hook("every_election")))
                .contains("runas every_election NOT applied (--ignore-runas): ran as root");
        assertThat(root.note(hook("root"))).isEmpty();
    }

    @Test
    void namesTheRunasUsersItWouldSwitchToThatDoNotExist() {
        List<Hook> hooks = List.of(hook("every_election"), hook("root"), hook(null), hook("every_election"));
        assertThat(new RunAs("root", false, user -> false).missingUsers(hooks)).containsExactly("every_election");
        assertThat(new RunAs("root", false, user -> true).missingUsers(hooks)).isEmpty();
        assertThat(new RunAs("root", true, user -> false).missingUsers(hooks)).isEmpty();
        assertThat(new RunAs("alice", false, user -> false).missingUsers(hooks)).isEmpty();
    }
}
