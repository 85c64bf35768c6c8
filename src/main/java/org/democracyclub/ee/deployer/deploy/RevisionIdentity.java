package org.democracyclub.ee.deployer.deploy;

import java.util.Optional;
import org.democracyclub.ee.common.RevisionKey;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/**
 * Which bundle a revision is, for comparing two deployments: an S3 object (bucket, key, version)
 * or a GitHub commit. The ETag is left out: it describes the same object version.
 */
public record RevisionIdentity(String type, String where, String what, String version) {

    public static RevisionIdentity of(RevisionLocation location) {
        if (location == null) {
            return new RevisionIdentity("none", "", "", "");
        }
        if (location.revisionType() == RevisionLocationType.S3 && location.s3Location() != null) {
            var s3 = location.s3Location();
            return new RevisionIdentity("S3", s3.bucket(), s3.key(), s3.version() == null ? "" : s3.version());
        }
        if (location.revisionType() == RevisionLocationType.GIT_HUB && location.gitHubLocation() != null) {
            var gh = location.gitHubLocation();
            return new RevisionIdentity("GitHub", gh.repository(), gh.commitId(), "");
        }
        return new RevisionIdentity(location.revisionTypeAsString(), "", String.valueOf(location), "");
    }

    /**
     * The application commit a revision ships: from the S3 key ({@link RevisionKey#appCommitOf}:
     * {@code revisions/<commit>/<sha256>.zip}) or the GitHub commit; empty for any other revision.
     */
    public static Optional<String> appCommit(RevisionLocation location) {
        RevisionIdentity id = of(location);
        return switch (id.type()) {
            case "S3" -> RevisionKey.appCommitOf(id.what());
            case "GitHub" -> Optional.of(id.what().toLowerCase(java.util.Locale.ROOT));
            default -> Optional.empty();
        };
    }
}
