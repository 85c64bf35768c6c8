package org.democracyclub.ee.deployer.deploy;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Classifies SDK failures by what they say about the request's effect. */
public final class AwsErrors {
    private AwsErrors() {
    }

    /** Refused before being carried out: safe to repeat. */
    public static boolean isThrottling(SdkException e) {
        return e instanceof AwsServiceException service && service.isThrottlingException();
    }

    /** May have been carried out: a server error, or no answer at all. */
    public static boolean isAmbiguous(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.statusCode() >= 500 && !service.isThrottlingException();
        }
        return e instanceof SdkClientException;
    }

    /** Worth trying again later (for reads, where repeating is harmless). */
    public static boolean isTransient(SdkException e) {
        return isThrottling(e) || isAmbiguous(e);
    }

    /**
     * The service's own message when there is one, for the exit-4 line, after the call and
     * endpoint the client recorded (CallNaming): "CodeDeploy GetDeployment at https://...: ...".
     */
    public static String message(SdkException e) {
        String call = callSite(e);
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            var details = service.awsErrorDetails();
            return (call.isEmpty() ? details.serviceName() + " " : call) + details.errorCode() + " (HTTP " + service.statusCode() + "): " + details.errorMessage();
        }
        return call + e.getMessage();
    }

    private static String callSite(SdkException e) {
        for (Throwable s : e.getSuppressed()) {
            if (s.getClass().getSimpleName().equals("CallSite")) {
                return s.getMessage() + ": ";
            }
        }
        return "";
    }
}
