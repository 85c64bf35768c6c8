package org.democracyclub.ee.infra.platform;

import org.democracyclub.ee.common.AppDefaults;

/** Facts about the Django application that the infrastructure derives its settings from. */
public final class Application {
    /** Gunicorn listens here; the target group, health check and security group derive from it. */
    public static final int PORT = AppDefaults.PORT;
    public static final String HEALTH_CHECK_PATH = "/";
    public static final String USER = AppDefaults.USER;
    public static final String REVISION_REPOSITORY = AppDefaults.REVISION_REPOSITORY;
    /** Prefix of the application's own SSM parameters (its .env), which the instances may read. */
    public static final String PARAMETER_PREFIX = AppDefaults.SSM_PREFIX;
    /** Header CloudFront adds to every origin request; the load balancer forwards only with it. */
    public static final String ORIGIN_VERIFY_HEADER = "X-Origin-Verify";

    private Application() {
    }
}
