package org.democracyclub.ee.common;

import java.util.List;

/**
 * Facts about the app on an instance (the user, paths, unit and port the current system's instances use) that the Pulumi program, the
 * deployer and the hook scripts rely on. Both jars compile against this class; the hooks'
 * values live in ee-deploy/lib/settings.sh and a test asserts they equal these, so the copies
 * cannot drift apart silently.
 */
public final class AppDefaults {
    /** The Unix user that owns the code and runs Gunicorn. */
    public static final String USER = "every_election";
    /**
     * Where CodeDeploy installs the revision (the appspec's files destination): the app's code
     * directory, as its own deployment and serverscripts use it (it was {@code repo/} until 2025-07).
     */
    public static final String ROOT = "/var/www/every_election/code/";
    /** Gunicorn listens here; the target group health check and ValidateService use it too. */
    public static final int PORT = 8001;
    /** The only users hooks may run as: the agent's own (root) and the app user. */
    public static final List<String> RUNAS_USERS = List.of("root", USER);
    /** Prefix of the application's SSM parameters (its .env); the instances may read only these. */
    public static final String SSM_PREFIX = "/ee/app/";
    /** The GitHub repository CodeDeploy fetches revisions from. */
    public static final String REVISION_REPOSITORY = "DemocracyClub/EveryElection";

    private AppDefaults() {
    }
}
