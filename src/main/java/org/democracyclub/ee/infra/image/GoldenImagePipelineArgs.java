package org.democracyclub.ee.infra.image;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Objects;
import org.democracyclub.ee.infra.names.OrganisationArn;
import org.democracyclub.ee.infra.settings.GoldenImageSettings;

/**
 * Inputs of {@link GoldenImagePipeline}. The AWS provider is not here: pass it in the
 * component's options ({@code ComponentResourceOptions.builder().providers(...)}); children are
 * parented to the component and inherit it.
 *
 * @param environment      the stack's environment ({@code production}); used in descriptions
 * @param region           the stack's region; the image is distributed there
 * @param accountId        the account the pipeline runs in; the build role reads its app parameters
 * @param settings         the validated golden image settings
 * @param documents        the validated component documents, in recipe order
 *                         ({@link ComponentDocuments#load()})
 * @param organisationArn  the value of the SSM parameter {@code OrganisationID}; checked with
 *                         {@link OrganisationArn#parse} before use, so a bare {@code o-...} fails
 * @param amiParameterName the SSM parameter the distribution writes each new AMI ID into (data
 *                         type {@code aws:ec2:image}); the launch template resolves it
 * @param vpcId            the VPC the build and test instances run in
 * @param subnetId         the subnet the build and test instances run in (the infrastructure
 *                         configuration names it, with the pipeline's own security group)
 */
public record GoldenImagePipelineArgs(
        String environment,
        String region,
        String accountId,
        GoldenImageSettings settings,
        List<ComponentDocument> documents,
        Output<String> organisationArn,
        String amiParameterName,
        String vpcId,
        String subnetId) {

    public GoldenImagePipelineArgs {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(organisationArn, "organisationArn");
        Objects.requireNonNull(amiParameterName, "amiParameterName");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(subnetId, "subnetId");
        documents = List.copyOf(documents);
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("a golden image needs at least one component document");
        }
        if (!amiParameterName.matches("/?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")) {
            throw new IllegalArgumentException("AMI parameter name '" + amiParameterName + "' is not an SSM parameter name");
        }
    }
}
