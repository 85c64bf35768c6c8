package org.democracyclub.ee.infra.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.infra.settings.StackSettings.FleetCapacity;
import org.democracyclub.ee.infra.settings.StackSettings.HealthCheck;
import org.democracyclub.ee.infra.settings.StackSettings.OriginSecret;
import org.democracyclub.ee.infra.settings.StackSettings.RootVolume;

/**
 * Turns a stack's raw configuration into {@link StackSettings}, or fails with every problem at
 * once. Defaults come from {@code Pulumi.yaml}; each message names the stack file (and line when
 * known), the key, the bad value and what is allowed.
 */
public final class SettingsReader {
    /** The only region the stacks run in (as in the current system: each environment is its own AWS account, all in eu-west-2). */
    public static final String REGION = "eu-west-2";
    static final String REGION_KEY = "aws:region";

    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.[a-z0-9]+");
    private static final Pattern AMI_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern VPC_ID = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");

    private final ProjectFile project;
    private final StackConfig config;
    private final List<String> problems = new ArrayList<>();
    private final TypedConfig values;

    private SettingsReader(ProjectFile project, StackConfig config) {
        this.project = project;
        this.config = config;
        this.values = new TypedConfig(project, config, problems);
    }

    public static StackSettings read(ProjectFile project, StackConfig config) {
        return new SettingsReader(project, config).read();
    }

    private StackSettings read() {
        rejectUndeclaredKeys();
        Environment environment = Environment.fromStackName(config.stack()).orElse(null);
        if (environment == null) {
            problems.add("stack '" + config.stack() + "': not an environment of this project; allowed: "
                    + Environment.allowedNames());
        }
        String region = region();
        String instanceType = values.text("instanceType", INSTANCE_TYPE, "an instance type such as t3a.medium (family.size)");
        FleetCapacity capacity = capacity();
        RootVolume rootVolume = rootVolume();
        HealthCheck healthCheck = healthCheck();
        int terminateAfter = values.integer("terminateOldFleetAfterMinutes", m -> m >= 0 && m <= 2880, "0 to 2880 minutes");
        Optional<String> ami = values.optionalText("amiId", AMI_ID, "empty, or an AMI ID such as ami-0123456789abcdef0");
        Optional<String> vpc = values.optionalText("vpcId", VPC_ID, "empty, or a VPC ID such as vpc-0123456789abcdef0");
        OriginSecret secret = originSecret();
        Optional<GoldenImageSettings> images = goldenImages();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new StackSettings(environment, region, instanceType, capacity, rootVolume, healthCheck,
                terminateAfter, ami, vpc, secret, images);
    }

    private void rejectUndeclaredKeys() {
        String namespace = project.name() + ":";
        config.values().forEach((key, value) -> {
            if (key.startsWith(namespace) && !project.declarations().containsKey(key.substring(namespace.length()))) {
                problems.add(values.where(value) + key + " is not a setting of this project; allowed keys: "
                        + String.join(", ", project.declarations().keySet().stream().sorted().toList())
                        + " (declared in " + ProjectFile.FILE_NAME + ")");
            }
        });
    }

    private String region() {
        ConfigValue value = config.values().get(REGION_KEY);
        if (value == null || !REGION.equals(value.text())) {
            problems.add(config.fileName() + ": " + REGION_KEY + " is "
                    + (value == null ? "not set" : "'" + value.text() + "'") + "; allowed: " + REGION
                    + " (pulumi config set aws:region " + REGION + " -s " + config.stack() + ")");
        }
        return REGION;
    }

    private FleetCapacity capacity() {
        int min = values.integer("minSize", n -> n >= 0, "a whole number, 0 or more");
        int desired = values.integer("desiredCapacity", n -> n >= 0, "a whole number, 0 or more");
        int max = values.integer("maxSize", n -> n >= 1, "a whole number, 1 or more");
        if (min >= 0 && desired >= 0 && max >= 1 && !(min <= desired && desired <= max)) {
            problems.add(config.fileName() + ": fleet capacity minSize=" + min + ", desiredCapacity=" + desired
                    + ", maxSize=" + max + " is impossible; allowed: minSize <= desiredCapacity <= maxSize");
        }
        return new FleetCapacity(min, desired, max);
    }

    private RootVolume rootVolume() {
        int size = values.integer("rootVolumeSizeGiB", n -> n >= 8 && n <= 16384, "8 to 16384 GiB");
        int iops = values.integer("rootVolumeIops", n -> n >= 3000 && n <= 16000, "3000 to 16000 (gp3)");
        if (size > 0 && iops > 500 * size && iops <= 16000) {
            problems.add(values.where("rootVolumeIops") + values.key("rootVolumeIops") + ": " + iops + " is more than gp3 allows for "
                    + size + " GiB; allowed: at most 500 IOPS per GiB (" + 500 * size + ")");
        }
        return new RootVolume(size, iops);
    }

    private HealthCheck healthCheck() {
        int interval = values.integer("healthCheckIntervalSeconds", n -> n >= 5 && n <= 300, "5 to 300 seconds");
        int timeout = values.integer("healthCheckTimeoutSeconds", n -> n >= 2 && n <= 120, "2 to 120 seconds");
        if (interval >= 5 && timeout >= interval) {
            problems.add(values.where("healthCheckTimeoutSeconds") + values.key("healthCheckTimeoutSeconds") + ": " + timeout
                    + " must be less than healthCheckIntervalSeconds (" + interval + ")");
        }
        int healthy = values.integer("healthyThreshold", n -> n >= 2 && n <= 10, "2 to 10 checks");
        int unhealthy = values.integer("unhealthyThreshold", n -> n >= 2 && n <= 10, "2 to 10 checks");
        return new HealthCheck(interval, timeout, healthy, unhealthy);
    }

    private OriginSecret originSecret() {
        String name = "originVerifySecret";
        ConfigValue value = values.value(name);
        String setIt = "set it with: pulumi config set --secret " + name + " \"$(openssl rand -hex 32)\" -s " + config.stack();
        if (value == null) {
            return new OriginSecret(OriginSecret.PLACEHOLDER, false);
        }
        if (!value.secret()) {
            problems.add(values.where(value) + values.key(name) + " is stored in plain text; it must be a Pulumi secret: " + setIt);
            return new OriginSecret(OriginSecret.PLACEHOLDER, false);
        }
        if (value.text() == null) {
            return new OriginSecret(OriginSecret.PLACEHOLDER, false);
        }
        if (value.text().length() < 32) {
            problems.add(config.fileName() + ": " + values.key(name) + " is " + value.text().length()
                    + " characters; allowed: at least 32 (" + setIt + ")");
        }
        return new OriginSecret(value.text(), true);
    }

    private Optional<GoldenImageSettings> goldenImages() {
        if (!values.bool("buildGoldenImages")) {
            return Optional.empty();
        }
        String instanceType = values.text("imageBuilderInstanceType", INSTANCE_TYPE, "an instance type such as t3a.medium");
        int volume = values.integer("imageBuildVolumeSizeGiB",
                n -> n >= GoldenImageSettings.MIN_VOLUME_GIB && n <= GoldenImageSettings.MAX_VOLUME_GIB,
                GoldenImageSettings.MIN_VOLUME_GIB + " to " + GoldenImageSettings.MAX_VOLUME_GIB + " GiB");
        BaseImage base = values.parsed("baseImage", BaseImage::parse);
        String gitRef = values.raw("applicationGitRef");
        if (base == null || instanceType == null || volume < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GoldenImageSettings(instanceType, base, gitRef, volume, AppDefaults.USER));
        } catch (IllegalArgumentException e) {
            problems.add(values.where("applicationGitRef") + values.key("applicationGitRef") + ": " + e.getMessage());
            return Optional.empty();
        }
    }

}
