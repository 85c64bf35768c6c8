package org.democracyclub.ee.deployer.local;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.democracyclub.ee.deployer.appspec.Hook;

/**
 * How a hook's {@code runas} is applied. As root the runner switches user like the agent does;
 * otherwise (or with --ignore-runas) the script runs as the current user and the runner says so
 * on that hook, because a script that works as root may fail as the app user, and vice versa.
 */
final class RunAs {
    private final String currentUser;
    private final boolean ignore;
    private final Predicate<String> userExists;

    RunAs(String currentUser, boolean ignore, Predicate<String> userExists) {
        this.currentUser = currentUser;
        this.ignore = ignore;
        this.userExists = userExists;
    }

    static RunAs forCurrentUser(boolean ignore) {
        return new RunAs(System.getProperty("user.name"), ignore, RunAs::exists);
    }

    /**
     * The runas users this machine lacks, among those the runner would switch to. Checked before
     * anything runs, so a missing user is one clear message rather than a hook failing half-way.
     */
    List<String> missingUsers(Collection<Hook> hooks) {
        return hooks.stream().filter(this::switching).map(h -> h.runas().orElseThrow()).distinct()
                .filter(userExists.negate()).toList();
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

    private static boolean exists(String user) {
        try {
            Process id = new ProcessBuilder("id", "-u", user).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return id.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean switching(Hook hook) {
        return hook.runas().isPresent() && !hook.runas().get().equals(currentUser)
                && !ignore && currentUser.equals("root");
    }
}
