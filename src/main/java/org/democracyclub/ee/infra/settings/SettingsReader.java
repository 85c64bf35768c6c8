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
    static final String BUILD_GOLDEN_IMAGES = "buildGoldenImages";
    static final String ORIGIN_SECRET = "originVerifySecret";
    static final String PREVIOUS_ORIGIN_SECRET = "previousOriginVerifySecret";
    /** At least 32 characters; at most 128, the longest value a load balancer header condition takes. */
    static final int ORIGIN_SECRET_MIN = 32;
    static final int ORIGIN_SECRET_MAX = 128;
    private static final Pattern ORIGIN_SECRET_CHARACTERS = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

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
        AppAccess appAccess = appAccess();
        Optional<String> imageSource = values.optionalText("goldenImageSourceAccountId", ACCOUNT_ID,
                "empty, or the 12-digit ID of the account whose image pipeline copies its images here (production's)");
        OperationsSettings operations = new OperationsSettingsReader(values, problems, environment).read(capacity.max());
        int revisionVersionsDays = values.integer("revisionVersionsExpireAfterDays", d -> d >= 1 && d <= 3650, "1 to 3650 days");
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new StackSettings(environment, region, instanceType, capacity, rootVolume, healthCheck,
                terminateAfter, ami, vpc, secret, images, appAccess, imageSource, operations,
                revisionVersionsDays);
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

    /**
     * The origin secret and, during a rotation, the one being retired. Each is 32 to 128 letters
     * and digits: a load balancer header condition value is at most 128 characters and treats
     * {@code *} and {@code ?} as wildcards (docs/deployment.md, "Rotating the origin secret").
     */
    private OriginSecret originSecret() {
        Optional<String> current = secretValue(ORIGIN_SECRET);
        Optional<String> previous = secretValue(PREVIOUS_ORIGIN_SECRET);
        if (current.isPresent() && previous.isPresent() && current.get().equals(previous.get())) {
            problems.add(config.fileName() + ": " + values.key(PREVIOUS_ORIGIN_SECRET) + " equals "
                    + values.key(ORIGIN_SECRET) + "; set it to the secret being retired, or remove it"
                    + " (pulumi config rm " + PREVIOUS_ORIGIN_SECRET + " -s " + config.stack() + ")");
        }
        return current.map(value -> new OriginSecret(value, true, previous))
                .orElseGet(() -> new OriginSecret(OriginSecret.PLACEHOLDER, false, previous));
    }

    /** A secret origin header value when the run can read it; empty when unset or encrypted offline. */
    private Optional<String> secretValue(String name) {
        ConfigValue value = values.value(name);
        String setIt = "set it with: pulumi config set --secret " + name + " \"$(openssl rand -hex 32)\" -s " + config.stack();
        if (value == null) {
            return Optional.empty();
        }
        if (!value.secret()) {
            problems.add(values.where(value) + values.key(name) + " is stored in plain text; it must be a Pulumi secret: " + setIt);
            return Optional.empty();
        }
        if (value.text() == null) {
            return Optional.empty();
        }
        String text = value.text();
        if (text.length() < ORIGIN_SECRET_MIN || text.length() > ORIGIN_SECRET_MAX) {
            problems.add(config.fileName() + ": " + values.key(name) + " is " + text.length()
                    + " characters; allowed: " + ORIGIN_SECRET_MIN + " to " + ORIGIN_SECRET_MAX + " (" + setIt + ")");
        }
        if (!ORIGIN_SECRET_CHARACTERS.matcher(text).matches()) {
            problems.add(config.fileName() + ": " + values.key(name) + " has characters other than letters and digits"
                    + " (the load balancer reads * and ? as wildcards); allowed: [A-Za-z0-9] (" + setIt + ")");
        }
        return Optional.of(text);
    }

    private AppAccess appAccess() {
        return new AppAccess(bucket("noticeOfElectionBucket"), bucket("databaseBackupBucket"),
                bucket("dataCacheBucket"), bucket("boundaryReviewBucket"), bucket("publicDataBucket"));
    }

    private Optional<String> bucket(String name) {
        return values.optionalText(name, AppAccess.BUCKET, AppAccess.BUCKET_RULE);
    }

    /** The accounts a list setting names: 12-digit IDs separated by commas; empty means none. */
    private List<String> accountIds(String name) {
        String raw = values.raw(name);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String id = part.strip();
            if (!ACCOUNT_ID.matcher(id).matches() || ids.contains(id)) {
                problems.add(values.where(name) + values.key(name) + ": '" + raw + "' is not a list of distinct 12-digit"
                        + " AWS account IDs separated by commas (e.g. 111111111111,222222222222), or empty");
                return List.of();
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /**
     * Whether the stack builds the golden image ({@code buildGoldenImages}), alone: what the
     * account bootstrap reads of the main stack, to create the image's key in that account
     * only. The rest of the stack file is not validated here (the bootstrap runs before the
     * stack is complete, e.g. before its origin secret is set).
     */
    public static boolean buildsGoldenImages(ProjectFile project, StackConfig config) {
        List<String> problems = new ArrayList<>();
        boolean builds = new TypedConfig(project, config, problems).bool(BUILD_GOLDEN_IMAGES);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return builds;
    }

    private Optional<GoldenImageSettings> goldenImages() {
        if (!values.bool(BUILD_GOLDEN_IMAGES)) {
            return Optional.empty();
        }
        String instanceType = values.text("imageBuilderInstanceType", INSTANCE_TYPE, "an instance type such as t3a.medium");
        int volume = values.integer("imageBuildVolumeSizeGiB",
                n -> n >= GoldenImageSettings.MIN_VOLUME_GIB && n <= GoldenImageSettings.MAX_VOLUME_GIB,
                GoldenImageSettings.MIN_VOLUME_GIB + " to " + GoldenImageSettings.MAX_VOLUME_GIB + " GiB");
        BaseImage base = values.parsed("baseImage", BaseImage::parse);
        String gitRef = values.raw("applicationGitRef");
        String schedule = values.text("goldenImageSchedule", BuildSchedule.CRON, BuildSchedule.RULE);
        List<String> launchAccounts = accountIds("goldenImageLaunchAccountIds");
        if (base == null || instanceType == null || volume < 0 || schedule == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GoldenImageSettings(instanceType, base, gitRef, volume, AppDefaults.USER,
                    schedule, launchAccounts));
        } catch (IllegalArgumentException e) {
            problems.add(values.where("applicationGitRef") + values.key("applicationGitRef") + ": " + e.getMessage());
            return Optional.empty();
        }
    }

}
