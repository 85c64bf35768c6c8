package org.democracyclub.ee.deployer.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Overrides of the SDK's standard configuration chain. In production every field is empty, so
 * region, credentials and endpoint ({@code AWS_ENDPOINT_URL}) come from the chain alone; tests use
 * this seam to point the same clients at their local fake without touching JVM-wide properties.
 *
 * @param maxBackoff the longest wait between two attempts of a call; empty: the SDK's own
 *                   (standard mode waits up to 20 s after throttling). The same retry rules either
 *                   way; tests shorten the waits so hundreds of faulted calls take milliseconds.
 */
public record ClientSettings(
        Optional<URI> endpoint,
        Optional<Region> region,
        Optional<AwsCredentialsProvider> credentials,
        Optional<Duration> maxBackoff) {

    public ClientSettings(Optional<URI> endpoint, Optional<Region> region, Optional<AwsCredentialsProvider> credentials) {
        this(endpoint, region, credentials, Optional.empty());
    }

    /** Everything from the SDK's standard chain: what the jar uses. */
    public static ClientSettings standardChain() {
        return new ClientSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ClientSettings withMaxBackoff(Duration longest) {
        return new ClientSettings(endpoint, region, credentials, Optional.of(longest));
    }
}
