package org.democracyclub.ee.bootstrap.policy;

import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PARAMETER_PATH;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.PREFIX;
import static org.democracyclub.ee.bootstrap.policy.ManagedNames.SITE_PARAMETERS;

import java.util.List;

/**
 * The golden-image pipeline (Image Builder resources named {@code ee-*}) and the SSM parameters:
 * the program's own under {@code /ee/} (the AMI ID, the deployer's stack outputs), and the site
 * parameters an administrator sets by hand, which CI only reads.
 */
final class ImageAccess {
    private ImageAccess() {
    }

    static List<PolicyStatement> statements(PolicyScope scope) {
        String ownParameters = scope.regional("ssm", "parameter" + PARAMETER_PATH + "*");
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
                                "imagebuilder:TagResource", "imagebuilder:UntagResource")
                        .on(imageBuilder(scope, "component"), imageBuilder(scope, "image-recipe"),
                                imageBuilder(scope, "infrastructure-configuration"),
                                imageBuilder(scope, "distribution-configuration"),
                                imageBuilder(scope, "image-pipeline"), imageBuilder(scope, "image")),
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
                                "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParameterHistory",
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

    private static String imageBuilder(PolicyScope scope, String type) {
        return scope.regional("imagebuilder", type + "/" + PREFIX + "*");
    }
}
