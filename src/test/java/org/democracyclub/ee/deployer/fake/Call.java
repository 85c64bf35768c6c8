package org.democracyclub.ee.deployer.fake;

import java.util.Map;

/**
 * One request the fake received, as the SDK sent it.
 *
 * @param service    {@code codedeploy}, {@code ssm} or {@code autoscaling}
 * @param action     the operation, e.g. {@code CreateDeployment}
 * @param params     the request's fields: top-level JSON fields as text, or the query form fields
 * @param fault      the fault injected, {@link Fault#NONE} if answered normally
 * @param executed   whether the fake carried the request out (a lost answer is executed and faulted)
 * @param rawBody    the body exactly as received
 * @param contentType the request's Content-Type header
 * @param accessKeyId the access key the request was signed with, or null if unsigned
 */
public record Call(String service, String action, Map<String, String> params, Fault fault, boolean executed,
                   String rawBody, String contentType, String accessKeyId) {

    public String param(String name) {
        return params.get(name);
    }
}
