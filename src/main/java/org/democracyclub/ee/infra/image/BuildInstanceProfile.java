package org.democracyclub.ee.infra.image;

import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity of Image Builder's build and test instances: a role EC2 can assume, its
 * policies, and the instance profile the infrastructure configuration names.
 *
 * @param profile the instance profile
 * @param grants  the policy attachments; depend on them so no build starts with a half-made role
 */
record BuildInstanceProfile(InstanceProfile profile, List<Resource> grants) {

    static BuildInstanceProfile declare(String name, String region, String accountId, CustomResourceOptions child) {
        var role = new Role(name + "-instance", RoleArgs.builder()
                // Named, not auto-named: the CI role may pass exactly this role to Image Builder.
                .name(name + "-instance")
                .description("Image Builder build and test instances of " + name)
                .assumeRolePolicy(BuildInstancePolicies.assumeRolePolicy())
                // The CI role may create and change only roles with the bootstrap's boundary.
                .permissionsBoundary(org.democracyclub.ee.infra.names.Names.permissionsBoundaryArn(accountId))
                .build(), child);
        List<Resource> grants = new ArrayList<>();
        for (String policyArn : BuildInstancePolicies.MANAGED_POLICY_ARNS) {
            String policyName = policyArn.substring(policyArn.lastIndexOf('/') + 1);
            grants.add(new RolePolicyAttachment(name + "-instance-" + policyName, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(policyArn)
                    .build(), child));
        }
        grants.add(new RolePolicy(name + "-instance-app-parameters", RolePolicyArgs.builder()
                .role(role.id())
                .policy(BuildInstancePolicies.appParametersPolicy(region, accountId))
                .build(), child));
        var profile = new InstanceProfile(name + "-instance", InstanceProfileArgs.builder()
                .role(role.name())
                .build(), child);
        return new BuildInstanceProfile(profile, List.copyOf(grants));
    }
}
