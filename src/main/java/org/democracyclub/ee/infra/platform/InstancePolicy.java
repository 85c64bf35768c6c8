package org.democracyclub.ee.infra.platform;

import java.util.ArrayList;
import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;
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
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                Roles.appParametersStatement(region, accountId),
                PolicyStatement.allow("SsmAgent").actions(SSM_AGENT_ACTIONS).on("*"),
                PolicyStatement.allow("SsmSessionChannels").actions(SSM_MESSAGES_ACTIONS).on("*"),
                PolicyStatement.allow("RunCommandMessages").actions(EC2_MESSAGES_ACTIONS).on("*"),
                PolicyStatement.allow("CodeDeployAgentFiles").actions("s3:GetObject")
                        .on("arn:aws:s3:::aws-codedeploy-" + region + "/*"),
                // The agent downloads the bundle version the deployment names (GetObject with a
                // versionId is authorised as s3:GetObjectVersion: Service Authorization Reference).
                PolicyStatement.allow("DeploymentRevisions").actions("s3:GetObject", "s3:GetObjectVersion")
                        .on(RevisionStore.objectsArn(accountId, region))));
        statements.addAll(appCalls(region, accountId, access));
        return new PolicyDocument(statements).toJson();
    }

    /** Exactly what the application calls (its fact sheet), per environment. */
    static List<PolicyStatement> appCalls(String region, String accountId, AppAccess access) {
        List<PolicyStatement> statements = new ArrayList<>();
        List<String> readWrite = new ArrayList<>();
        access.noticeOfElectionBucket().ifPresent(readWrite::add);
        access.boundaryReviewBucket().ifPresent(readWrite::add);
        access.publicDataBucket().ifPresent(readWrite::add);
        if (!readWrite.isEmpty()) {
            statements.add(PolicyStatement.allow("AppBucketObjects").actions(READ_WRITE)
                    .on(readWrite.stream().map(b -> "arn:aws:s3:::" + b + "/*").toList()));
            statements.add(PolicyStatement.allow("AppBucketListing").actions(LIST)
                    .on(readWrite.stream().map(b -> "arn:aws:s3:::" + b).toList()));
        }
        access.databaseBackupBucket().ifPresent(bucket -> statements.add(PolicyStatement.allow("DatabaseBackups")
                .actions(WRITE).on("arn:aws:s3:::" + bucket + "/" + AppAccess.BACKUP_PREFIX + "*")));
        access.dataCacheBucket().ifPresent(bucket -> statements.add(PolicyStatement.allow("DataCache")
                .actions(WRITE).on("arn:aws:s3:::" + bucket + "/*")));
        // Sent when an election is saved or an ID is created; a denial is a 500 for the editor.
        statements.add(PolicyStatement.allow("ApplicationEvents").actions("events:PutEvents")
                .on("arn:aws:events:" + region + ":" + accountId + ":event-bus/default"));
        return statements;
    }
}
