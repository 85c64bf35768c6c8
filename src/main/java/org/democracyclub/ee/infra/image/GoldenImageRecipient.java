package org.democracyclub.ee.infra.image;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;
import org.democracyclub.ee.infra.names.Names;

/**
 * In an account that launches production's golden image (development, staging): the role
 * production's pipeline uses here to copy each image and write {@code /ee/golden-image/ami-id}.
 * Image Builder requires it under this exact name, trusting the source account, with the
 * AWS-managed {@code Ec2ImageBuilderCrossAccountDistributionAccess} policy and, for an encrypted
 * image, the KMS actions of the user guide's inline policy (EC2 Image Builder user guide, "Set
 * up cross-account AMI distribution", IAM policies, steps 1 to 4). The KMS actions are limited
 * to keys of the source account and of this one (the copy is re-encrypted with this account's
 * default EBS key). Writing the parameter here takes {@code ssm:PutParameter} on it and
 * {@code ec2:DescribeImages} (Systems Manager user guide, "Native parameter support for Amazon
 * Machine Image IDs"); that Image Builder writes it through this role is unconfirmed: the
 * user guide's SSM-parameter prerequisites name only the execution role.
 */
public final class GoldenImageRecipient extends ComponentResource {
    public static final String TYPE = "ee:image:GoldenImageRecipient";
    static final String MANAGED_POLICY_ARN = "arn:aws:iam::aws:policy/Ec2ImageBuilderCrossAccountDistributionAccess";
    static final List<String> KMS_ACTIONS = List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*",
            "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant");

    /**
     * Inputs of {@link GoldenImageRecipient}; the AWS provider comes in the component's options.
     *
     * @param region           the stack's region: the keys and the parameter the role may use are there
     * @param accountId        this (launch) account: the CI boundary the role carries, its own keys
     * @param sourceAccountId  the account whose pipeline copies images here (production's; the
     *                         stack's {@code goldenImageSourceAccountId}), the only one trusted
     * @param amiParameterName the SSM parameter the copy's AMI ID is written to ({@code Names.AMI_PARAMETER})
     */
    public record Args(String region, String accountId, String sourceAccountId, String amiParameterName) {
        public Args {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(sourceAccountId, "sourceAccountId");
            Objects.requireNonNull(amiParameterName, "amiParameterName");
        }
    }

    public GoldenImageRecipient(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String region = args.region();
        String accountId = args.accountId();
        String sourceAccountId = args.sourceAccountId();
        String amiParameterName = args.amiParameterName();
        var child = CustomResourceOptions.builder().parent(this).build();
        var role = new Role(ExecutionRolePolicy.CROSS_ACCOUNT_ROLE, RoleArgs.builder()
                .name(ExecutionRolePolicy.CROSS_ACCOUNT_ROLE)
                .description("Lets the golden image pipeline of account " + sourceAccountId + " copy its images here")
                .assumeRolePolicy(PolicyDocument.of(PolicyStatement.trustAccount(sourceAccountId)).toJson())
                // The CI role may create and change only roles with the bootstrap's boundary.
                .permissionsBoundary(Names.permissionsBoundaryArn(accountId))
                .build(), child);
        new RolePolicyAttachment(name + "-distribution", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(MANAGED_POLICY_ARN)
                .build(), child);
        new RolePolicy(name + "-keys-and-parameter", RolePolicyArgs.builder()
                .role(role.id())
                .policy(policy(region, accountId, sourceAccountId, amiParameterName))
                .build(), child);
        registerOutputs(Map.of("roleArn", role.arn()));
    }

    static String policy(String region, String accountId, String sourceAccountId, String amiParameterName) {
        return PolicyDocument.of(
                PolicyStatement.allow("ImageKeys").actions(KMS_ACTIONS)
                        .on("arn:aws:kms:" + region + ":" + sourceAccountId + ":key/*",
                                "arn:aws:kms:" + region + ":" + accountId + ":key/*"),
                PolicyStatement.allow("WriteAmiParameter").actions("ssm:PutParameter", "ssm:GetParameter")
                        .on(ExecutionRolePolicy.parameterArn(region, accountId, amiParameterName)),
                PolicyStatement.allow("DescribeImages").actions("ec2:DescribeImages").on("*"))
                .toJson();
    }
}
