package org.democracyclub.ee.deployer.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
        QuietLogging.initialise();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build();
        RetryStrategy retrying = retryStrategy();
        return new AwsClients(
                configure(CodeDeployClient.builder(), settings, http, retrying).build(),
                configure(CodeDeployClient.builder(), settings, http, AwsRetryStrategy.doNotRetry()).build(),
                configure(SsmClient.builder(), settings, http, retrying).build(),
                configure(AutoScalingClient.builder(), settings, http, retrying).build(),
                s3(settings, http, retrying),
                http);
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

    /** The retry mode from the chain ({@code AWS_RETRY_MODE}, profile), standard by default. */
    static RetryStrategy retryStrategy() {
        RetryMode mode = RetryMode.resolver().defaultRetryMode(RetryMode.STANDARD).resolve();
        int attempts = SdkSystemSetting.AWS_MAX_ATTEMPTS.getIntegerValue().orElse(DEFAULT_MAX_ATTEMPTS);
        return AwsRetryStrategy.forRetryMode(mode).toBuilder().maxAttempts(attempts).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>>
            B configure(B builder, ClientSettings settings, SdkHttpClient http, RetryStrategy retries) {
        builder.httpClient(http);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .retryStrategy(retries)
                .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.region().ifPresent(builder::region);
        settings.credentials().ifPresent(builder::credentialsProvider);
        return builder;
    }
}
