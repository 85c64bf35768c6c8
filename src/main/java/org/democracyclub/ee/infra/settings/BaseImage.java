package org.democracyclub.ee.infra.settings;

import java.util.regex.Pattern;

/**
 * The image the golden image is built from (the organisation's DC base image), in one of the
 * three forms EC2 Image Builder accepts as a recipe's parent image.
 */
public sealed interface BaseImage permits BaseImage.AmiId, BaseImage.SsmParameter, BaseImage.ImageBuilderImage {

    /** What the recipe's {@code parentImage} receives. */
    String parentImage();

    /** A fixed AMI, e.g. {@code ami-0123456789abcdef0}. */
    record AmiId(String id) implements BaseImage {
        public String parentImage() {
            return id;
        }
    }

    /**
     * An SSM parameter holding the AMI ID, resolved by Image Builder when a build starts, so a
     * new base image is picked up without a code change.
     */
    record SsmParameter(String name) implements BaseImage {
        public String parentImage() {
            return "ssm:" + name;
        }
    }

    /** An Image Builder image, by version ({@code x.x.x} wildcards allowed) or build version. */
    record ImageBuilderImage(String arn) implements BaseImage {
        public String parentImage() {
            return arn;
        }
    }

    Pattern AMI = Pattern.compile("ami-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    // SSM parameter names: letters, digits, . - _ and / as the hierarchy separator.
    Pattern SSM = Pattern.compile("ssm:(/?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*)");
    // Wildcards must run to the right (1.x.x is valid, x.1.x is not); a build number only
    // follows a fully numeric version.
    Pattern IMAGE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:imagebuilder:[a-z]{2}(?:-[a-z]+)+-\\d:(?:\\d{12}|aws):image/[a-z0-9_-]+/"
                    + "(?:\\d+\\.\\d+\\.\\d+(?:/\\d+)?|\\d+\\.\\d+\\.x|\\d+\\.x\\.x|x\\.x\\.x)");

    String ACCEPTED_FORMS = "an AMI ID (ami- followed by 8 or 17 hex digits, e.g. ami-0123456789abcdef0), "
            + "an SSM parameter holding the AMI ID (ssm:/path/to/parameter), "
            + "or an Image Builder image ARN (arn:aws:imagebuilder:<region>:<account ID|aws>:image/<name>/<x.x.x>, "
            + "optionally followed by /<build number>)";

    /** Parses the settings value; the exception message names the bad value and the accepted forms. */
    static BaseImage parse(String value) {
        String v = value == null ? "" : value.strip();
        if (AMI.matcher(v).matches()) {
            return new AmiId(v);
        }
        var ssm = SSM.matcher(v);
        if (ssm.matches()) {
            return new SsmParameter(ssm.group(1));
        }
        if (IMAGE_ARN.matcher(v).matches()) {
            return new ImageBuilderImage(v);
        }
        throw new IllegalArgumentException(
                "base image '" + value + "' is not valid: expected " + ACCEPTED_FORMS);
    }
}
