package org.democracyclub.ee.infra.platform;

import java.util.List;
import java.util.TreeSet;
import org.democracyclub.ee.infra.names.Names;

/**
 * The Auto Scaling group that serves the site, and who owns it (docs/adr/0001), decided from
 * AWS's own record: the names of the account's Auto Scaling groups. No tag or other marker is
 * involved, so a deployment that ended while nobody watched (a cancelled CI job, a deployment
 * from the console, a refused tag write) cannot make the program declare a second fleet.
 *
 * <ul>
 *   <li>No {@code CodeDeploy_<group>_*} group: the program owns the original fleet
 *       {@link Names#ORIGINAL_FLEET} (a fresh account, or before the first deployment).</li>
 *   <li>Any {@code CodeDeploy_<group>_*} group: CodeDeploy owns the fleet; the program declares
 *       none.</li>
 *   <li>Two or more candidate fleets (the original and the CodeDeploy ones): a blue/green
 *       deployment is in flight (its replacement fleet exists next to the live one), or a failed
 *       one left its replacement behind. {@code pulumi up} is refused (see {@link #inFlight}).</li>
 * </ul>
 *
 * @param name              the live fleet's name (a hint only while {@link #inFlight}: see {@link #candidates})
 * @param declaredByProgram whether the program declares (owns) this fleet
 * @param candidates        every fleet of the deployment group that exists now, sorted
 */
public record LiveFleet(String name, boolean declaredByProgram, List<String> candidates) {

    /** The tag the deployer writes on each new fleet; informative only, never used to decide ownership. */
    public static final String TAG_KEY = org.democracyclub.ee.common.FleetTag.KEY;

    public LiveFleet {
        candidates = List.copyOf(candidates);
    }

    /**
     * Decides from the names of every Auto Scaling group in the region
     * ({@code aws:autoscaling/getAmiIds} without a filter lists them all).
     *
     * <p>pulumi-aws 6.83.0 has no data source for a CodeDeploy deployment group, so the
     * program cannot ask which group the deployment group names; it does not need to: with one
     * candidate that is the live fleet, and with several {@code pulumi up} is refused.
     *
     * @param allGroupNames every group's name
     */
    public static LiveFleet fromAccount(List<String> allGroupNames) {
        TreeSet<String> codeDeploy = new TreeSet<>();
        boolean original = false;
        for (String name : allGroupNames) {
            if (name.startsWith(Names.CODEDEPLOY_FLEET_PREFIX)) {
                codeDeploy.add(name);
            } else if (name.equals(Names.ORIGINAL_FLEET)) {
                original = true;
            }
        }
        TreeSet<String> candidates = new TreeSet<>(codeDeploy);
        if (original) {
            candidates.add(Names.ORIGINAL_FLEET);
        }
        if (codeDeploy.isEmpty()) {
            return new LiveFleet(Names.ORIGINAL_FLEET, true, List.copyOf(candidates));
        }
        // Until the first deployment ends, the deployment group names the original fleet; among
        // several CodeDeploy fleets any is only a hint (up is refused), made stable by sorting.
        String live = original ? Names.ORIGINAL_FLEET : candidates.first();
        return new LiveFleet(live, false, List.copyOf(candidates));
    }

    /** Whether a replacement fleet exists next to the live one: a deployment is in flight (or left one behind). */
    public boolean inFlight() {
        return candidates.size() > 1;
    }

    /** The candidates other than the live one: the replacement fleet(s) of the deployment in flight. */
    public List<String> replacements() {
        return candidates.stream().filter(c -> !c.equals(name)).toList();
    }
}
