package org.democracyclub.ee.deployer.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The clients one command uses, built once and closed together.
 *
 * @param codeDeploy          CodeDeploy with the SDK's retries, for every call but creation
 * @param codeDeployNoRetries CodeDeploy without SDK retries: only for CreateDeployment, whose
 *                            retries {@code DeploymentCreator} does itself so a lost answer never
 *                            yields a second deployment
 * @param s3                  the revision bucket: versioning check, HeadObject, upload
 * @param credentials         the shared credentials chain, or null when the settings gave one
 */
public record AwsClients(
        CodeDeployClient codeDeploy,
        CodeDeployClient codeDeployNoRetries,
        SsmClient ssm,
        AutoScalingClient autoScaling,
        S3Client s3,
        SdkHttpClient httpClient,
        AutoCloseable credentials) implements AutoCloseable {

    @Override
    public void close() {
        codeDeploy.close();
        codeDeployNoRetries.close();
        ssm.close();
        autoScaling.close();
        s3.close();
        // Shared by the clients above, which therefore do not close it themselves.
        httpClient.close();
        if (credentials != null) {
            try {
                credentials.close();
            } catch (Exception e) {
                // Closing only stops a background refresh; nothing to report.
            }
        }
    }
}
