package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PASSABLE_ROLES;

import java.util.List;
import org.democracyclub.ee.bootstrap.StateBackend;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The permissions boundary of every role CI creates: the most any such role may ever do, whatever
 * policy CI attaches to it. It allows the services the program's workloads use (the instances,
 * CodeDeploy, Image Builder, the operations jobs) and no IAM or STS beyond passing the program's
 * own roles, so a role CI makes can never create, widen or become another identity; and it keeps
 * every such role away from the Pulumi state and its key.
 */
public final class BoundaryPolicy {
    /**
     * Whole services the workloads need (the AWS-managed policies the program attaches draw on
     * these, see ManagedNames.ATTACHABLE_AWS_POLICIES): the cap, not the grant; each role's own
     * policies say what it really gets.
     */
    static final List<String> WORKLOAD_SERVICES = List.of("autoscaling", "cloudwatch", "codedeploy",
            "codedeploy-commands-secure", "ec2", "ec2messages", "elasticloadbalancing", "events", "imagebuilder",
            "kms", "logs", "s3", "sns", "ssm", "ssmmessages", "xray");

    private BoundaryPolicy() {
    }

    public static PolicyDocument document(PolicyScope scope) {
        String bucket = "arn:aws:s3:::" + scope.stateBucketName();
        return PolicyDocument.of(
                PolicyStatement.allow("WorkloadServices")
                        .actions(WORKLOAD_SERVICES.stream().map(service -> service + ":*").toArray(String[]::new))
                        .actions("tag:GetResources", "sts:GetCallerIdentity")
                        .on("*"),
                // CodeDeploy's blue/green copy and SSM Automation hand the program's roles on.
                PolicyStatement.allow("PassProgramRoles")
                        .actions("iam:PassRole", "iam:GetRole")
                        .on(PASSABLE_ROLES.keySet().stream().map(role -> scope.global("iam", "role/" + role)).toList()),
                PolicyStatement.allow("ServiceLinkedRoles")
                        .actions("iam:CreateServiceLinkedRole")
                        .on(scope.global("iam", "role/aws-service-role/*"))
                        .when("StringEquals", "iam:AWSServiceName", "autoscaling.amazonaws.com",
                                "imagebuilder.amazonaws.com"),
                PolicyStatement.deny("NoPulumiState")
                        .actions("s3:*")
                        .on(bucket, bucket + "/*"),
                PolicyStatement.deny("NoPulumiSecretsKey")
                        .actions("kms:*")
                        .on(scope.secretsKeyArn(), scope.regional("kms", StateBackend.SECRETS_KEY_ALIAS)));
    }
}
