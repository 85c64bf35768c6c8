package org.democracyclub.ee.deployer.aws;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Names the call and the endpoint on every failed AWS call (after the SDK's retries), so an exit-4
 * line says which call failed against which endpoint: a wrong AWS_ENDPOINT_URL or region is
 * visible at once. The name rides along as a suppressed {@link CallSite}, leaving the exception's
 * type (which callers catch) as it is.
 */
final class CallNaming implements ExecutionInterceptor {

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable e = context.exception();
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String endpoint = context.httpRequest().map(r -> {
            URI uri = r.getUri();
            return uri.getScheme() + "://" + uri.getAuthority();
        }).orElse("an endpoint not yet resolved");
        e.addSuppressed(new CallSite(service + " " + operation + " at " + endpoint));
        return e;
    }

    /** "CodeDeploy CreateDeployment at https://codedeploy.eu-west-2.amazonaws.com". */
    public static final class CallSite extends RuntimeException {
        CallSite(String call) {
            super(call, null, false, false);
        }
    }
}
