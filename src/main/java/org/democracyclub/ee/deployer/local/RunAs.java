package org.democracyclub.ee.deployer.local;

import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.deployer.appspec.Hook;

/**
 * How a hook's {@code runas} is applied. As root the runner switches user like the agent does;
 * otherwise (or with --ignore-runas) the script runs as the current user and the runner says so
 * on that hook, because a script that works as root may fail as the app user, and vice versa.
 */
final class RunAs {
    private final String currentUser;
    private final boolean ignore;

    RunAs(String currentUser, boolean ignore) {
        this.currentUser = currentUser;
        this.ignore = ignore;
    }

    static RunAs forCurrentUser(boolean ignore) {
        return new RunAs(System.getProperty("user.name"), ignore);
    }

    /** The words to put before the script, e.g. {@code runuser -u every_election --}. */
    List<String> prefix(Hook hook) {
        return switching(hook) ? List.of("runuser", "-u", hook.runas().orElseThrow(), "--") : List.of();
    }

    /** A note for the output when runas is not honoured; empty when it is, or not set. */
    Optional<String> note(Hook hook) {
        if (hook.runas().isEmpty() || hook.runas().get().equals(currentUser) || switching(hook)) {
            return Optional.empty();
        }
        String reason = ignore ? "--ignore-runas" : "the runner is not root";
        return Optional.of("runas " + hook.runas().get() + " NOT applied (" + reason + "): ran as " + currentUser);
    }

    private boolean switching(Hook hook) {
        return hook.runas().isPresent() && !hook.runas().get().equals(currentUser)
                && !ignore && currentUser.equals("root");
    }
}
