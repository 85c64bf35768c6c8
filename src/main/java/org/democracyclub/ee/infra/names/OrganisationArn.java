package org.democracyclub.ee.infra.names;

import java.util.regex.Pattern;

/**
 * The ARN of the AWS organisation the golden image is shared with, read from the SSM parameter
 * {@code OrganisationID}. Image Builder's launch permission takes the ARN, not the bare
 * {@code o-...} ID, so a bare ID is refused with the value to put instead.
 */
public record OrganisationArn(String value) {

    /** The SSM parameter that holds the ARN. */
    public static final String PARAMETER_NAME = "OrganisationID";

    static final String EXPECTED_FORM =
            "arn:aws:organizations::<12-digit management account ID>:organization/o-<10 to 32 lowercase letters or digits>";

    private static final Pattern ARN =
            Pattern.compile("arn:aws:organizations::\\d{12}:organization/o-[a-z0-9]{10,32}");
    private static final Pattern BARE_ID = Pattern.compile("o-[a-z0-9]{10,32}");

    public OrganisationArn {
        if (value == null || !ARN.matcher(value).matches()) {
            throw new IllegalArgumentException(problem(value));
        }
    }

    public static OrganisationArn parse(String value) {
        return new OrganisationArn(value == null ? null : value.strip());
    }

    private static String problem(String value) {
        String prefix = "SSM parameter " + PARAMETER_NAME + " holds '" + value + "', which is not an organisation ARN; expected "
                + EXPECTED_FORM;
        if (value != null && BARE_ID.matcher(value).matches()) {
            return prefix + ". It holds the bare organisation ID: put the organisation's ARN instead, "
                    + "arn:aws:organizations::<management account ID>:organization/" + value
                    + " (shown by 'aws organizations describe-organization --query Organization.Arn')";
        }
        return prefix;
    }

    @Override
    public String toString() {
        return value;
    }
}
