package org.democracyclub.ee.common;

/**
 * The tag that marks the Auto Scaling groups of the deployment group (docs/adr/0001): the
 * program puts it on the fleet it creates and, on every run, looks for groups carrying it to
 * learn whether CodeDeploy has taken the fleet over; the deployer puts it on each new fleet after
 * a successful deployment, so the mark does not depend on what CodeDeploy copies.
 */
public final class FleetTag {
    public static final String KEY = "ee-deployment-group";

    private FleetTag() {
    }
}
