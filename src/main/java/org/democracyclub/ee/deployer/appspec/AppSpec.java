package org.democracyclub.ee.deployer.appspec;

import java.util.List;
import java.util.Map;

/**
 * What the validator read from an appspec: the parts the local runner acts on. Entries that were
 * invalid are left out, so only use this when the validation found no problems.
 *
 * @param hooks the scripts of each event, in file order, keyed in lifecycle order
 */
public record AppSpec(List<FileMapping> files, List<Permission> permissions,
                      Map<LifecycleEvent, List<Hook>> hooks, FileExistsBehavior fileExistsBehavior) {

    /** A {@code permissions} entry's object (an absolute path), with its line for messages. */
    public record Permission(String object, int line) {
    }

    /** What the agent does when an installed file already exists (default DISALLOW). */
    public enum FileExistsBehavior { DISALLOW, OVERWRITE, RETAIN }
}
