package org.democracyclub.ee.infra.settings;

import java.util.regex.Pattern;

/**
 * The image the golden image is built from: the organisation's DC base image, in one of the two
 * forms the DC base image can take as a recipe's parent image.
 *
 * <p>DemocracyClub/dc_image_builder (read at commit b97884c, {@code stacks/dc_image_builder.py})
 * builds it in another account and shares the AMI with the organisation through the
 * distribution's {@code launchPermission}; it publishes no SSM parameter, so the old default
 * {@code ssm:/dc-base-image/ami-id} named nothing, and an {@code ssm:} parent would have to live
 * in this account anyway. The AMI ID is the form that works today; an Image Builder image ARN
 * (with a version filter) works once that account shares the Image Builder image itself.
 */
public sealed interface BaseImage permits BaseImage.AmiId, BaseImage.ImageBuilderImage {

    /** What the recipe's {@code parentImage} receives. */
    String parentImage();

    /** A fixed AMI, e.g. {@code ami-0123456789abcdef0}. */
    record AmiId(String id) implements BaseImage {
        public String parentImage() {
            return id;
        }
    }

    /** An Image Builder image, by version ({@code x.x.x} wildcards allowed) or build version. */
    record ImageBuilderImage(String arn) implements BaseImage {
        public String parentImage() {
            return arn;
        }
    }

    Pattern AMI = Pattern.compile("ami-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    // Wildcards must run to the right (1.x.x is valid, x.1.x is not); a build number only
    // follows a fully numeric version.
    Pattern IMAGE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:imagebuilder:[a-z]{2}(?:-[a-z]+)+-\\d:(?:\\d{12}|aws):image/[a-z0-9_-]+/"
                    + "(?:\\d+\\.\\d+\\.\\d+(?:/\\d+)?|\\d+\\.\\d+\\.x|\\d+\\.x\\.x|x\\.x\\.x)");

    String ACCEPTED_FORMS = "the DC base image's AMI ID as the organisation shares it (ami- followed by 8 or 17"
            + " hex digits, e.g. ami-0123456789abcdef0; list the shared ones with aws ec2 describe-images"
            + " --executable-users self --owners <DC base image account ID>), "
            + "or an Image Builder image ARN shared with this account (arn:aws:imagebuilder:<region>:<account ID|aws>:image/<name>/<x.x.x>, "
            + "optionally followed by /<build number>)";

    /** Parses the settings value; the exception message names the bad value and the accepted forms. */
    static BaseImage parse(String value) {
        String v = value == null ? "" : value.strip();
        if (AMI.matcher(v).matches()) {
            return new AmiId(v);
        }
        if (IMAGE_ARN.matcher(v).matches()) {
            return new ImageBuilderImage(v);
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("base image is not set (this stack builds golden images): set it to "
                    + ACCEPTED_FORMS);
        }
        String hint = v.startsWith("ssm:") ? " (nothing publishes the DC base image in SSM: take its AMI ID)" : "";
        throw new IllegalArgumentException(
                "base image '" + value + "' is not valid" + hint + ": expected " + ACCEPTED_FORMS);
    }
}
