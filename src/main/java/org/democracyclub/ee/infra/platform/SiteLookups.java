package org.democracyclub.ee.infra.platform;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.autoscaling.AutoscalingFunctions;
import com.pulumi.aws.autoscaling.inputs.GetAmiIdsPlainArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListPlainArgs;
import com.pulumi.aws.ec2.inputs.GetSubnetsFilter;
import com.pulumi.aws.ec2.inputs.GetSubnetsPlainArgs;
import com.pulumi.aws.ec2.inputs.GetVpcPlainArgs;
import com.pulumi.aws.kms.KmsFunctions;
import com.pulumi.aws.kms.inputs.GetAliasPlainArgs;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.inputs.GetZonePlainArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterPlainArgs;
import com.pulumi.aws.ssm.outputs.GetParameterResult;
import com.pulumi.deployment.InvokeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.names.OrganisationArn;
import org.democracyclub.ee.infra.settings.InvalidSettingsException;
import org.democracyclub.ee.infra.settings.StackSettings;

/**
 * Looks up everything the program needs from the account, and validates the values set by hand,
 * before any resource is declared: a wrong certificate region stops the program with nothing
 * half-created.
 */
public final class SiteLookups {
    /** The AWS-managed prefix list of CloudFront's origin-facing addresses. */
    public static final String CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";
    /** CloudFront accepts only ACM certificates from us-east-1, whatever the stack's region. */
    static final Pattern CLOUDFRONT_CERTIFICATE_ARN =
            Pattern.compile("arn:aws:acm:us-east-1:\\d{12}:certificate/[0-9a-f-]{36}");
    private static final Pattern ACM_ARN = Pattern.compile("arn:aws:acm:([a-z0-9-]+):\\d{12}:certificate/.+");
    private static final Pattern DOMAIN_NAME =
            Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /** The error code SSM answers for a parameter that does not exist (GetParameter API reference). */
    static final String PARAMETER_NOT_FOUND = "ParameterNotFound";

    private final InvokeOptions options;

    public SiteLookups(Provider provider) {
        this.options = new InvokeOptions(null, provider, null);
    }

    public SiteFacts lookUp(StackSettings settings) {
        List<String> problems = new ArrayList<>();
        String fqdn = parameter(Names.FQDN_PARAMETER);
        if (!DOMAIN_NAME.matcher(fqdn).matches()) {
            problems.add("SSM parameter " + Names.FQDN_PARAMETER + " is '" + fqdn
                    + "': not a lower-case domain name such as elections.democracyclub.org.uk");
        }
        Optional<String> certificate = optionalParameter(Names.CERTIFICATE_PARAMETER);
        certificate.flatMap(SiteLookups::certificateProblem).ifPresent(problems::add);
        String organisation = settings.goldenImages().isPresent() ? parameter(Names.ORGANISATION_PARAMETER) : "";
        if (!organisation.isEmpty()) {
            try {
                OrganisationArn.parse(organisation);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (settings.goldenImages().isPresent()) {
            GoldenImageKeyCheck.problem(() -> join(KmsFunctions.getAliasPlain(GetAliasPlainArgs.builder()
                    .name(Names.GOLDEN_IMAGE_KEY_ALIAS).build(), options)).targetKeyArn()).ifPresent(problems::add);
        }
        if (settings.amiOverride().isEmpty()) {
            AmiParameterCheck.problem(this::parameterResult).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        String vpcId = settings.vpcId().orElseGet(() -> join(Ec2Functions.getVpcPlain(
                GetVpcPlainArgs.builder().default_(true).build(), options)).id());
        List<GetSubnetsFilter> subnetFilters = new ArrayList<>(List.of(filter("vpc-id", vpcId)));
        if (settings.vpcId().isEmpty()) {
            // The default VPC has exactly one default subnet per availability zone.
            subnetFilters.add(filter("default-for-az", "true"));
        }
        List<String> subnets = join(Ec2Functions.getSubnetsPlain(
                GetSubnetsPlainArgs.builder().filters(subnetFilters).build(), options)).ids();
        String zoneId = join(Route53Functions.getZonePlain(
                GetZonePlainArgs.builder().name(fqdn).privateZone(false).build(), options)).zoneId();
        String prefixList = join(Ec2Functions.getManagedPrefixListPlain(
                GetManagedPrefixListPlainArgs.builder().name(CLOUDFRONT_PREFIX_LIST).build(), options)).id();
        // Without a filter, getAmiIds lists every Auto Scaling group of the region (it calls
        // DescribeAutoScalingGroups; terraform-provider-aws internal/service/autoscaling/groups_data_source.go):
        // ownership follows from the groups' names, never from a tag (docs/adr/0001).
        List<String> groups = join(AutoscalingFunctions.getAmiIdsPlain(GetAmiIdsPlainArgs.builder().build(),
                options)).names();
        String accountId = join(AwsFunctions.getCallerIdentityPlain(
                com.pulumi.aws.inputs.GetCallerIdentityPlainArgs.Empty, options)).accountId();
        return new SiteFacts(accountId, vpcId, List.copyOf(subnets), fqdn, certificate, zoneId, prefixList,
                organisation, LiveFleet.fromAccount(groups));
    }

    /** Why {@code arn} cannot serve CloudFront, if it cannot. */
    static Optional<String> certificateProblem(String arn) {
        if (CLOUDFRONT_CERTIFICATE_ARN.matcher(arn).matches()) {
            return Optional.empty();
        }
        var acm = ACM_ARN.matcher(arn);
        String why = acm.matches()
                ? "an ACM certificate in " + acm.group(1) + ", but CloudFront only accepts certificates from us-east-1"
                : "not an ACM certificate ARN";
        return Optional.of("SSM parameter " + Names.CERTIFICATE_PARAMETER + " is '" + arn + "': " + why
                + "; put the ARN of a certificate in us-east-1, arn:aws:acm:us-east-1:<account>:certificate/<id>, in the"
                + " parameter, or delete the parameter (aws ssm delete-parameter --name " + Names.CERTIFICATE_PARAMETER
                + ") and the program requests and validates one itself");
    }

    /**
     * A parameter that may be absent. The provider's {@code getParameter} fails when the
     * parameter does not exist, with AWS's {@code ParameterNotFound} error in its message; only
     * that failure means "not set", any other (access denied, throttling) still stops the program.
     */
    private Optional<String> optionalParameter(String name) {
        try {
            String value = parameter(name);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (String.valueOf(cause.getMessage()).contains(PARAMETER_NOT_FOUND)) {
                    return Optional.empty();
                }
            }
            throw e;
        }
    }

    private String parameter(String name) {
        return parameterResult(name).value().trim();
    }

    private GetParameterResult parameterResult(String name) {
        return join(SsmFunctions.getParameterPlain(GetParameterPlainArgs.builder().name(name).build(), options));
    }

    private static GetSubnetsFilter filter(String name, String value) {
        return GetSubnetsFilter.builder().name(name).values(value).build();
    }

    private static <T> T join(CompletableFuture<T> lookup) {
        try {
            return lookup.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
