package org.democracyclub.ee.deployer.revision;

/**
 * A bundle in the revision bucket: exactly the object version a deployment names.
 *
 * @param eTag     the object's ETag without quotes (the agent compares it with quotes stripped:
 *                 aws-codedeploy-agent {@code command_executor.rb}, download_from_s3)
 * @param uploaded false when the object was already there with this digest and was not sent again
 */
public record UploadedBundle(String bucket, String key, String versionId, String eTag, boolean uploaded) {

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
