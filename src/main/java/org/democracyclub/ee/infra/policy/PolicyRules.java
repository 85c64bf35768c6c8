package org.democracyclub.ee.infra.policy;

import java.util.ArrayList;
import java.util.List;

/** The project's rule set, family by family (docs/policy.md lists them). */
public final class PolicyRules {
    private PolicyRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(Ec2Rules.all());
        rules.addAll(NetworkRules.all());
        rules.addAll(LoadBalancerRules.all());
        rules.addAll(CloudFrontRules.all());
        rules.addAll(IamRules.all());
        rules.addAll(CodeDeployRules.all());
        rules.addAll(ImageBuilderRules.all());
        rules.addAll(TagRules.all());
        rules.addAll(SecretRules.all());
        rules.addAll(S3Rules.all());
        return List.copyOf(rules);
    }
}
