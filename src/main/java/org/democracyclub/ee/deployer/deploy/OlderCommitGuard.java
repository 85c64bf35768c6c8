package org.democracyclub.ee.deployer.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.CommitSha;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/**
 * Refuses to ship an application commit older than the live one, so that of two overlapping
 * deploy jobs the older commit cannot win. "Older" means the live commit descends from the new
 * one in the {@code --app-source} checkout: {@code git merge-base --is-ancestor NEW LIVE} exits 0.
 * A commit on another branch (neither descends from the other) is not older. When there is no
 * checkout, or the live commit is unknown, the check says what it assumed and lets it through.
 */
public final class OlderCommitGuard {
    private final DeploymentHistory history;
    private final Console console;

    public OlderCommitGuard(DeploymentHistory history, Console console) {
        this.history = history;
        this.console = console;
    }

    /**
     * @param appSource  the application checkout, or null
     * @param allowOlder {@code --allow-older}: ship it even if older
     * @throws BadInputException when the commit is older and {@code --allow-older} was not given
     */
    public void check(DeployTarget target, CommitSha commit, Path appSource, boolean allowOlder) {
        Optional<DeploymentInfo> live = history.live(target);
        if (live.isEmpty()) {
            console.say("Commit check: no successful deployment yet, nothing to compare " + commit.shortSha() + " with");
            return;
        }
        String liveId = live.get().deploymentId();
        Optional<String> liveCommit = RevisionIdentity.appCommit(live.get().revision());
        if (liveCommit.isEmpty()) {
            console.say("Commit check: the live revision of " + liveId + " (" + new Revision(live.get().revision()).describe()
                    + ") names no application commit; assuming " + commit.shortSha() + " is not older");
            return;
        }
        String liveSha = liveCommit.get();
        if (liveSha.equals(commit.value())) {
            console.say("Commit check: " + commit.shortSha() + " is the live commit (" + liveId + "): a redeploy");
            return;
        }
        if (appSource == null) {
            console.say("Commit check: no --app-source checkout to compare in; assuming " + commit.shortSha()
                    + " is not older than the live " + liveSha.substring(0, 7) + " (" + liveId + ")");
            return;
        }
        Git answer = isAncestor(appSource, commit.value(), liveSha);
        switch (answer.exit()) {
            case 0 -> {
                if (allowOlder) {
                    console.say("Commit check: " + commit.shortSha() + " is older than the live " + liveSha.substring(0, 7)
                            + " (" + liveId + "); deploying it anyway (--allow-older)");
                    return;
                }
                throw new BadInputException("commit " + commit + " is older than the live commit " + liveSha + " ("
                        + liveId + "): the live commit descends from it in " + appSource + ". Nothing was deployed. "
                        + "Deploy a newer commit, or pass --allow-older to ship this one on purpose "
                        + "(`rollback` returns to the previous release)");
            }
            case 1 -> console.say("Commit check: " + commit.shortSha() + " is not older than the live "
                    + liveSha.substring(0, 7) + " (" + liveId + ")");
            default -> console.say("Commit check: could not compare " + commit.shortSha() + " with the live "
                    + liveSha.substring(0, 7) + " in " + appSource + " (git: " + answer.message()
                    + "); assuming it is not older");
        }
    }

    /** {@code git -C DIR merge-base --is-ancestor A B}: 0 yes, 1 no, anything else an error. */
    static Git isAncestor(Path dir, String ancestor, String descendant) {
        ProcessBuilder pb = new ProcessBuilder(List.of("git", "-C", dir.toString(), "merge-base", "--is-ancestor",
                ancestor, descendant)).redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Git(-1, "timed out");
            }
            return new Git(p.exitValue(), out.isEmpty() ? "exit " + p.exitValue() : out);
        } catch (IOException e) {
            return new Git(-1, "cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    record Git(int exit, String message) {
    }
}
