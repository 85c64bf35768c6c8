package org.democracyclub.ee.deployer.appspec;

import java.util.Optional;

/**
 * One script of a lifecycle event.
 *
 * @param location       path of the script relative to the revision root, as written
 * @param timeoutSeconds the limit the agent enforces; {@link #DEFAULT_TIMEOUT} when not written
 * @param runas          the user to run as; empty means the agent's own user (root)
 * @param line           1-based line of the entry in the appspec, for messages
 */
public record Hook(LifecycleEvent event, String location, int timeoutSeconds,
                   Optional<String> runas, int line) {

    /** The agent's timeout for a script that names none, also the limit for a whole event. */
    public static final int DEFAULT_TIMEOUT = 3600;

    /** The location relative to the revision root: the agent joins it to the bundle path. */
    public String relativeLocation() {
        return location.replaceFirst("^/+", "");
    }
}
