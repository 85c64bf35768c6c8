package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules on the golden-image pipeline. */
public final class ImageBuilderRules {
    private ImageBuilderRules() {
    }

    public static List<Rule> all() {
        return List.of(terminateOnFailure(), notSharedPublicly());
    }

    /** EE-IB-1: a failed build left running costs money and keeps a half-built, unpatched host around. */
    static Rule terminateOnFailure() {
        return perResource("EE-IB-1", Severity.ERROR,
                "The image build instance terminates when a build fails, instead of running on unattended.",
                Set.of(Types.IB_INFRASTRUCTURE), (r, in, out) -> {
                    if (!r.bool("terminateInstanceOnFailure").orElse(false)) {
                        out.add(r, "terminateInstanceOnFailure is "
                                        + r.string("terminateInstanceOnFailure").orElse("unset"),
                                "set terminateInstanceOnFailure to true");
                    }
                });
    }

    /** EE-IB-2: the image contains the app's code and configuration; public AMIs are readable by anyone. */
    static Rule notSharedPublicly() {
        return perResource("EE-IB-2", Severity.ERROR,
                "Images are never shared publicly (launch permission for the group \"all\").",
                Set.of(Types.IB_DISTRIBUTION), (r, in, out) -> {
                    for (Map<String, Object> distribution : r.objects("distributions")) {
                        for (Map<String, Object> permission
                                : Props.objects(distribution, "amiDistributionConfiguration.launchPermission")) {
                            if (Props.strings(permission, "userGroups").stream().anyMatch("all"::equalsIgnoreCase)) {
                                out.add(r, "the distribution to " + Props.string(distribution, "region").orElse("?")
                                                + " grants launch permission to the group \"all\" (public AMI)",
                                        "remove \"all\" from launchPermission.userGroups; share with account IDs if needed");
                            }
                        }
                    }
                });
    }
}
