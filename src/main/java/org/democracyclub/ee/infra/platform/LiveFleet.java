package org.democracyclub.ee.infra.platform;

import java.util.Comparator;
import java.util.List;
import org.democracyclub.ee.infra.names.Names;

/**
 * The Auto Scaling group that serves the site, and who owns it (docs/adr/0001).
 *
 * <p>In a fresh account the program creates the original fleet {@link Names#ORIGINAL_FLEET}.
 * The first blue/green deployment copies it into {@code CodeDeploy_<group>_d-<id>} and deletes
 * it; from then on CodeDeploy owns the fleet and the program must not declare one, or a later
 * {@code pulumi up --refresh} would create a second fleet behind the target group.
 *
 * @param name                the live fleet's name
 * @param declaredByProgram   whether the program declares (owns) this fleet
 */
public record LiveFleet(String name, boolean declaredByProgram) {

    /** The tag that marks the fleets of this deployment group (the deployer tags each new one). */
    public static final String TAG_KEY = org.democracyclub.ee.common.FleetTag.KEY;

    /**
     * Decides from the names of the Auto Scaling groups that carry {@link #TAG_KEY}.
     * A CodeDeploy fleet, if any, is live; during a deployment there may be two, and the
     * deployment group (which the program never overwrites) knows which: any of them is a valid
     * hint, so the choice is only made stable by sorting.
     */
    public static LiveFleet fromTaggedGroups(List<String> groupNames) {
        return groupNames.stream()
                .filter(name -> name.startsWith(Names.CODEDEPLOY_FLEET_PREFIX))
                .max(Comparator.naturalOrder())
                .map(name -> new LiveFleet(name, false))
                .orElse(new LiveFleet(Names.ORIGINAL_FLEET, true));
    }
}
