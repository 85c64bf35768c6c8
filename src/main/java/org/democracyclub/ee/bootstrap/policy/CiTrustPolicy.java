package org.democracyclub.ee.bootstrap.policy;

import java.util.List;
import org.democracyclub.ee.infra.iam.PolicyDocument;
import org.democracyclub.ee.infra.iam.PolicyStatement;

/**
 * Who may assume the CI roles: jobs of one CircleCI project, proven by the OIDC token CircleCI
 * issues to each job. No long-lived key exists to leak.
 *
 * <p>The subject of {@code $CIRCLE_OIDC_TOKEN_V2} is
 * {@code org/<org>/project/<project>/user/<user>/vcs-origin/<repository URL>/vcs-ref/<ref>},
 * the ref such as {@code refs/heads/main} (CircleCI, "Using OpenID Connect tokens in jobs",
 * https://circleci.com/docs/openid-connect-tokens/; the same format in CircleCI-Public/aws-cli-orb
 * pull request 130). IAM can match only the standard claims of a generic OIDC provider, so the
 * branch is matched in {@code sub}, not in the {@code oidc.circleci.com/vcs-ref} claim.
 */
public final class CiTrustPolicy {
    private CiTrustPolicy() {
    }

    /**
     * The branches whose commits deploy to an environment (.circleci/config.yml: development
     * deploys to development; main to staging, then production). Its deploy role trusts no other.
     */
    public static List<String> deployBranches(String environment) {
        return switch (environment) {
            case "development" -> List.of("development");
            case "staging", "production" -> List.of("main");
            default -> throw new IllegalArgumentException("no deploy branch for environment " + environment);
        };
    }

    /** The token issuer for a CircleCI organisation, as IAM names it (no scheme). */
    public static String issuer(String organisationId) {
        return "oidc.circleci.com/org/" + organisationId;
    }

    /** The {@code sub} of every job of the project starts with this, in either token version. */
    public static String subjectPattern(String organisationId, String projectId) {
        return "org/" + organisationId + "/project/" + projectId + "/user/*";
    }

    /** The V2 {@code sub} of a job that runs for a commit on the branch. */
    public static String branchSubjectPattern(String organisationId, String projectId, String branch) {
        return subjectPattern(organisationId, projectId) + "/vcs-origin/*/vcs-ref/refs/heads/" + branch;
    }

    /**
     * A {@code *} before {@code /vcs-ref/} could swallow a branch named
     * {@code x/vcs-ref/refs/heads/main}; a subject with two such markers is refused.
     */
    static final String SMUGGLED_REF = "*/vcs-ref/*/vcs-ref/*";

    /** The preview role: any job of the project, on any branch. */
    public static PolicyDocument previewDocument(String oidcProviderArn, String organisationId, String projectId) {
        return PolicyDocument.of(jobsOf(oidcProviderArn, organisationId, "CircleCiProjectJobs")
                .when("StringLike", issuer(organisationId) + ":sub", subjectPattern(organisationId, projectId)));
    }

    /** The deploy role: only jobs running for a commit on one of the deploy branches. */
    public static PolicyDocument deployDocument(String oidcProviderArn, String organisationId, String projectId,
            List<String> branches) {
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("the deploy role needs at least one deploy branch");
        }
        String sub = issuer(organisationId) + ":sub";
        return PolicyDocument.of(jobsOf(oidcProviderArn, organisationId, "CircleCiDeployBranchJobs")
                .when("StringLike", sub, branches.stream()
                        .map(branch -> branchSubjectPattern(organisationId, projectId, branch))
                        .toArray(String[]::new))
                .when("StringNotLike", sub, SMUGGLED_REF));
    }

    private static PolicyStatement jobsOf(String oidcProviderArn, String organisationId, String sid) {
        return PolicyStatement.allow(sid)
                .principal("Federated", oidcProviderArn)
                .actions("sts:AssumeRoleWithWebIdentity")
                // The audience is the organisation ID: tokens minted for another organisation
                // never match, even if they came through the same issuer.
                .when("StringEquals", issuer(organisationId) + ":aud", organisationId);
    }
}
