package org.democracyclub.ee.infra.platform;

import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.infra.settings.AppAccess;

/**
 * The web instances' own inline policy, built from data: the application's SSM parameters, the
 * SSM agent (Session Manager and Run Command, through which the operations jobs run), the
 * CodeDeploy agent's bucket, and what the application itself calls in AWS.
 */
final class InstancePolicy {

    /**
     * {@code AmazonSSMManagedInstanceCore} (v2, 2019-05-23) without {@code ssm:GetParameter} and
     * {@code ssm:GetParameters}, which it grants on every parameter of the account: the agent
     * registers and reports with these ({@code ssm:UpdateInstanceInformation}, the association
     * and inventory calls), receives Run Command messages ({@code ec2messages:*}) and opens
     * Session Manager channels ({@code ssmmessages:*}). None of these actions supports a
     * narrower resource than the instance itself, so they stay on {@code *} as in the managed policy.
     */
    static final List<String> SSM_AGENT_ACTIONS = List.of(
            "ssm:DescribeAssociation", "ssm:GetDeployablePatchSnapshotForInstance", "ssm:GetDocument",
            "ssm:DescribeDocument", "ssm:GetManifest", "ssm:ListAssociations", "ssm:ListInstanceAssociations",
            "ssm:PutInventory", "ssm:PutComplianceItems", "ssm:PutConfigurePackageResult",
            "ssm:UpdateAssociationStatus", "ssm:UpdateInstanceAssociationStatus", "ssm:UpdateInstanceInformation");
    static final List<String> SSM_MESSAGES_ACTIONS = List.of(
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");
    static final List<String> EC2_MESSAGES_ACTIONS = List.of(
            "ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage", "ec2messages:FailMessage",
            "ec2messages:GetEndpoint", "ec2messages:GetMessages", "ec2messages:SendReply");

    /** django-storages reads, writes, deletes and lists objects; {@code HeadObject} is authorised as GetObject. */
    static final List<String> READ_WRITE = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
    static final List<String> WRITE = List.of("s3:PutObject");
    static final String LIST = "s3:ListBucket";

    private InstancePolicy() {
    }

    static String document(String region, String accountId, AppAccess access) {
        PolicyDocument policy = Roles.appParametersPolicy(region, accountId)
                .allow(SSM_AGENT_ACTIONS, List.of("*"))
                .allow(SSM_MESSAGES_ACTIONS, List.of("*"))
                .allow(EC2_MESSAGES_ACTIONS, List.of("*"))
                .allow(List.of("s3:GetObject"), List.of("arn:aws:s3:::aws-codedeploy-" + region + "/*"))
                // The agent downloads the bundle version the deployment names (GetObject with a
                // versionId is authorised as s3:GetObjectVersion: Service Authorization Reference).
                .allow(List.of("s3:GetObject", "s3:GetObjectVersion"), List.of(RevisionStore.objectsArn(accountId, region)));
        appCalls(policy, region, accountId, access);
        return policy.toJson();
    }

    /** Exactly what the application calls (its fact sheet), per environment. */
    static void appCalls(PolicyDocument policy, String region, String accountId, AppAccess access) {
        List<String> readWrite = new ArrayList<>();
        access.noticeOfElectionBucket().ifPresent(readWrite::add);
        access.boundaryReviewBucket().ifPresent(readWrite::add);
        access.publicDataBucket().ifPresent(readWrite::add);
        if (!readWrite.isEmpty()) {
            policy.allow(READ_WRITE, readWrite.stream().map(b -> "arn:aws:s3:::" + b + "/*").toList());
            policy.allow(List.of(LIST), readWrite.stream().map(b -> "arn:aws:s3:::" + b).toList());
        }
        access.databaseBackupBucket().ifPresent(bucket -> policy.allow(WRITE,
                List.of("arn:aws:s3:::" + bucket + "/" + AppAccess.BACKUP_PREFIX + "*")));
        access.dataCacheBucket().ifPresent(bucket -> policy.allow(WRITE, List.of("arn:aws:s3:::" + bucket + "/*")));
        // Sent when an election is saved or an ID is created; a denial is a 500 for the editor.
        policy.allow(List.of("events:PutEvents"),
                List.of("arn:aws:events:" + region + ":" + accountId + ":event-bus/default"));
    }
}
