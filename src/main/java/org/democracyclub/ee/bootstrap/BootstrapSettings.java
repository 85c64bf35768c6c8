package org.democracyclub.ee.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.democracyclub.ee.infra.names.StackTags;
import org.democracyclub.ee.infra.settings.Environment;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.ProjectFile;
import org.democracyclub.ee.infra.settings.SettingsReader;
import org.democracyclub.ee.infra.settings.StackConfig;

/**
 * The bootstrap's settings for one account, read and validated once from the stack's raw
 * configuration: the same {@link StackConfig} the main program's {@link SettingsReader} reads,
 * from {@code bootstrap/Pulumi.<environment>.yaml} offline or from the engine under
 * {@code pulumi up}, and failing with the same {@link InvalidSettingsException}, every problem at
 * once. Nothing else reads the bootstrap's configuration.
 *
 * @param environment       {@code development}, {@code staging} or {@code production}: the stack name
 * @param region            {@code aws:region}; must be {@value #SettingsReader.REGION}
 * @param circleciOrgId     CircleCI organisation ID (a UUID; Organization Settings, Overview)
 * @param circleciProjectId CircleCI project ID (a UUID; Project Settings, Overview)
 * @param stateBucketName   name of the S3 bucket to create for Pulumi state (globally unique)
 * @param noncurrentVersionDays days the state bucket keeps a replaced or deleted state file's old
 *                          version before S3 expires it ({@value #DEFAULT_NONCURRENT_VERSION_DAYS}
 *                          unless set)
 * @param goldenImageKey    whether the account builds the golden image, so the bootstrap creates
 *                          its key ({@link GoldenImageKey}): the main stack's
 *                          {@code every-election:buildGoldenImages}, read from
 *                          {@code Pulumi.<environment>.yaml} (the one place that says it)
 */
public record BootstrapSettings(
        String environment, String region, String circleciOrgId, String circleciProjectId, String stateBucketName,
        int noncurrentVersionDays, boolean goldenImageKey) {


    public static final String ORG_ID_KEY = BootstrapProgram.PROJECT_NAME + ":circleciOrgId";
    public static final String PROJECT_ID_KEY = BootstrapProgram.PROJECT_NAME + ":circleciProjectId";
    public static final String BUCKET_KEY = BootstrapProgram.PROJECT_NAME + ":stateBucketName";
    public static final String REGION_KEY = "aws:region";
    public static final String NONCURRENT_DAYS_KEY = BootstrapProgram.PROJECT_NAME + ":stateNoncurrentVersionDays";
    /**
     * Every {@code pulumi up} replaces the checkpoint, so old versions pile up; three months is
     * long enough to notice a bad update and restore the version before it.
     */
    public static final int DEFAULT_NONCURRENT_VERSION_DAYS = 90;
    private static final int MAX_NONCURRENT_VERSION_DAYS = 3650;

    /** The project-namespace keys the bootstrap reads; any other key there is a typo. */
    public static final List<String> PROJECT_KEYS = List.of(ORG_ID_KEY, PROJECT_ID_KEY, BUCKET_KEY,
            NONCURRENT_DAYS_KEY);

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // S3 naming rules, without dots: a dotted name breaks TLS for virtual-hosted requests.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    /** Reads {@code Pulumi.<stack>.yaml} in the bootstrap project folder and validates it. */
    public static BootstrapSettings load(Path projectDir, String stack) {
        return read(stackFile(projectDir, stack), mainProjectDir(projectDir));
    }

    /** The main project's folder: the bootstrap project is its {@code bootstrap/} sub-folder. */
    public static Path mainProjectDir(Path projectDir) {
        return projectDir.toAbsolutePath().normalize().getParent();
    }

    /**
     * A bootstrap stack file's raw configuration, unvalidated, for tools that show the bootstrap
     * without running it (the offline preview may fill in sample CircleCI IDs and call
     * {@link #read}). Messages name the file as {@code bootstrap/Pulumi.<stack>.yaml}.
     */
    public static StackConfig stackFile(Path projectDir, String stack) {
        String displayName = displayName(StackConfig.fileNameOf(stack));
        if (!Files.exists(projectDir.resolve(StackConfig.fileNameOf(stack)))) {
            throw new InvalidSettingsException(List.of(displayName
                    + ": no such file; create it with: pulumi -C bootstrap stack init " + stack));
        }
        try {
            return StackConfig.fromStackFile(projectDir, stack);
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException(e.problems().stream().map(p -> "bootstrap/" + p).toList());
        }
    }

    /**
     * Validates a bootstrap stack's raw configuration, and reads whether the account builds the
     * golden image from the main stack of the same name in {@code mainProjectDir}.
     */
    public static BootstrapSettings read(StackConfig stackConfig, Path mainProjectDir) {
        BootstrapSettings settings = read(stackConfig);
        boolean buildsImages = SettingsReader.buildsGoldenImages(ProjectFile.read(mainProjectDir),
                StackConfig.fromStackFile(mainProjectDir, settings.environment()));
        return new BootstrapSettings(settings.environment(), settings.region(), settings.circleciOrgId(),
                settings.circleciProjectId(), settings.stateBucketName(), settings.noncurrentVersionDays(), buildsImages);
    }

    /** Validates a bootstrap stack's raw configuration alone (no golden image key). */
    static BootstrapSettings read(StackConfig stackConfig) {
        String source = displayName(stackConfig.fileName());
        Map<String, String> config = new LinkedHashMap<>();
        stackConfig.values().forEach((key, value) -> {
            if (value.secret()) {
                // The bootstrap has no secret; a {secure: ...} value means --secret by mistake.
                throw new InvalidSettingsException(List.of(source + (value.line() > 0 ? " line " + value.line() : "")
                        + ": " + key + " must be a plain value, not a secret (set it without --secret)"));
            }
            config.put(key, value.text());
        });
        return fromConfig(stackConfig.stack(), config, source);
    }

    private static String displayName(String fileName) {
        return "bootstrap/" + fileName;
    }

    /**
     * Validates configuration values (keys fully qualified, as in a stack file) for a stack.
     *
     * @param source what to name in messages, e.g. {@code bootstrap/Pulumi.staging.yaml}
     */
    static BootstrapSettings fromConfig(String stack, Map<String, String> config, String source) {
        List<String> problems = new ArrayList<>();
        if (!Environment.stackNames().contains(stack)) {
            problems.add(source + ": the stack is named '" + stack + "'; a bootstrap stack is named after "
                    + "the environment whose account it sets up: development, staging or production");
        }
        for (String key : config.keySet()) {
            if (key.startsWith(BootstrapProgram.PROJECT_NAME + ":") && !PROJECT_KEYS.contains(key)) {
                problems.add(source + ": unknown key " + key + "; the bootstrap reads only " + PROJECT_KEYS);
            }
        }
        String region = config.get(REGION_KEY);
        if (!SettingsReader.REGION.equals(region)) {
            problems.add(source + ": " + REGION_KEY + " is " + describe(region) + "; it must be " + SettingsReader.REGION
                    + " (set it with: pulumi -C bootstrap config set aws:region " + SettingsReader.REGION + " -s " + stack + ")");
        }
        String orgId = config.get(ORG_ID_KEY);
        check(problems, source, stack, ORG_ID_KEY, orgId, orgId != null && UUID.matcher(orgId).matches(),
                "a lower-case UUID: CircleCI, Organization Settings, Overview, Organization ID");
        String projectId = config.get(PROJECT_ID_KEY);
        check(problems, source, stack, PROJECT_ID_KEY, projectId,
                projectId != null && UUID.matcher(projectId).matches(),
                "a lower-case UUID: CircleCI, Project Settings, Overview, Project ID");
        String bucket = config.get(BUCKET_KEY);
        check(problems, source, stack, BUCKET_KEY, bucket, isValidBucketName(bucket),
                "3 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit"
                        + " (no dots; globally unique, e.g. dc-ee-pulumi-state-" + stack + ")");
        String days = config.get(NONCURRENT_DAYS_KEY);
        int noncurrentDays = days == null ? DEFAULT_NONCURRENT_VERSION_DAYS : parseDays(days);
        check(problems, source, stack, NONCURRENT_DAYS_KEY, days, noncurrentDays > 0,
                "a whole number of days from 1 to " + MAX_NONCURRENT_VERSION_DAYS + " (or unset for "
                        + DEFAULT_NONCURRENT_VERSION_DAYS + ")");
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new BootstrapSettings(stack, region, orgId, projectId, bucket, noncurrentDays, false);
    }

    /** The days, or 0 when the text is not a whole number in range. */
    private static int parseDays(String text) {
        if (!text.matches("\\d{1,4}")) {
            return 0;
        }
        int days = Integer.parseInt(text);
        return days <= MAX_NONCURRENT_VERSION_DAYS ? days : 0;
    }

    /** S3's naming rules as this project applies them (no dots). */
    public static boolean isValidBucketName(String name) {
        return name != null && BUCKET.matcher(name).matches() && !name.contains("--")
                && !name.startsWith("xn--") && !name.endsWith("-s3alias");
    }

    /** The tags every bootstrap resource carries, as the main program's resources do. */
    public Map<String, String> tags() {
        return StackTags.of(Environment.fromStackName(environment).orElseThrow());
    }

    private static void check(List<String> problems, String source, String stack, String key, String value,
            boolean valid, String allowed) {
        if (!valid) {
            String shortKey = key.substring(key.indexOf(':') + 1);
            problems.add(source + ": " + key + " is " + describe(value) + "; it must be " + allowed
                    + " (set it with: pulumi -C bootstrap config set " + shortKey + " <value> -s " + stack + ")");
        }
    }

    private static String describe(String value) {
        return value == null ? "not set" : "'" + value + "'";
    }
}
