package org.democracyclub.ee.deployer.appspec;

import java.util.List;

/**
 * Facts about the app on an instance (DESIGN.md section 2) that both the Java side and the hook
 * scripts rely on. The hooks' defaults live in deploy/hooks/lib/settings.sh; a test asserts they
 * equal these, so the two copies cannot drift apart silently.
 */
public final class AppDefaults {
    /** The Unix user that owns the code and runs Gunicorn. */
    public static final String USER = "every_election";
    /** Where CodeDeploy installs the revision (the appspec's files destination). */
    public static final String ROOT = "/var/www/every_election/repo/";
    /** Gunicorn listens here; the target group health check and ValidateService use it too. */
    public static final int PORT = 8001;
    /** The only users hooks may run as: the agent's own (root) and the app user. */
    public static final List<String> RUNAS_USERS = List.of("root", USER);
    /** The agent reads this name only, for EC2/on-premises (aws-codedeploy-agent#182). */
    public static final String APPSPEC_FILE = "appspec.yml";

    private AppDefaults() {
    }
}
