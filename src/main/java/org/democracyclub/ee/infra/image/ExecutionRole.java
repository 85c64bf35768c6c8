package org.democracyclub.ee.infra.image;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import org.democracyclub.ee.infra.names.Names;

/**
 * The pipeline's execution role ({@link ExecutionRolePolicy}), named {@link Names#IMAGE_BUILDER_EXECUTION_ROLE}
 * so the CI role may pass exactly it.
 *
 * @param role   the role
 * @param grants its policies; the pipeline depends on them
 */
record ExecutionRole(Role role, List<Resource> grants) {

    static ExecutionRole declare(String name, GoldenImagePipelineArgs args, CustomResourceOptions child) {
        var role = new Role(Names.IMAGE_BUILDER_EXECUTION_ROLE, RoleArgs.builder()
                .name(Names.IMAGE_BUILDER_EXECUTION_ROLE)
                .description("Image Builder runs " + name + " with this role: it writes " + args.amiParameterName())
                .assumeRolePolicy(ExecutionRolePolicy.assumeRolePolicy(args.accountId()))
                // The CI role may create and change only roles with the bootstrap's boundary.
                .permissionsBoundary(Names.permissionsBoundaryArn(args.accountId()))
                .build(), child);
        var managed = new RolePolicyAttachment(Names.IMAGE_BUILDER_EXECUTION_ROLE + "-baseline",
                RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn(ExecutionRolePolicy.MANAGED_POLICY_ARN)
                        .build(), child);
        var inline = new RolePolicy(Names.IMAGE_BUILDER_EXECUTION_ROLE + "-ami-parameter", RolePolicyArgs.builder()
                .role(role.id())
                .policy(ExecutionRolePolicy.document(args.region(), args.accountId(), args.amiParameterName(),
                        args.settings().launchAccountIds()))
                .build(), child);
        return new ExecutionRole(role, List.of(managed, inline));
    }
}
