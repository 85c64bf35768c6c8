package org.democracyclub.ee.deployer.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.democracyclub.ee.deployer.outputs.DeployTarget;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/**
 * Creates exactly one deployment, even when answers are lost.
 *
 * <p>CreateDeployment has no idempotency token, and the SDK retries 5xx answers and time-outs,
 * whose request may well have succeeded. So creation goes through a client without SDK retries and
 * retries here: every attempt carries the same unique token in its description; a throttled
 * attempt was refused (nothing created) and is simply retried; after an ambiguous failure (5xx,
 * I/O error, time-out) the group's recent deployments are searched for the token first, and only
 * if none carries it is creation tried again.
 */
public final class DeploymentCreator {
    static final int MAX_ATTEMPTS = 8;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);
    /** How far back (and, for clock skew, forward) to look for a deployment that did get created. */
    private static final Duration LOOKUP_WINDOW = Duration.ofMinutes(10);

    private final CodeDeployClient noRetries;
    private final CodeDeployClient retrying;
    private final Console console;
    private final Pacer pacer;
    private final Duration baseBackoff;
    /** Marks this run's deployment, in its description, so a lost or repeated create can be recognised. */
    private final String token = UUID.randomUUID().toString();

    public DeploymentCreator(CodeDeployClient noRetries, CodeDeployClient retrying, Console console, Pacer pacer, Duration baseBackoff) {
        this.noRetries = noRetries;
        this.retrying = retrying;
        this.console = console;
        this.pacer = pacer;
        this.baseBackoff = baseBackoff;
    }

    public String create(DeployTarget target, Revision revision, String description) {
        String tagged = description + " [ee-deployer " + token + "]";
        Instant started = pacer.now();
        boolean maybeCreated = false;
        SdkException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return noRetries.createDeployment(r -> r
                        .applicationName(target.applicationName())
                        .deploymentGroupName(target.deploymentGroupName())
                        .revision(revision.location())
                        .description(tagged)).deploymentId();
            } catch (SdkException e) {
                last = e;
                if (AwsErrors.isAmbiguous(e)) {
                    maybeCreated = true;
                } else if (!AwsErrors.isThrottling(e)) {
                    // A definite refusal; it may be the group's "one at a time" answer to our own
                    // earlier attempt whose reply was lost, so look once more before giving up.
                    if (maybeCreated) {
                        Optional<String> found = findByToken(target, token, started);
                        if (found.isPresent()) {
                            return found.get();
                        }
                    }
                    throw e;
                }
            }
            if (maybeCreated) {
                Optional<String> found = findByToken(target, token, started);
                if (found.isPresent()) {
                    console.say("CreateDeployment's answer was lost, but " + found.get() + " was created: using it");
                    return found.get();
                }
            }
            Duration wait = backoff(attempt);
            console.say("CreateDeployment attempt " + attempt + " failed (" + reason(last) + "); retrying in "
                    + wait.toMillis() + " ms");
            pacer.sleep(wait);
        }
        throw last;
    }

    /** Whether a deployment is the one this creator made (or tried to make). */
    public boolean isOurs(DeploymentInfo info) {
        return info.description() != null && info.description().contains(token);
    }

    /** The deployment of this group created since {@code started} whose description has the token. */
    Optional<String> findByToken(DeployTarget target, String token, Instant started) {
        List<String> ids = retrying.listDeploymentsPaginator(r -> r
                        .applicationName(target.applicationName())
                        .deploymentGroupName(target.deploymentGroupName())
                        .createTimeRange(t -> t.start(started.minus(LOOKUP_WINDOW)).end(pacer.now().plus(LOOKUP_WINDOW))))
                .deployments().stream().toList();
        for (List<String> chunk : Batches.of(ids)) {
            for (DeploymentInfo info : retrying.batchGetDeployments(r -> r.deploymentIds(chunk)).deploymentsInfo()) {
                if (isOurs(info)) {
                    return Optional.of(info.deploymentId());
                }
            }
        }
        return Optional.empty();
    }

    private Duration backoff(int attempt) {
        long base = baseBackoff.toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        // Half fixed, half jitter, so parallel retries do not stay in step.
        return Duration.ofMillis(capped / 2 + (long) (pacer.random() * (capped / 2 + 1)));
    }

    private static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.statusCode() + " " + service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
