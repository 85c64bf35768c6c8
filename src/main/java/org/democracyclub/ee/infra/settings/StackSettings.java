package org.democracyclub.ee.infra.settings;

import java.util.Optional;

/**
 * Everything a stack is configured with, read and validated once by {@link SettingsReader}.
 * Nothing else in the program reads Pulumi configuration.
 *
 * @param environment                   the environment, from the stack name
 * @param region                        the AWS region of the stack (eu-west-2)
 * @param instanceType                  EC2 instance type of the web fleet
 * @param capacity                      the fleet's size bounds
 * @param rootVolume                    each instance's root volume
 * @param healthCheck                   the target group's health check timings
 * @param terminateOldFleetAfterMinutes how long CodeDeploy keeps the old fleet after a deployment
 * @param amiOverride                   an AMI ID that replaces the golden image, if set
 * @param vpcId                         a VPC ID that replaces the default VPC, if set
 * @param originVerifySecret            the secret origin header value
 * @param goldenImages                  the Image Builder settings when this stack builds images
 */
public record StackSettings(
        Environment environment,
        String region,
        String instanceType,
        FleetCapacity capacity,
        RootVolume rootVolume,
        HealthCheck healthCheck,
        int terminateOldFleetAfterMinutes,
        Optional<String> amiOverride,
        Optional<String> vpcId,
        OriginSecret originVerifySecret,
        Optional<GoldenImageSettings> goldenImages) {

    /** Fleet size bounds: {@code min <= desired <= max}, each at least 0, max at least 1. */
    public record FleetCapacity(int min, int desired, int max) {
    }

    /** An encrypted gp3 root volume. */
    public record RootVolume(int sizeGiB, int iops) {
        public static final String TYPE = "gp3";
    }

    /** Target group health check timings, in seconds and counts. */
    public record HealthCheck(int intervalSeconds, int timeoutSeconds, int healthyThreshold, int unhealthyThreshold) {
    }

    /**
     * The origin header secret. Offline, the stack file holds only its ciphertext (or nothing),
     * so the preview uses a placeholder and says so.
     *
     * @param value the secret, or a placeholder when {@code known} is false
     * @param known whether {@code value} is the real secret
     */
    public record OriginSecret(String value, boolean known) {
        public static final String PLACEHOLDER = "offline-preview-placeholder";
    }
}
