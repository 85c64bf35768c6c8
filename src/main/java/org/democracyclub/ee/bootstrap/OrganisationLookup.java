package org.democracyclub.ee.bootstrap;

import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterPlainArgs;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.names.OrganisationArn;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;

/**
 * The organisation the golden image's key is shared with: the SSM parameter
 * {@code OrganisationID}, the same one the main program shares the image with, read before
 * anything is declared so a missing or bare value stops the bootstrap with what to set.
 */
final class OrganisationLookup {
    private OrganisationLookup() {
    }

    static OrganisationArn organisation() {
        String value;
        try {
            value = SsmFunctions.getParameterPlain(GetParameterPlainArgs.builder()
                    .name(Names.ORGANISATION_PARAMETER).build()).join().value();
        } catch (CompletionException e) {
            throw new InvalidSettingsException(List.of("SSM parameter " + Names.ORGANISATION_PARAMETER
                    + " cannot be read (" + rootMessage(e) + "): this account builds the golden image"
                    + " (buildGoldenImages in its stack file), whose key the bootstrap shares with the organisation;"
                    + " set it first: aws ssm put-parameter --region eu-west-2 --type String --name "
                    + Names.ORGANISATION_PARAMETER + " --value \"$(aws organizations describe-organization"
                    + " --query Organization.Arn --output text)\" (docs/deployment.md, \"New account set-up\")"));
        }
        try {
            return OrganisationArn.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(List.of(e.getMessage()));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
