package org.democracyclub.ee.deployer.deploy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.codedeploy.model.InstanceTarget;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.TargetLabel;

/** Where the new (green) instances are in CodeDeploy's blue/green lifecycle. */
public final class LifecycleEvents {
    /** The order CodeDeploy runs events on a replacement instance (CodeDeploy's EC2 blue/green order; docs/hooks.md, "Lifecycle on a replacement instance"). */
    static final List<String> GREEN_ORDER = List.of(
            "ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall",
            "ApplicationStart", "ValidateService", "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic");

    private LifecycleEvents() {
    }

    /** Replacement instances; when CodeDeploy labels none, every instance. */
    static List<InstanceTarget> green(List<InstanceTarget> targets) {
        List<InstanceTarget> green = targets.stream().filter(t -> t.instanceLabel() == TargetLabel.GREEN).toList();
        return green.isEmpty() ? targets : green;
    }

    /** The event an instance is in: the running one, else the next pending after the last done. */
    static Optional<String> current(InstanceTarget target) {
        List<LifecycleEvent> events = target.lifecycleEvents();
        for (LifecycleEvent e : events) {
            if (e.status() == LifecycleEventStatus.IN_PROGRESS || e.status() == LifecycleEventStatus.FAILED) {
                return Optional.of(e.lifecycleEventName());
            }
        }
        for (LifecycleEvent e : events) {
            if (e.status() == LifecycleEventStatus.PENDING) {
                return Optional.of(e.lifecycleEventName());
            }
        }
        return Optional.empty();
    }

    /** e.g. {@code "AfterInstall"} or {@code "BeforeInstall, AfterInstall"}, in lifecycle order. */
    public static String summary(List<InstanceTarget> targets) {
        return green(targets).stream()
                .map(LifecycleEvents::current)
                .flatMap(Optional::stream)
                .distinct()
                .sorted(Comparator.comparingInt(LifecycleEvents::rank))
                .collect(Collectors.joining(", "));
    }

    /** The event after {@code event} on a replacement instance, if any. */
    public static Optional<String> next(String event) {
        int i = GREEN_ORDER.indexOf(event);
        return i >= 0 && i + 1 < GREEN_ORDER.size() ? Optional.of(GREEN_ORDER.get(i + 1)) : Optional.empty();
    }

    private static int rank(String event) {
        int i = GREEN_ORDER.indexOf(event);
        return i < 0 ? GREEN_ORDER.size() : i;
    }
}
