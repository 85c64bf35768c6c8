package org.democracyclub.ee.bootstrap.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CiDeployPolicyTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-2";
    private static final String BUCKET = "dc-ee-pulumi-state-staging";
    private static final String KEY = "arn:aws:kms:eu-west-2:123456789012:key/0d6f5b5e-1111-4222-8333-944455556666";
    private static final PolicyScope SCOPE = new PolicyScope(ACCOUNT, REGION, BUCKET, KEY);
    private static final Map<String, String> DOCUMENTS = CiDeployPolicy.documents(SCOPE);
    private static final PolicyJson POLICY = new PolicyJson(DOCUMENTS);

    /** Prefixes of actions that read or list and change nothing. */
    private static final List<String> READ_ONLY_PREFIXES = List.of("Describe", "Get", "List");

    private static String iam(String resource) {
        return "arn:aws:iam::" + ACCOUNT + ":" + resource;
    }

    private static String regional(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    @Test
    void isSplitIntoNamedManagedPoliciesEachWithinIamsSizeLimit() {
        assertThat(DOCUMENTS.keySet()).containsExactlyElementsOf(CiDeployPolicy.policyNames())
                .allSatisfy(name -> assertThat(name).startsWith("circleci-ee-deploy-"));
        DOCUMENTS.forEach((name, json) -> assertThat(json.replaceAll("\\s", "").length())
                .as(name).isLessThanOrEqualTo(CiDeployPolicy.MAX_MANAGED_POLICY_CHARS));
    }

    @Test
    void noStatementGrantsEveryActionOfEveryServiceOrOfAService() {
        assertThat(POLICY.statements()).isNotEmpty().allSatisfy(s -> assertThat(s.actions())
                .as(s.sid()).noneMatch(a -> a.equals("*") || a.endsWith(":*")));
        assertThat(DOCUMENTS.values()).noneMatch(json -> json.contains("\"Action\":\"*\""));
    }

    @Test
    void everyActionOnAnyResourceOnlyReads() {
        List<PolicyJson.Statement> wildcardResource = POLICY.statements().stream()
                .filter(s -> s.resources().contains("*")).toList();
        assertThat(wildcardResource).isNotEmpty().allSatisfy(s -> assertThat(s.actions()).as(s.sid())
                .allMatch(a -> READ_ONLY_PREFIXES.stream().anyMatch(p -> a.substring(a.indexOf(':') + 1).startsWith(p))));
        assertThat(wildcardResource).allSatisfy(s -> assertThat(s.actions()).noneMatch(a -> a.startsWith("iam:")));
    }

    @Test
    void passRoleCoversOnlyTheRolesServicesNeed() {
        assertThat(POLICY.granting("iam:PassRole")).singleElement().satisfies(s -> assertThat(s.resources())
                .containsExactly(iam("role/CodeDeployEC2InstanceProfile"), iam("role/CodeDeployServiceRole"),
                        iam("role/ee-image-builder-instance")));
        assertThat(POLICY.allows("iam:PassRole", iam("role/ee-anything-else"))).isFalse();
        assertThat(POLICY.allows("iam:PassRole", iam("role/ee-image-builder-other"))).isFalse();
        assertThat(POLICY.allows("iam:PassRole", iam("role/OrganizationAccountAccessRole"))).isFalse();
    }

    @Test
    void ciCannotChangeItsOwnRoleOrPoliciesNorTheOidcProvider() {
        List<String> iamWrites = List.of("iam:CreateRole", "iam:DeleteRole", "iam:PutRolePolicy",
                "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:CreatePolicyVersion",
                "iam:DeletePolicy", "iam:DetachRolePolicy", "iam:UpdateOpenIDConnectProviderThumbprint",
                "iam:CreateOpenIDConnectProvider", "iam:CreateUser", "iam:CreateAccessKey");
        List<String> ownResources = List.of(iam("role/" + ManagedNames.CI_ROLE),
                iam("oidc-provider/oidc.circleci.com/org/x"), iam("user/CircleCIDeployer"));
        for (String action : iamWrites) {
            for (String resource : ownResources) {
                assertThat(POLICY.allows(action, resource)).as(action + " on " + resource).isFalse();
            }
            for (String policy : DOCUMENTS.keySet()) {
                assertThat(POLICY.allows(action, iam("policy/" + policy))).as(action + " on " + policy).isFalse();
            }
        }
    }

    @Test
    void onlyListedPoliciesMayBeAttachedToTheProgramsRoles() {
        PolicyJson.Statement attach = POLICY.granting("iam:AttachRolePolicy").get(0);
        assertThat(POLICY.granting("iam:AttachRolePolicy")).hasSize(1);
        List<String> allowed = PolicyJsonConditions.values(attach.condition(), "ArnEquals", "iam:PolicyARN");
        assertThat(allowed).contains("arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole", iam("policy/ee-*"))
                .doesNotContain("arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/IAMFullAccess")
                .noneMatch(arn -> arn.endsWith(":policy/*"));
    }

    @Test
    void theStateBucketAndSecretsKeyAreUsableButNotChangeable() {
        assertThat(POLICY.allows("s3:PutObject", "arn:aws:s3:::" + BUCKET + "/.pulumi/stacks/every-election/staging.json"))
                .isTrue();
        assertThat(POLICY.allows("s3:ListBucket", "arn:aws:s3:::" + BUCKET)).isTrue();
        assertThat(POLICY.allows("kms:Decrypt", KEY)).isTrue();
        for (String admin : List.of("s3:DeleteBucket", "s3:PutBucketPolicy", "s3:PutBucketVersioning",
                "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock", "s3:DeleteObjectVersion")) {
            assertThat(POLICY.allows(admin, "arn:aws:s3:::" + BUCKET)).as(admin).isFalse();
            assertThat(POLICY.allows(admin, "arn:aws:s3:::" + BUCKET + "/x")).as(admin).isFalse();
        }
        for (String admin : List.of("kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:DisableKey",
                "kms:CreateGrant", "kms:DisableKeyRotation")) {
            assertThat(POLICY.allows(admin, KEY)).as(admin).isFalse();
        }
        // Every S3 and KMS grant names exactly the state bucket or the key.
        Set<String> backend = Set.of("arn:aws:s3:::" + BUCKET, "arn:aws:s3:::" + BUCKET + "/*", KEY);
        POLICY.statements().stream()
                .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("s3:") || a.startsWith("kms:")))
                .forEach(s -> assertThat(backend).as(s.sid()).containsAll(s.resources()));
    }

    @Test
    void theDeployerCanRunADeploymentOfTheGroupAndCleanUpOnlyCodeDeployFleets() {
        String group = regional("codedeploy", "deploymentgroup:EECodeDeploy/EEDefaultDeploymentGroup");
        for (String action : List.of("codedeploy:CreateDeployment", "codedeploy:GetDeployment",
                "codedeploy:ListDeployments", "codedeploy:StopDeployment", "codedeploy:GetDeploymentGroup",
                "codedeploy:ListDeploymentTargets", "codedeploy:BatchGetDeploymentTargets")) {
            assertThat(POLICY.allows(action, group)).as(action).isTrue();
        }
        assertThat(POLICY.allows("codedeploy:GetApplicationRevision", regional("codedeploy", "application:EECodeDeploy")))
                .isTrue();
        assertThat(POLICY.allows("autoscaling:DescribeAutoScalingGroups", "*")).isTrue();
        String newFleet = regional("autoscaling",
                "autoScalingGroup:0b1c:autoScalingGroupName/CodeDeploy_EEDefaultDeploymentGroup_d-ABCDEF123");
        String fleet = regional("autoscaling", "autoScalingGroup:0b1c:autoScalingGroupName/ee-fleet");
        assertThat(POLICY.allows("autoscaling:UpdateAutoScalingGroup", fleet)).isTrue();
        assertThat(POLICY.allows("autoscaling:DeleteAutoScalingGroup", newFleet)).isTrue();
        assertThat(POLICY.allows("autoscaling:DeleteAutoScalingGroup",
                regional("autoscaling", "autoScalingGroup:0b1c:autoScalingGroupName/other-app"))).isFalse();
        assertThat(POLICY.allows("ssm:GetParameter", regional("ssm", "parameter/ee/deployer/stack-outputs"))).isTrue();
        assertThat(POLICY.allows("codedeploy:CreateDeployment",
                regional("codedeploy", "deploymentgroup:OtherApp/OtherGroup"))).isFalse();
    }

    @Test
    void theProgramCanManageItsNamedResourcesAndNotOthers() {
        assertThat(POLICY.allows("elasticloadbalancing:CreateTargetGroup",
                regional("elasticloadbalancing", "targetgroup/ee-alb-tg/0123456789abcdef"))).isTrue();
        assertThat(POLICY.allows("elasticloadbalancing:DeleteLoadBalancer",
                regional("elasticloadbalancing", "loadbalancer/app/ee-alb/0123456789abcdef"))).isTrue();
        assertThat(POLICY.allows("elasticloadbalancing:DeleteLoadBalancer",
                regional("elasticloadbalancing", "loadbalancer/app/other/0123456789abcdef"))).isFalse();
        assertThat(POLICY.allows("iam:CreateRole", iam("role/CodeDeployServiceRole"))).isTrue();
        assertThat(POLICY.allows("iam:CreateInstanceProfile", iam("instance-profile/CodeDeployEC2InstanceProfile")))
                .isTrue();
        assertThat(POLICY.allows("ssm:PutParameter", regional("ssm", "parameter/ee/ami-id"))).isTrue();
        assertThat(POLICY.allows("ssm:PutParameter", regional("ssm", "parameter/FQDN"))).isFalse();
        assertThat(POLICY.allows("ssm:GetParameter", regional("ssm", "parameter/SSL_CERTIFICATE_ARN"))).isTrue();
        assertThat(POLICY.allows("imagebuilder:CreateImageRecipe", regional("imagebuilder", "image-recipe/ee-app/1.0.0")))
                .isTrue();
        assertThat(POLICY.allows("cloudfront:CreateCachePolicy", "arn:aws:cloudfront::" + ACCOUNT + ":cache-policy/x"))
                .isTrue();
    }

    @Test
    void ec2ResourcesAreChangedOnlyWhenTaggedAsTheProducts() {
        List<PolicyJson.Statement> deletes = POLICY.granting("ec2:DeleteSecurityGroup");
        assertThat(deletes).singleElement().satisfies(s -> assertThat(
                PolicyJsonConditions.values(s.condition(), "StringEquals", "aws:ResourceTag/dc-product"))
                .containsExactly("ee"));
        assertThat(POLICY.granting("ec2:CreateLaunchTemplate")).singleElement().satisfies(s -> assertThat(
                PolicyJsonConditions.values(s.condition(), "StringEquals", "aws:RequestTag/dc-product"))
                .containsExactly("ee"));
    }

    @Test
    void dnsChangesAreLimitedToTheSitesAliasRecordTypes() {
        assertThat(POLICY.granting("route53:ChangeResourceRecordSets")).singleElement().satisfies(s -> assertThat(
                PolicyJsonConditions.values(s.condition(), "ForAllValues:StringEquals",
                        "route53:ChangeResourceRecordSetsRecordTypes")).containsExactly("A", "AAAA"));
    }

    @Test
    void everyArnBelongsToThisAccountAndRegionOrIsAwsOwned() {
        POLICY.statements().stream().flatMap(s -> s.resources().stream()).filter(r -> !r.equals("*")).forEach(arn -> {
            String[] parts = arn.split(":", 6);
            assertThat(parts[0] + ":" + parts[1]).as(arn).isEqualTo("arn:aws");
            assertThat(parts[3]).as(arn).isIn(REGION, "", "us-east-1");
            assertThat(parts[4]).as(arn).isIn(ACCOUNT, "", "aws", "*");
        });
    }
}
