package org.democracyclub.ee.bootstrap.policy;

/**
 * Who may assume the CI role: jobs of one CircleCI project, proven by the OIDC token CircleCI
 * issues to each job ({@code $CIRCLE_OIDC_TOKEN_V2}). No long-lived key exists to leak.
 */
public final class CiTrustPolicy {
    private CiTrustPolicy() {
    }

    /** The token issuer for a CircleCI organisation, as IAM names it (no scheme). */
    public static String issuer(String organisationId) {
        return "oidc.circleci.com/org/" + organisationId;
    }

    /**
     * The {@code sub} claim of every job of the project starts with this. CircleCI's token
     * subject is {@code org/<org>/project/<project>/user/<user>} (followed in the V2 token by the
     * VCS origin and ref).
     */
    public static String subjectPattern(String organisationId, String projectId) {
        return "org/" + organisationId + "/project/" + projectId + "/user/*";
    }

    public static PolicyDocument document(String oidcProviderArn, String organisationId, String projectId) {
        String issuer = issuer(organisationId);
        return PolicyDocument.of(PolicyStatement.allow("CircleCiProjectJobs")
                .principal("Federated", oidcProviderArn)
                .actions("sts:AssumeRoleWithWebIdentity")
                // The audience is the organisation ID: tokens minted for another organisation
                // never match, even if they came through the same issuer.
                .when("StringEquals", issuer + ":aud", organisationId)
                .when("StringLike", issuer + ":sub", subjectPattern(organisationId, projectId)));
    }
}
