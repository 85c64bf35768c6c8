package org.democracyclub.ee.bootstrap.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.democracyclub.ee.bootstrap.policy.IamEvaluator.Request;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;
import org.junit.jupiter.api.Test;

/**
 * The ways a deploy identity with IAM write access usually makes itself administrator, each
 * modelled as the requests it needs and decided by {@link IamEvaluator} over the CI deploy
 * policies (and, for what a role CI created could do, over the permissions boundary). Each path
 * must be cut at a step the attacker cannot avoid.
 */
class EscalationTest {
    private static final String ACCOUNT = "123456789012";
    private static final PolicyScope SCOPE = SarPolicyTest.SCOPE;
    private static final IamEvaluator CI = new IamEvaluator(CiDeployPolicy.documents(SCOPE).values());
    private static final IamEvaluator BOUNDARY = new IamEvaluator(List.of(BoundaryPolicy.document(SCOPE).toJson()));
    private static final IamEvaluator PREVIEW = new IamEvaluator(List.of(CiPreviewPolicy.document(SCOPE).toJson()));
    private static final String BOUNDARY_ARN = SCOPE.boundaryArn();
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String EVIL = iam("role/ee-evil");

    private static String iam(String resource) {
        return "arn:aws:iam::" + ACCOUNT + ":" + resource;
    }

    private static Request bounded(String action, String resource) {
        return Request.of(action, resource).with("iam:PermissionsBoundary", BOUNDARY_ARN);
    }

    @Test
    void aRoleWithoutTheBoundaryCannotBeCreatedNorOneWithAnotherBoundary() {
        assertThat(CI.allows(Request.of("iam:CreateRole", EVIL))).isFalse();
        assertThat(CI.allows(Request.of("iam:CreateRole", EVIL)
                .with("iam:PermissionsBoundary", iam("policy/ee-wide-open")))).isFalse();
        assertThat(CI.allows(bounded("iam:CreateRole", EVIL))).isTrue();
    }

    @Test
    void createRoleAndAttachAdministratorAccessIsCutAtTheAttachmentAndAtTheBoundary() {
        assertThat(CI.allows(bounded("iam:AttachRolePolicy", EVIL).with("iam:PolicyARN", ADMIN))).isFalse();
        // CI may write an ee-* policy with any content and attach it to a bounded role ...
        assertThat(CI.allows(Request.of("iam:CreatePolicy", iam("policy/ee-admin")))).isTrue();
        assertThat(CI.allows(bounded("iam:AttachRolePolicy", EVIL).with("iam:PolicyARN", iam("policy/ee-admin"))))
                .isTrue();
        // ... but the role can never do more than the boundary allows.
        for (Request admin : List.of(Request.of("iam:CreateUser", iam("user/evil")),
                Request.of("iam:AttachRolePolicy", iam("role/circleci-ee-deploy")),
                Request.of("iam:PutRolePolicy", EVIL), Request.of("iam:CreateAccessKey", iam("user/x")),
                Request.of("sts:AssumeRole", iam("role/OrganizationAccountAccessRole")),
                Request.of("organizations:LeaveOrganization", "*"),
                Request.of("s3:GetObject", "arn:aws:s3:::" + SCOPE.stateBucketName() + "/.pulumi/stacks/x.json"),
                Request.of("kms:Decrypt", SCOPE.secretsKeyArn()),
                Request.of("lambda:CreateFunction", "*"))) {
            assertThat(BOUNDARY.allows(admin)).as(admin.action() + " on " + admin.resource()).isFalse();
        }
        assertThat(BOUNDARY.allows(Request.of("ssm:GetParameter", "arn:aws:ssm:eu-west-2:" + ACCOUNT
                + ":parameter/ee/app/SECRET_KEY"))).as("the instances still read their settings").isTrue();
    }

    @Test
    void anInlinePolicyGoesOnlyOnABoundedRole() {
        assertThat(CI.allows(Request.of("iam:PutRolePolicy", EVIL))).isFalse();
        assertThat(CI.allows(Request.of("iam:PutRolePolicy", iam("role/CodeDeployServiceRole")))).isFalse();
        assertThat(CI.allows(bounded("iam:PutRolePolicy", iam("role/CodeDeployServiceRole")))).isTrue();
        assertThat(CI.allows(bounded("iam:PutRolePolicy", iam("role/circleci-ee-deploy")))).isFalse();
        assertThat(CI.allows(bounded("iam:PutRolePolicy", iam("role/OrganizationAccountAccessRole")))).isFalse();
    }

    @Test
    void theBootstrapsPoliciesAndTheBoundaryCannotBeRewritten() {
        for (String policy : List.of("policy/circleci-ee-deploy-identity", "policy/circleci-ee-boundary",
                "policy/circleci-ee-preview-read")) {
            for (String action : List.of("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
                    "iam:DeletePolicyVersion", "iam:DeletePolicy", "iam:TagPolicy")) {
                assertThat(CI.allows(Request.of(action, iam(policy)))).as(action + " " + policy).isFalse();
            }
        }
    }

    @Test
    void theBoundaryCannotBeRemovedOrSwapped() {
        assertThat(CI.decide(bounded("iam:DeleteRolePermissionsBoundary", EVIL)))
                .isEqualTo(IamEvaluator.Decision.EXPLICIT_DENY);
        assertThat(CI.allows(Request.of("iam:PutRolePermissionsBoundary", EVIL)
                .with("iam:PermissionsBoundary", iam("policy/ee-wide-open")))).isFalse();
        // Setting the boundary on a historical role is how it comes into CI's reach.
        assertThat(CI.allows(bounded("iam:PutRolePermissionsBoundary", iam("role/CodeDeployEC2InstanceProfile"))))
                .isTrue();
    }

    @Test
    void aRoleThatTrustsCiCannotBeAssumedByCi() {
        // CI may write a bounded role's trust policy; a trust policy naming CI would allow
        // sts:AssumeRole by itself in the same account, so only an explicit deny stops it.
        assertThat(CI.allows(bounded("iam:UpdateAssumeRolePolicy", EVIL))).isTrue();
        assertThat(CI.decide(Request.of("sts:AssumeRole", EVIL))).isEqualTo(IamEvaluator.Decision.EXPLICIT_DENY);
        assertThat(CI.decide(Request.of("sts:AssumeRole", iam("role/OrganizationAccountAccessRole"))))
                .isEqualTo(IamEvaluator.Decision.EXPLICIT_DENY);
        for (String own : List.of("role/circleci-ee-deploy", "role/circleci-ee-preview")) {
            assertThat(CI.allows(bounded("iam:UpdateAssumeRolePolicy", iam(own)))).as(own).isFalse();
        }
    }

    @Test
    void noRoleButTheProgramsGoesToAService() {
        for (String service : List.of("ec2.amazonaws.com", "lambda.amazonaws.com", "codedeploy.amazonaws.com",
                "imagebuilder.amazonaws.com", "scheduler.amazonaws.com", "ssm.amazonaws.com")) {
            assertThat(CI.allows(Request.of("iam:PassRole", EVIL).with("iam:PassedToService", service)))
                    .as(service).isFalse();
        }
        // A program role only to its own services: the instance role never to Lambda or SSM.
        assertThat(CI.allows(Request.of("iam:PassRole", iam("role/CodeDeployEC2InstanceProfile"))
                .with("iam:PassedToService", "ssm.amazonaws.com"))).isFalse();
        assertThat(CI.allows(Request.of("iam:PassRole", iam("role/ee-ops-automation"))
                .with("iam:PassedToService", "ec2.amazonaws.com"))).isFalse();
        assertThat(CI.allows(Request.of("iam:PassRole", iam("role/ee-ops-anything"))
                .with("iam:PassedToService", "scheduler.amazonaws.com"))).isFalse();
    }

    @Test
    void taggingDoesNotBringAForeignResourceIntoCisReach() {
        String foreignGroup = "arn:aws:ec2:eu-west-2:" + ACCOUNT + ":security-group/sg-0database";
        // Tagging an existing resource needs the tag already, or a create call of CI's own.
        assertThat(CI.allows(Request.of("ec2:CreateTags", foreignGroup).with("aws:RequestTag/dc-product", "ee")))
                .isFalse();
        assertThat(CI.allows(Request.of("ec2:AuthorizeSecurityGroupIngress", foreignGroup))).isFalse();
        assertThat(CI.allows(Request.of("ec2:CreateTags", foreignGroup).with("ec2:CreateAction", "CreateSecurityGroup")))
                .as("tags on create: the create itself needs the product tag").isTrue();
        assertThat(CI.allows(Request.of("ec2:CreateSecurityGroup", foreignGroup))).isFalse();
        String foreignKey = "arn:aws:kms:eu-west-2:" + ACCOUNT + ":key/other";
        assertThat(CI.allows(Request.of("kms:TagResource", foreignKey).with("aws:RequestTag/dc-product", "ee")))
                .isFalse();
        assertThat(CI.allows(Request.of("kms:PutKeyPolicy", foreignKey))).isFalse();
        assertThat(CI.allows(Request.of("kms:CreateKey", "*"))).as("an untagged key").isFalse();
    }

    @Test
    void thePreviewRoleChangesNothing() {
        for (Request write : List.of(bounded("iam:CreateRole", EVIL), Request.of("iam:PassRole", EVIL),
                Request.of("s3:PutObject", "arn:aws:s3:::" + SCOPE.stateBucketName() + "/.pulumi/locks/x.json"),
                Request.of("ssm:PutParameter", "arn:aws:ssm:eu-west-2:" + ACCOUNT + ":parameter/ee/app/FQDN"),
                Request.of("ssm:GetParameter", "arn:aws:ssm:eu-west-2:" + ACCOUNT + ":parameter/ee/app/SECRET_KEY"),
                Request.of("s3:GetObject", "arn:aws:s3:::ee-revisions-" + ACCOUNT + "-staging/revisions/x.zip"),
                Request.of("kms:Encrypt", SCOPE.secretsKeyArn()), Request.of("sts:AssumeRole", EVIL),
                Request.of("codedeploy:CreateDeployment", "*"), Request.of("ec2:RunInstances", "*"))) {
            assertThat(PREVIEW.allows(write)).as(write.action() + " on " + write.resource()).isFalse();
        }
        assertThat(PREVIEW.allows(Request.of("s3:GetObject",
                "arn:aws:s3:::" + SCOPE.stateBucketName() + "/.pulumi/stacks/every-election/staging.json"))).isTrue();
        assertThat(PREVIEW.allows(Request.of("kms:Decrypt", SCOPE.secretsKeyArn()))).isTrue();
        assertThat(PREVIEW.allows(Request.of("ec2:DescribeImages", "*"))).isTrue();
    }

    @Test
    void theEvaluatorFollowsIamsRulesForMissingKeysAndSetOperators() {
        IamEvaluator probe = new IamEvaluator(List.of(PolicyDocument.of(
                PolicyStatement.allow("Tagged").actions("ec2:CreateTags").on("*")
                        .when("StringEquals", "aws:ResourceTag/dc-product", "ee"),
                PolicyStatement.allow("Records").actions("route53:ChangeResourceRecordSets").on("*")
                        .when("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsRecordTypes", "A"),
                PolicyStatement.deny("NotOurs").actions("s3:*").on("*")
                        .when("StringNotLike", "aws:ResourceTag/team", "ee-*")).toJson()));
        assertThat(probe.allows(Request.of("ec2:CreateTags", "x"))).isFalse();
        assertThat(probe.allows(Request.of("ec2:createtags", "x").with("aws:resourcetag/dc-product", "ee"))).isTrue();
        assertThat(probe.allows(Request.of("route53:ChangeResourceRecordSets", "z")))
                .as("ForAllValues over a missing key holds").isTrue();
        assertThat(probe.allows(Request.of("route53:ChangeResourceRecordSets", "z")
                .with("route53:ChangeResourceRecordSetsRecordTypes", "A", "NS"))).isFalse();
        assertThat(probe.decide(Request.of("s3:GetObject", "b"))).as("a negated operator on a missing key holds")
                .isEqualTo(IamEvaluator.Decision.EXPLICIT_DENY);
        assertThat(probe.decide(Request.of("s3:GetObject", "b").with("aws:ResourceTag/team", "ee-web")))
                .isEqualTo(IamEvaluator.Decision.IMPLICIT_DENY);
    }
}
