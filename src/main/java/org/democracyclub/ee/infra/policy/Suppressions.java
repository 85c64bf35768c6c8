package org.democracyclub.ee.infra.policy;

import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the program records its accepted exceptions, right after declaring the resource they
 * concern, so the reason sits next to the code (like cdk-nag's {@code NagSuppressions}):
 *
 * <pre>{@code
 * var lt = new LaunchTemplate("ee-launch-template", args, opts);
 * suppressions.suppress(lt, "EE-EC2-3", "the fleet sits in the default VPC's public subnets");
 * }</pre>
 *
 * Nothing is validated here: a blank reason or an unknown rule ID is reported by the engine as a
 * violation, so every problem shows up in the same report instead of as an exception mid-program.
 * Thread-safe, since Pulumi may run resource callbacks on several threads.
 */
public final class Suppressions {
    private final List<Suppression> entries = Collections.synchronizedList(new ArrayList<>());

    /** Suppress {@code ruleId} for a declared Pulumi resource. */
    public Suppressions suppress(Resource resource, String ruleId, String reason) {
        return suppress(resource.pulumiResourceType(), resource.pulumiResourceName(), ruleId, reason);
    }

    /** Suppress {@code ruleId} for the resource with this type token and logical name. */
    public Suppressions suppress(String resourceType, String resourceName, String ruleId, String reason) {
        entries.add(new Suppression(resourceType, resourceName, ruleId, reason));
        return this;
    }

    /** A snapshot, in registration order. */
    public List<Suppression> all() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }
}
