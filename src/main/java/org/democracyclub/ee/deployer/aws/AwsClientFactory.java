package org.democracyclub.ee.deployer.aws;

import java.time.Duration;
import java.util.Optional;
import org.democracyclub.ee.deployer.BadInputException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Builds the deployer's SDK clients from the standard chain, plus the test seam's overrides. */
public final class AwsClientFactory {
    /** One HTTP attempt; CodeDeploy answers in well under a second when healthy. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    /** One call including the SDK's retries and their backoff. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);
    /**
     * More patient than the SDK's 3 attempts: a deployment runs for many minutes, and giving up
     * on a throttled poll would abandon it. {@code AWS_MAX_ATTEMPTS} still wins when set.
     */
    static final int DEFAULT_MAX_ATTEMPTS = 6;

    private AwsClientFactory() {
    }

    public static AwsClients create(ClientSettings settings) {
        return create(settings, Optional.empty());
    }

    /**
     * @param fallbackRegion the stack outputs' {@code region}, used only when the SDK's chain
     *                       (AWS_REGION, aws.region, the profile) names none
     */
    public static AwsClients create(ClientSettings settings, Optional<String> fallbackRegion) {
        QuietLogging.initialise();
        if (settings.region().isEmpty()) {
            settings = new ClientSettings(settings.endpoint(), Optional.of(region(fallbackRegion)), settings.credentials(),
                    settings.maxBackoff());
        }
        // One provider for all clients: an SSO or web-identity profile is resolved once (one
        // GetRoleCredentials / AssumeRoleWithWebIdentity), and refreshed in one place during a long watch.
        DefaultCredentialsProvider chain = null;
        if (settings.credentials().isEmpty()) {
            chain = DefaultCredentialsProvider.builder().build();
            settings = new ClientSettings(settings.endpoint(), settings.region(), Optional.of(checked(chain)),
                    settings.maxBackoff());
        }
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build();
        RetryStrategy retrying = retryStrategy(settings.maxBackoff());
        return new AwsClients(
                configure(CodeDeployClient.builder(), settings, http, retrying).build(),
                configure(CodeDeployClient.builder(), settings, http, AwsRetryStrategy.doNotRetry()).build(),
                configure(SsmClient.builder(), settings, http, retrying).build(),
                configure(AutoScalingClient.builder(), settings, http, retrying).build(),
                s3(settings, http, retrying),
                http, chain);
    }

    /**
     * Resolves the credentials once before any call, so a profile that yields none (no keys, an
     * expired SSO login, a missing token file) is a clear bad-input error naming the fix, not an
     * SDK dump after the first call. Nothing has been called in the account at that point.
     */
    static DefaultCredentialsProvider checked(DefaultCredentialsProvider chain) {
        try {
            chain.resolveCredentials();
            return chain;
        } catch (SdkClientException e) {
            chain.close();
            String profile = System.getenv("AWS_PROFILE");
            throw new BadInputException("no AWS credentials from the SDK's standard chain"
                    + (profile == null ? "" : " (AWS_PROFILE=" + profile + ")") + ": " + firstLine(e.getMessage())
                    + ". Fix: `aws sso login --profile PROFILE` for an SSO profile, a profile with keys, role_arn "
                    + "or web_identity_token_file, or AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE in CI");
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message;
        int cut = m.indexOf(" : [");
        String reasons = cut < 0 ? m : m.substring(cut + 4);
        // The profile provider's reason is the one a person acts on; keep the summary short.
        int profile = reasons.indexOf("ProfileCredentialsProvider(");
        if (profile >= 0) {
            String tail = reasons.substring(profile);
            int colon = tail.indexOf("): ");
            int end = tail.indexOf(": ProfileFile(");
            if (colon >= 0) {
                return tail.substring(colon + 3, end > colon ? end : Math.min(tail.length(), colon + 200));
            }
        }
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    /** The chain's region, else the fallback; neither is bad input (nothing was called yet). */
    static Region region(Optional<String> fallback) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException none) {
            return fallback.map(Region::of).orElseThrow(() -> new BadInputException("no AWS region: set AWS_REGION "
                    + "(or `region` in the AWS_PROFILE's profile), or pass --stack-outputs FILE, whose 'region' is then "
                    + "used; the stack outputs in SSM cannot be read before a region is known"));
        }
    }

    /**
     * Path-style requests only under an endpoint override (the tests' fake on 127.0.0.1, where a
     * bucket cannot be a host name); against AWS the SDK's default virtual-hosted style stays.
     */
    private static S3Client s3(ClientSettings settings, SdkHttpClient http, RetryStrategy retries) {
        var builder = configure(S3Client.builder(), settings, http, retries);
        settings.endpoint().ifPresent(e -> builder.forcePathStyle(true));
        return builder.build();
    }

    /**
     * The retry mode from the chain ({@code AWS_RETRY_MODE}, profile), standard by default; with
     * {@code maxBackoff}, its waits are exponential up to that ceiling instead of the mode's own.
     */
    static RetryStrategy retryStrategy(Optional<Duration> maxBackoff) {
        RetryMode mode = RetryMode.resolver().defaultRetryMode(RetryMode.STANDARD).resolve();
        int attempts = SdkSystemSetting.AWS_MAX_ATTEMPTS.getIntegerValue().orElse(DEFAULT_MAX_ATTEMPTS);
        var builder = AwsRetryStrategy.forRetryMode(mode).toBuilder().maxAttempts(attempts);
        maxBackoff.ifPresent(longest -> {
            BackoffStrategy waits = BackoffStrategy.exponentialDelay(Duration.ofMillis(1), longest);
            builder.backoffStrategy(waits).throttlingBackoffStrategy(waits);
        });
        return builder.build();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>>
            B configure(B builder, ClientSettings settings, SdkHttpClient http, RetryStrategy retries) {
        builder.httpClient(http);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .retryStrategy(retries)
                .addExecutionInterceptor(new CallNaming())
                .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.region().ifPresent(builder::region);
        settings.credentials().ifPresent(builder::credentialsProvider);
        return builder;
    }
}
