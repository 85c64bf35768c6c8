package org.democracyclub.ee.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.program.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the web instances and the CodeDeploy service role may do, per stack: exactly the
 * application's own AWS calls (from each stack's settings), the SSM agent without a read of every
 * parameter, and, for the service role, the AMI parameter the copied fleets launch from.
 */
class InstanceAccessIT {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(OfflineRun run, String policyName) throws Exception {
        String json = (String) run.get(ROLE_POLICY, policyName).at("policy");
        return (List<Map<String, Object>>) new ObjectMapper().readValue(json, Map.class).get("Statement");
    }

    /** The resources each action of the policy is granted on. */
    private static Map<String, List<Object>> grants(List<Map<String, Object>> statements) {
        Map<String, List<Object>> byAction = new java.util.TreeMap<>();
        for (Map<String, Object> statement : statements) {
            @SuppressWarnings("unchecked") List<Object> actions = (List<Object>) statement.get("Action");
            @SuppressWarnings("unchecked") List<Object> resources = (List<Object>) statement.get("Resource");
            for (Object action : actions) {
                byAction.computeIfAbsent((String) action, a -> new java.util.ArrayList<>()).addAll(resources);
            }
        }
        return byAction;
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theInstanceRoleNoLongerCarriesAmazonSsmManagedInstanceCore(String stack) {
        assertThat(Stacks.run(stack).get(ROLE, "CodeDeployEC2InstanceProfile").at("managedPolicyArns"))
                .isEqualTo(List.of("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theSsmAgentKeepsWorkingButReadsOnlyTheAppsParameters(String stack) throws Exception {
        var byAction = grants(statements(Stacks.run(stack), "ee-iam-instance-access"));
        // Session Manager and Run Command (the operations jobs run through it).
        assertThat(byAction).containsEntry("ssm:UpdateInstanceInformation", List.of("*"))
                .containsEntry("ssmmessages:OpenDataChannel", List.of("*"))
                .containsEntry("ec2messages:GetMessages", List.of("*"))
                .containsEntry("ssm:ListInstanceAssociations", List.of("*"));
        String app = "arn:aws:ssm:eu-west-2:123456789012:parameter/ee/app";
        for (String read : List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath")) {
            assertThat(byAction.get(read)).as(read).containsExactly(app, app + "/*");
        }
    }

    @Test
    void productionMayUseExactlyTheAppsBucketsAndTheDefaultEventBus() throws Exception {
        var byAction = grants(statements(Stacks.run("production"), "ee-iam-instance-access"));
        assertThat(byAction.get("s3:PutObject")).containsExactlyInAnyOrder(
                "arn:aws:s3:::notice-of-election/*",
                "arn:aws:s3:::dc-ee-production-database-backups/every_election/*",
                "arn:aws:s3:::ee.data-cache.production/*");
        // The app's bucket, the CodeDeploy agent's own bucket, and the revision bundles the agent downloads.
        assertThat(byAction.get("s3:GetObject")).containsExactlyInAnyOrder(
                "arn:aws:s3:::notice-of-election/*", "arn:aws:s3:::aws-codedeploy-eu-west-2/*",
                "arn:aws:s3:::ee-revisions-123456789012-eu-west-2/revisions/*");
        assertThat(byAction.get("s3:GetObjectVersion"))
                .containsExactly("arn:aws:s3:::ee-revisions-123456789012-eu-west-2/revisions/*");
        assertThat(byAction.get("s3:DeleteObject")).containsExactly("arn:aws:s3:::notice-of-election/*");
        assertThat(byAction.get("s3:ListBucket")).containsExactly("arn:aws:s3:::notice-of-election");
        assertThat(byAction.get("events:PutEvents"))
                .containsExactly("arn:aws:events:eu-west-2:123456789012:event-bus/default");
        assertThat(byAction.keySet()).noneMatch(action -> action.endsWith("*") || action.equals("s3:*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void otherStacksWriteTheirOwnDataCacheAndNoBackups(String stack) throws Exception {
        var byAction = grants(statements(Stacks.run(stack), "ee-iam-instance-access"));
        assertThat(byAction.get("s3:PutObject")).containsExactlyInAnyOrder(
                "arn:aws:s3:::notice-of-election/*", "arn:aws:s3:::ee.data-cache." + stack + "/*");
        assertThat(byAction.get("events:PutEvents"))
                .containsExactly("arn:aws:events:eu-west-2:123456789012:event-bus/default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void theServiceRoleMayReadTheAmiParameterTheCopiedFleetsLaunchFrom(String stack) throws Exception {
        var byAction = grants(statements(Stacks.run(stack), "ee-iam-launch-template-fleet"));
        assertThat(byAction.get("ssm:GetParameters"))
                .containsExactly("arn:aws:ssm:eu-west-2:123456789012:parameter/ee/golden-image/ami-id");
        assertThat(byAction).containsKeys("ec2:RunInstances", "ec2:CreateTags", "iam:PassRole");
    }
}
