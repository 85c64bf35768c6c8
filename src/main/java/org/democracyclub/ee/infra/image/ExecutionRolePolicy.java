package org.democracyclub.ee.infra.image;

import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The pipeline's execution role. Image Builder writes the AMI ID into an SSM parameter only
 * through the execution role given to the pipeline; its service-linked role may write only under
 * {@code /imagebuilder/} (EC2 Image Builder user guide, "AMI distribution prerequisites",
 * "Prerequisites for SSM output parameters": with one execution role per pipeline, the feature's
 * permissions are added to it). Writing a parameter of data type {@code aws:ec2:image} takes
 * {@code ssm:PutParameter} and {@code ec2:DescribeImages} (Systems Manager user guide, "Native
 * parameter support for Amazon Machine Image IDs"). The baseline of an execution role is the
 * AWS-managed {@code EC2ImageBuilderExecutionPolicy} (AWS managed policy reference).
 */
final class ExecutionRolePolicy {
    static final String MANAGED_POLICY_ARN = "arn:aws:iam::aws:policy/EC2ImageBuilderExecutionPolicy";
    /** The role Image Builder uses in each account it copies an image into (cross-account distribution). */
    static final String CROSS_ACCOUNT_ROLE = "EC2ImageBuilderDistributionCrossAccountRole";

    private ExecutionRolePolicy() {
    }

    /** Only Image Builder, acting for this account, may assume it (confused-deputy guard). */
    static String assumeRolePolicy(String accountId) {
        return PolicyDocument.of(PolicyStatement.trustServicesFor(accountId, "imagebuilder.amazonaws.com")).toJson();
    }

    static String document(String region, String accountId, String amiParameterName, List<String> launchAccounts) {
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                PolicyStatement.allow("WriteAmiParameter").actions("ssm:PutParameter", "ssm:GetParameter")
                        .on(parameterArn(region, accountId, amiParameterName)),
                PolicyStatement.allow("DescribeImages").actions("ec2:DescribeImages").on("*")));
        if (!launchAccounts.isEmpty()) {
            statements.add(PolicyStatement.allow("DistributeToLaunchAccounts").actions("sts:AssumeRole")
                    .on(launchAccounts.stream()
                            .map(account -> "arn:aws:iam::" + account + ":role/" + CROSS_ACCOUNT_ROLE).toList()));
        }
        return new PolicyDocument(statements).toJson();
    }

    static String parameterArn(String region, String accountId, String parameterName) {
        String path = parameterName.startsWith("/") ? parameterName : "/" + parameterName;
        return "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + path;
    }
}
