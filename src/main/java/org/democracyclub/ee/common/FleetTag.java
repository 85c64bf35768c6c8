package org.democracyclub.ee.common;

/**
 * The tag that marks the Auto Scaling groups of the deployment group, for people and cost
 * reports: the program puts it on the fleet it creates and the deployer on each new fleet after a
 * successful deployment. Nothing decides ownership from it: the program reads that from the
 * groups' names (docs/adr/0001), since a crash can leave a live fleet untagged.
 */
public final class FleetTag {
    public static final String KEY = "ee-deployment-group";

    private FleetTag() {
    }
}
