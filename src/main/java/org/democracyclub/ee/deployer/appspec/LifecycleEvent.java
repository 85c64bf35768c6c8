package org.democracyclub.ee.deployer.appspec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The EC2/on-premises lifecycle events, in the order the CodeDeploy agent runs them on an
 * instance behind a load balancer. Four of them are the agent's own work and take no scripts.
 */
public enum LifecycleEvent {
    BEFORE_BLOCK_TRAFFIC("BeforeBlockTraffic", true),
    BLOCK_TRAFFIC("BlockTraffic", false),
    AFTER_BLOCK_TRAFFIC("AfterBlockTraffic", true),
    APPLICATION_STOP("ApplicationStop", true),
    DOWNLOAD_BUNDLE("DownloadBundle", false),
    BEFORE_INSTALL("BeforeInstall", true),
    INSTALL("Install", false),
    AFTER_INSTALL("AfterInstall", true),
    APPLICATION_START("ApplicationStart", true),
    VALIDATE_SERVICE("ValidateService", true),
    BEFORE_ALLOW_TRAFFIC("BeforeAllowTraffic", true),
    ALLOW_TRAFFIC("AllowTraffic", false),
    AFTER_ALLOW_TRAFFIC("AfterAllowTraffic", true);

    /** Events that exist only for ECS or Lambda deployments, named to explain a rejection. */
    static final List<String> OTHER_PLATFORM_EVENTS = List.of(
            "BeforeAllowTestTraffic", "AfterAllowTestTraffic");

    private final String appspecName;
    private final boolean scriptable;

    LifecycleEvent(String appspecName, boolean scriptable) {
        this.appspecName = appspecName;
        this.scriptable = scriptable;
    }

    /** The name as written in appspec.yml and passed to hooks as LIFECYCLE_EVENT. */
    public String appspecName() {
        return appspecName;
    }

    /** False for the events the agent performs itself (DownloadBundle, Install, ...). */
    public boolean scriptable() {
        return scriptable;
    }

    public static Optional<LifecycleEvent> fromName(String name) {
        return Arrays.stream(values()).filter(e -> e.appspecName.equals(name)).findFirst();
    }

    /** The names a hooks section may use, in run order. */
    public static List<String> scriptableNames() {
        return Arrays.stream(values()).filter(LifecycleEvent::scriptable)
                .map(LifecycleEvent::appspecName).toList();
    }

    @Override
    public String toString() {
        return appspecName;
    }
}
