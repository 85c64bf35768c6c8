package org.democracyclub.ee.bootstrap.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiDeployPolicyTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-2";
    private static final String BUCKET = "dc-ee-pulumi-state-staging";
    private static final String KEY = "arn:aws:kms:eu-west-2:123456789012:key/0d6f5b5e-1111-4222-8333-944455556666";
    private static final PolicyScope SCOPE = new PolicyScope(ACCOUNT, REGION, BUCKET, KEY);
    private static final Map<String, String> DOCUMENTS = CiDeployPolicy.documents(SCOPE);
    private static final PolicyJson POLICY = new PolicyJson(DOCUMENTS);
    /** The same documents with their conditions and denies, as IAM evaluates them. */
    private static final IamEvaluator IAM = new IamEvaluator(DOCUMENTS.values());
    private static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/circleci-ee-boundary";

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
        assertThat(DOCUMENTS).hasSizeLessThanOrEqualTo(CiDeployPolicy.MAX_POLICIES_PER_ROLE);
    }

    @Test
    void noStatementGrantsEveryActionOfEveryServiceOrOfAService() {
        assertThat(POLICY.statements()).isNotEmpty().allSatisfy(s -> assertThat(s.actions())
                .as(s.sid()).noneMatch(a -> a.equals("*") || a.endsWith(":*")));
        assertThat(DOCUMENTS.values()).noneMatch(json -> json.contains("\"Action\":\"*\""));
    }

    @Test
    void everyActionAllowedOnAnyResourceOnlyReadsOrSupportsNoNarrowerResource() {
        List<PolicyJson.Statement> wildcardResource = POLICY.statements().stream()
                .filter(s -> s.effect().equals("Allow") && s.resources().contains("*")).toList();
        assertThat(wildcardResource).isNotEmpty().allSatisfy(s -> assertThat(s.actions()).as(s.sid())
                .allMatch(a -> READ_ONLY_PREFIXES.stream().anyMatch(p -> a.substring(a.indexOf(':') + 1).startsWith(p))
                        || Sar.DATA.action(a).map(Sar.Action::onlyStar).orElse(false)));
        assertThat(wildcardResource).allSatisfy(s -> assertThat(s.actions()).noneMatch(a -> a.startsWith("iam:")));
    }

    @Test
    void passRoleCoversOnlyTheRolesServicesNeedAndOnlyTowardsThoseServices() {
        IamEvaluator.Request pass = IamEvaluator.Request.of("iam:PassRole", iam("role/CodeDeployEC2InstanceProfile"));
        assertThat(IAM.allows(pass.with("iam:PassedToService", "ec2.amazonaws.com"))).isTrue();
        assertThat(IAM.allows(pass.with("iam:PassedToService", "lambda.amazonaws.com"))).isFalse();
        // Adding the role to its instance profile checks PassRole with no service named.
        assertThat(IAM.allows(pass)).isTrue();
        assertThat(IAM.allows(IamEvaluator.Request.of("iam:PassRole", iam("role/CodeDeployServiceRole")))).isFalse();
        assertThat(IAM.allows(IamEvaluator.Request.of("iam:PassRole", iam("role/CodeDeployServiceRole"))
                .with("iam:PassedToService", "codedeploy.amazonaws.com"))).isTrue();
        assertThat(IAM.allows(IamEvaluator.Request.of("iam:PassRole", iam("role/ee-image-builder-execution"))
                .with("iam:PassedToService", "imagebuilder.amazonaws.com"))).isTrue();
        assertThat(IAM.allows(IamEvaluator.Request.of("iam:PassRole", iam("role/ee-ops-scheduler"))
                .with("iam:PassedToService", "scheduler.amazonaws.com"))).isTrue();
        for (String other : List.of("role/ee-anything-else", "role/ee-image-builder-other",
                "role/OrganizationAccountAccessRole", "role/circleci-ee-deploy")) {
            for (String service : List.of("ec2.amazonaws.com", "imagebuilder.amazonaws.com", "scheduler.amazonaws.com")) {
                assertThat(IAM.allows(IamEvaluator.Request.of("iam:PassRole", iam(other))
                        .with("iam:PassedToService", service))).as(other + " to " + service).isFalse();
            }
        }
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
        assertThat(IAM.allows(IamEvaluator.Request.of("s3:PutObject",
                "arn:aws:s3:::" + BUCKET + "/.pulumi/stacks/every-election/staging.json"))).isTrue();
        assertThat(IAM.allows(IamEvaluator.Request.of("s3:ListBucket", "arn:aws:s3:::" + BUCKET))).isTrue();
        assertThat(IAM.allows(IamEvaluator.Request.of("kms:Decrypt", KEY))).isTrue();
        for (String admin : List.of("s3:DeleteBucket", "s3:PutBucketPolicy", "s3:PutBucketVersioning",
                "s3:PutEncryptionConfiguration", "s3:PutBucketPublicAccessBlock", "s3:DeleteObjectVersion",
                "s3:PutLifecycleConfiguration")) {
            assertThat(IAM.allows(IamEvaluator.Request.of(admin, "arn:aws:s3:::" + BUCKET))).as(admin).isFalse();
            assertThat(IAM.allows(IamEvaluator.Request.of(admin, "arn:aws:s3:::" + BUCKET + "/x"))).as(admin).isFalse();
        }
        // The secrets key carries the product tag like the image key: denied by name, whatever is allowed later.
        for (String admin : List.of("kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:DisableKey",
                "kms:CreateGrant", "kms:DisableKeyRotation", "kms:UntagResource")) {
            assertThat(IAM.decide(IamEvaluator.Request.of(admin, KEY).with("aws:ResourceTag/dc-product", "ee")))
                    .as(admin).isNotEqualTo(IamEvaluator.Decision.ALLOW);
        }
        assertThat(IAM.allows(IamEvaluator.Request.of("kms:DeleteAlias",
                regional("kms", "alias/ee-pulumi-secrets")))).isFalse();
        // The image key is the bootstrap's (GoldenImageKey): CI only describes it, for the program's look-up.
        assertThat(IAM.allows(IamEvaluator.Request.of("kms:DescribeKey", regional("kms", "key/ami"))
                .with("aws:ResourceTag/dc-product", "ee"))).isTrue();
        for (String admin : List.of("kms:CreateKey", "kms:PutKeyPolicy", "kms:TagResource", "kms:ScheduleKeyDeletion")) {
            assertThat(IAM.allows(IamEvaluator.Request.of(admin, regional("kms", "key/ami"))
                    .with("aws:ResourceTag/dc-product", "ee"))).as(admin).isFalse();
        }
        assertThat(IAM.allows(IamEvaluator.Request.of("kms:CreateAlias", regional("kms", "alias/ee-golden-image"))))
                .isFalse();
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
        assertThat(IAM.allows(IamEvaluator.Request.of("iam:CreateRole", iam("role/CodeDeployServiceRole"))
                .with("iam:PermissionsBoundary", BOUNDARY))).isTrue();
        assertThat(POLICY.allows("iam:CreateInstanceProfile", iam("instance-profile/CodeDeployEC2InstanceProfile")))
                .isTrue();
        assertThat(POLICY.allows("ssm:PutParameter", regional("ssm", "parameter/ee/golden-image/ami-id"))).isTrue();
        assertThat(POLICY.allows("ssm:PutParameter", regional("ssm", "parameter/ee/app/FQDN"))).isTrue();
        assertThat(POLICY.allows("ssm:PutParameter", regional("ssm", "parameter/FQDN"))).isFalse();
        // The application's own settings and secrets are not CI's.
        for (String action : List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:PutParameter")) {
            assertThat(POLICY.allows(action, regional("ssm", "parameter/ee/app/SECRET_KEY"))).as(action).isFalse();
            assertThat(POLICY.allows(action, regional("ssm", "parameter/ee/app/DATABASE_PASSWORD"))).as(action).isFalse();
        }
        assertThat(POLICY.allows("ssm:GetParameter", regional("ssm", "parameter/SSL_CERTIFICATE_ARN"))).isTrue();
        assertThat(POLICY.allows("imagebuilder:CreateImageRecipe", regional("imagebuilder", "image-recipe/ee-app/1.0.0")))
                .isTrue();
        assertThat(POLICY.allows("cloudfront:CreateCachePolicy", "*")).isTrue();
        assertThat(POLICY.allows("cloudfront:CreateDistribution", "*")).isTrue();
        assertThat(POLICY.allows("s3:PutObject", "arn:aws:s3:::ee-revisions-" + ACCOUNT + "-staging/revisions/x.zip"))
                .isTrue();
        assertThat(POLICY.allows("s3:PutObject", "arn:aws:s3:::someone-elses-bucket/x")).isFalse();
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
    void dnsChangesAreLimitedToAliasRecordsAndCertificateValidationRecords() {
        String zone = "arn:aws:route53:::hostedzone/Z123";
        IamEvaluator.Request change = IamEvaluator.Request.of("route53:ChangeResourceRecordSets", zone);
        assertThat(IAM.allows(change.with("route53:ChangeResourceRecordSetsRecordTypes", "A", "AAAA")
                .with("route53:ChangeResourceRecordSetsNormalizedRecordNames", "elections.example.org"))).isTrue();
        assertThat(IAM.allows(change.with("route53:ChangeResourceRecordSetsRecordTypes", "CNAME")
                .with("route53:ChangeResourceRecordSetsNormalizedRecordNames", "_3b2f.elections.example.org")))
                .isTrue();
        assertThat(IAM.allows(change.with("route53:ChangeResourceRecordSetsRecordTypes", "CNAME")
                .with("route53:ChangeResourceRecordSetsNormalizedRecordNames", "www.example.org"))).isFalse();
        for (String type : List.of("NS", "MX", "TXT")) {
            assertThat(IAM.allows(change.with("route53:ChangeResourceRecordSetsRecordTypes", type)
                    .with("route53:ChangeResourceRecordSetsNormalizedRecordNames", "_x.example.org"))).as(type).isFalse();
        }
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
