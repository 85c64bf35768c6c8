package org.democracyclub.ee.infra.platform;

/**
 * Facts about the Django application that only the infrastructure uses; those the deployer and
 * the hooks share (its port, user, SSM prefix) are in {@code common.AppDefaults}.
 */
public final class Application {
    /** The target group's health check asks for this path on {@code AppDefaults.PORT}. */
    public static final String HEALTH_CHECK_PATH = "/";
    /** Header CloudFront adds to every origin request; the load balancer forwards only with it. */
    public static final String ORIGIN_VERIFY_HEADER = "X-Origin-Verify";

    private Application() {
    }
}
