package org.democracyclub.ee.infra.settings;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a stack's settings say about the golden image. Parsed and validated once, where the
 * program reads its configuration; values here are already checked.
 *
 * @param instanceType       EC2 instance type of the Image Builder build and test instances
 *                           (e.g. {@code t3a.large}); it does not affect the image's content.
 * @param baseImage          the parent image: the organisation's DC base image (see {@link BaseImage#parse}).
 * @param applicationGitRef  the EveryElection git ref (branch, tag or commit SHA) baked into the
 *                           image; a new value produces a new component and recipe version.
 * @param buildVolumeSizeGiB size of the image's root volume (gp3, encrypted), large enough for
 *                           the build: system packages, the checkout and the virtualenv.
 * @param applicationUser    the Linux user that owns and runs the application
 *                           ({@code every_election}; code lives in {@code /var/www/<user>/repo}).
 * @param schedule           when the pipeline builds: a six-field {@code cron(...)} ({@link BuildSchedule})
 * @param launchAccountIds   the other accounts that launch the image (development, staging): each
 *                           receives its own copy and its own {@code /ee/golden-image/ami-id}
 */
public record GoldenImageSettings(
        String instanceType,
        BaseImage baseImage,
        String applicationGitRef,
        int buildVolumeSizeGiB,
        String applicationUser,
        String schedule,
        java.util.List<String> launchAccountIds) {

    /** gp3 volumes are 1..16384 GiB; below 8 GiB an Ubuntu base image does not fit. */
    public static final int MIN_VOLUME_GIB = 8;
    public static final int MAX_VOLUME_GIB = 16384;

    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
    // The ref is pasted into a shell command on the build instance: allow only what git refs
    // and SHAs use, and never a leading '-' (it would be read as an option).
    private static final Pattern GIT_REF = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_./-]{0,199}");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    public GoldenImageSettings {
        Objects.requireNonNull(baseImage, "baseImage");
        require(instanceType != null && INSTANCE_TYPE.matcher(instanceType).matches(),
                "instance type '" + instanceType + "' is not an EC2 instance type such as t3a.large");
        require(applicationGitRef != null && GIT_REF.matcher(applicationGitRef).matches()
                        && !applicationGitRef.contains(".."),
                "application git ref '" + applicationGitRef
                        + "' is not a branch, tag or commit SHA (letters, digits, '.', '_', '-', '/'; not starting with '-')");
        require(buildVolumeSizeGiB >= MIN_VOLUME_GIB && buildVolumeSizeGiB <= MAX_VOLUME_GIB,
                "build volume size " + buildVolumeSizeGiB + " GiB is outside " + MIN_VOLUME_GIB + ".." + MAX_VOLUME_GIB);
        require(applicationUser != null && USER.matcher(applicationUser).matches(),
                "application user '" + applicationUser + "' is not a valid Linux user name");
        require(schedule != null && BuildSchedule.CRON.matcher(schedule).matches(),
                "schedule '" + schedule + "' is not " + BuildSchedule.RULE);
        launchAccountIds = java.util.List.copyOf(launchAccountIds);
    }

    /** The same settings with the default schedule and no other launch accounts. */
    public GoldenImageSettings(String instanceType, BaseImage baseImage, String applicationGitRef,
                               int buildVolumeSizeGiB, String applicationUser) {
        this(instanceType, baseImage, applicationGitRef, buildVolumeSizeGiB, applicationUser, BuildSchedule.DEFAULT,
                java.util.List.of());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
