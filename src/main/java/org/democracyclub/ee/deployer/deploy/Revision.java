package org.democracyclub.ee.deployer.deploy;

import java.util.Locale;
import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.CommitSha;
import software.amazon.awssdk.services.codedeploy.model.BundleType;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/** What CodeDeploy deploys: a GitHub commit (the default) or a bundle in S3. */
public record Revision(RevisionLocation location) {

    public static Revision gitHub(String repository, CommitSha commit) {
        return new Revision(RevisionLocation.builder()
                .revisionType(RevisionLocationType.GIT_HUB)
                .gitHubLocation(g -> g.repository(repository).commitId(commit.value()))
                .build());
    }

    /**
     * @param uri     {@code s3://bucket/key.zip} (zip, tar, tgz or tar.gz)
     * @param eTag    the object's ETag, or null
     * @param version the object's version ID, or null
     */
    public static Revision s3(String uri, String eTag, String version) {
        if (!uri.startsWith("s3://")) {
            throw new BadInputException("--revision must look like s3://bucket/key.zip, got '" + uri + "'");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new BadInputException("--revision must name a bucket and a key: s3://bucket/key.zip, got '" + uri + "'");
        }
        String bucket = rest.substring(0, slash);
        String key = rest.substring(slash + 1);
        BundleType bundle = bundleType(key);
        return new Revision(RevisionLocation.builder()
                .revisionType(RevisionLocationType.S3)
                .s3Location(s -> s.bucket(bucket).key(key).bundleType(bundle).eTag(eTag).version(version))
                .build());
    }

    private static BundleType bundleType(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            return BundleType.ZIP;
        }
        if (lower.endsWith(".tar")) {
            return BundleType.TAR;
        }
        if (lower.endsWith(".tgz") || lower.endsWith(".tar.gz")) {
            return BundleType.TGZ;
        }
        throw new BadInputException("--revision key must end in .zip, .tar, .tgz or .tar.gz, got '" + key + "'");
    }

    /** For messages: {@code github DemocracyClub/EveryElection@abc1234...} or the S3 URL. */
    public String describe() {
        if (location.revisionType() == RevisionLocationType.S3) {
            var s3 = location.s3Location();
            String extra = (s3.eTag() != null ? " etag " + s3.eTag() : "") + (s3.version() != null ? " version " + s3.version() : "");
            return "s3://" + s3.bucket() + "/" + s3.key() + extra;
        }
        if (location.revisionType() == RevisionLocationType.GIT_HUB) {
            return "github " + location.gitHubLocation().repository() + "@" + location.gitHubLocation().commitId();
        }
        return String.valueOf(location.revisionType());
    }
}
