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
 * @param appAccess                     the buckets the application reads and writes here
 * @param goldenImageSourceAccountId    the account whose image pipeline copies its images into this one
 *                                      (production's), if any: this stack then declares the role that
 *                                      pipeline uses here (docs/golden-images.md)
 * @param operations                    scheduled jobs, alarms, backups, power-off and scaling (docs/operations.md)
 * @param revisionVersionsExpireAfterDays days the revision bucket keeps a noncurrent bundle version
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
        Optional<GoldenImageSettings> goldenImages,
        AppAccess appAccess,
        Optional<String> goldenImageSourceAccountId,
        OperationsSettings operations,
        int revisionVersionsExpireAfterDays) {

    /** The same settings with an AMI that replaces the golden image (tests of the parameter check). */
    public StackSettings withAmiOverride(String amiId) {
        return new StackSettings(environment, region, instanceType, capacity, rootVolume, healthCheck,
                terminateOldFleetAfterMinutes, Optional.of(amiId), vpcId, originVerifySecret, goldenImages, appAccess,
                goldenImageSourceAccountId, operations, revisionVersionsExpireAfterDays);
    }

    /** The same settings in a launch account that receives production's image copies. */
    public StackSettings withGoldenImageSourceAccountId(String accountId) {
        return new StackSettings(environment, region, instanceType, capacity, rootVolume, healthCheck,
                terminateOldFleetAfterMinutes, amiOverride, vpcId, originVerifySecret, goldenImages, appAccess,
                Optional.of(accountId), operations, revisionVersionsExpireAfterDays);
    }

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
     * @param value    the secret CloudFront sends, or a placeholder when {@code known} is false
     * @param known    whether {@code value} is the real secret
     * @param previous the secret being rotated out, which the load balancer still accepts, if set
     */
    public record OriginSecret(String value, boolean known, java.util.Optional<String> previous) {
        /** Letters and digits only, so the placeholder is itself a valid load balancer header value. */
        public static final String PLACEHOLDER = "offlinePreviewPlaceholder0123456789";

        public OriginSecret(String value, boolean known) {
            this(value, known, java.util.Optional.empty());
        }

        /** Every value the load balancer forwards: the current one first, then the one being rotated out. */
        public java.util.List<String> accepted() {
            return previous.map(old -> java.util.List.of(value, old)).orElse(java.util.List.of(value));
        }
    }
}
