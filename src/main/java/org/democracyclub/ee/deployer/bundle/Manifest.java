package org.democracyclub.ee.deployer.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle's {@code ee-revision.json}: which application commit it ships, and which commit of
 * this repository supplied the appspec and {@code ee-deploy/}. Instances, {@code status} and
 * {@code live-commit} read it to say what is deployed. No timestamp: the same inputs must give
 * the same bytes.
 *
 * @param applicationCommit   the application commit (40 hex)
 * @param deploymentCommit    this repository's HEAD, or empty when the deploy source is not a checkout
 * @param deploymentTreeClean whether the shipped files of this repository ({@code appspec.yaml},
 *                            {@code ee-deploy/}) are exactly that commit's (no change, no untracked
 *                            or ignored file among them); false when unknown
 */
public record Manifest(String applicationCommit, Optional<String> deploymentCommit, boolean deploymentTreeClean) {
    /** Bumped when a field changes meaning; readers refuse formats they do not know. */
    public static final int FORMAT = 1;
    private static final Pattern APP_COMMIT = Pattern.compile("\"applicationCommit\"\\s*:\\s*\"([0-9a-f]{40})\"");

    /** One key per line, fixed order, so a person can read it with {@code unzip -p}. */
    public byte[] toJson() {
        String deployment = deploymentCommit.map(c -> "\"" + c + "\"").orElse("null");
        String json = "{\n"
                + "  \"format\": " + FORMAT + ",\n"
                + "  \"applicationCommit\": \"" + applicationCommit + "\",\n"
                + "  \"deploymentCommit\": " + deployment + ",\n"
                + "  \"deploymentTreeClean\": " + deploymentTreeClean + "\n"
                + "}\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The application commit of a manifest's text; empty when it names none. */
    public static Optional<String> applicationCommitOf(String json) {
        Matcher m = APP_COMMIT.matcher(json);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
