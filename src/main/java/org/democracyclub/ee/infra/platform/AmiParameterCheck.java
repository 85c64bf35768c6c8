package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.ssm.outputs.GetParameterResult;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.democracyclub.ee.infra.names.Names;

/**
 * The launch template's image is {@code resolve:ssm:} of {@link Names#AMI_PARAMETER}. EC2 accepts
 * such a template only when the parameter exists, holds an AMI ID and has the data type
 * {@code aws:ec2:image} (Amazon EC2 user guide, "Use a Systems Manager parameter instead of an
 * AMI ID"; the Auto Scaling user guide says the same for groups). In a new account nothing has
 * written it yet, so the program checks before it declares anything and says how to create it.
 *
 * <p>pulumi-aws 6.83.0's {@code aws:ssm/getParameter} returns the parameter's {@code type} and
 * {@code value} but not its {@code dataType} ({@code GetParameterResult}, checked with javap):
 * the check is that the parameter exists, is a plain {@code String} and holds an AMI ID; the data
 * type itself is set by the command this message prints, and by Image Builder's distribution.
 */
final class AmiParameterCheck {
    static final Pattern AMI_ID = Pattern.compile("ami-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    private AmiParameterCheck() {
    }

    /** How to create the parameter, in the messages. */
    static String howToCreate() {
        return "create it once (first run in a new account) with: aws ssm put-parameter --name " + Names.AMI_PARAMETER
                + " --type String --data-type aws:ec2:image --value <AMI ID> (the newest golden image, or the DC base"
                + " image until the first golden image exists; production's image pipeline overwrites it with each"
                + " new image, docs/golden-images.md), or set amiId in the stack file";
    }

    /** Why the parameter cannot serve the launch template, if it cannot. */
    static Optional<String> problem(Function<String, GetParameterResult> lookup) {
        GetParameterResult parameter;
        try {
            parameter = lookup.apply(Names.AMI_PARAMETER);
        } catch (RuntimeException e) {
            return Optional.of("SSM parameter " + Names.AMI_PARAMETER + " cannot be read (" + e.getMessage()
                    + "): the launch template resolves its image from it; " + howToCreate());
        }
        String value = parameter.value() == null ? "" : parameter.value().trim();
        if (!"String".equals(parameter.type()) || !AMI_ID.matcher(value).matches()) {
            return Optional.of("SSM parameter " + Names.AMI_PARAMETER + " is a " + parameter.type() + " holding '"
                    + value + "': the launch template needs a String parameter of data type aws:ec2:image holding an"
                    + " AMI ID (ami-...); delete it and " + howToCreate());
        }
        return Optional.empty();
    }
}
