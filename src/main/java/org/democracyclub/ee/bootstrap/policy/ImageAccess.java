package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.OWN_PARAMETERS;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.SITE_PARAMETERS;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * The golden-image pipeline (Image Builder resources named {@code ee-*}) and the SSM parameters:
 * the program's own, by exact name (the AMI ID, the deployer's stack outputs, the values the
 * program derives for the app's {@code .env}), and the site parameters an administrator sets by
 * hand, which CI only reads. The application's own settings and secrets under {@code /ee/app/}
 * are not CI's to read or write.
 */
final class ImageAccess {
    private ImageAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        List<String> ownParameters = OWN_PARAMETERS.stream()
                .map(name -> scope.regional("ssm", "parameter" + name)).toList();
        return List.of(
                PolicyStatement.allow("ImageBuilderList")
                        .actions("imagebuilder:List*")
                        .on("*"),
                PolicyStatement.allow("ImageBuilderManageOwn")
                        .actions("imagebuilder:CreateComponent", "imagebuilder:DeleteComponent",
                                "imagebuilder:GetComponent", "imagebuilder:CreateImageRecipe",
                                "imagebuilder:DeleteImageRecipe", "imagebuilder:GetImageRecipe",
                                "imagebuilder:CreateInfrastructureConfiguration",
                                "imagebuilder:UpdateInfrastructureConfiguration",
                                "imagebuilder:DeleteInfrastructureConfiguration",
                                "imagebuilder:GetInfrastructureConfiguration",
                                "imagebuilder:CreateDistributionConfiguration",
                                "imagebuilder:UpdateDistributionConfiguration",
                                "imagebuilder:DeleteDistributionConfiguration",
                                "imagebuilder:GetDistributionConfiguration",
                                "imagebuilder:CreateImagePipeline", "imagebuilder:UpdateImagePipeline",
                                "imagebuilder:DeleteImagePipeline", "imagebuilder:GetImagePipeline",
                                "imagebuilder:StartImagePipelineExecution", "imagebuilder:GetImage",
                                "imagebuilder:DeleteImage", "imagebuilder:CreateWorkflow",
                                "imagebuilder:DeleteWorkflow", "imagebuilder:GetWorkflow",
                                "imagebuilder:TagResource", "imagebuilder:UntagResource")
                        .on(imageBuilder(scope, "component"), imageBuilder(scope, "image-recipe"),
                                imageBuilder(scope, "infrastructure-configuration"),
                                imageBuilder(scope, "distribution-configuration"),
                                imageBuilder(scope, "image-pipeline"), imageBuilder(scope, "image"),
                                imageBuilder(scope, "workflow/build"), imageBuilder(scope, "workflow/test"),
                                imageBuilder(scope, "workflow/distribution")),
                // Recipes build on AWS-owned components and on the DC base image shared from
                // another account; reading them changes nothing.
                PolicyStatement.allow("ImageBuilderReadShared")
                        .actions("imagebuilder:GetComponent", "imagebuilder:GetImage", "imagebuilder:GetWorkflow")
                        .on("arn:aws:imagebuilder:" + scope.region() + ":*:*"),
                PolicyStatement.allow("SsmDescribe")
                        .actions("ssm:DescribeParameters")
                        .on("*"),
                PolicyStatement.allow("SsmManageOwnParameters")
                        .actions("ssm:PutParameter", "ssm:DeleteParameter", "ssm:DeleteParameters",
                                "ssm:GetParameter", "ssm:GetParameters",
                                "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource",
                                "ssm:ListTagsForResource")
                        .on(ownParameters),
                PolicyStatement.allow("SsmReadSiteAndPublicParameters")
                        .actions("ssm:GetParameter", "ssm:GetParameters")
                        .on(SITE_PARAMETERS.stream()
                                .map(name -> scope.regional("ssm", "parameter/" + name))
                                .toList())
                        .on("arn:aws:ssm:" + scope.region() + "::parameter/aws/service/*"));
    }

    /** The site and public parameters the program reads: also what a preview reads. */
    static List<String> readableParameters(PolicyScope scope) {
        List<String> readable = new java.util.ArrayList<>(OWN_PARAMETERS.stream()
                .map(name -> scope.regional("ssm", "parameter" + name)).toList());
        SITE_PARAMETERS.forEach(name -> readable.add(scope.regional("ssm", "parameter/" + name)));
        readable.add("arn:aws:ssm:" + scope.region() + "::parameter/aws/service/*");
        return readable;
    }

    private static String imageBuilder(PolicyScope scope, String type) {
        return scope.regional("imagebuilder", type + "/" + PREFIX + "*");
    }
}
