package org.democracyclub.ee.deployer.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one local run needs.
 *
 * @param bundle      the revision's root directory (holds appspec.yml)
 * @param destination the directory that stands for the instance's {@code /}
 * @param events      the lifecycle events whose scripts run; empty means all of the appspec's
 * @param ignoreRunas run every script as the current user even when root (reported per hook)
 * @param extraEnv    variables added to every script's environment (e.g. EE_APP_ROOT, PATH)
 */
public record LocalOptions(Path bundle, Path destination, List<String> events, boolean ignoreRunas,
                           String applicationName, String deploymentGroupName, Map<String, String> extraEnv) {
}
