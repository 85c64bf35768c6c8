package org.democracyclub.ee.deployer.fake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SSO portal's GetRoleCredentials ({@code GET /federation/credentials?account_id&role_name}
 * with the cached access token in {@code x-amz-sso_bearer_token}; AWS IAM Identity Center portal
 * API reference, GetRoleCredentials), which the SDK's SSO provider calls for an SSO profile.
 */
public final class FakeSso {
    public static final String ACCESS_KEY = "ASIAFAKESSOPORTAL001";
    private final List<String> requests = new ArrayList<>();

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized Map<String, Object> getRoleCredentials(String query, String bearerToken) {
        requests.add(query + " token=" + bearerToken);
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new FakeError(401, "UnauthorizedException", "Session token not found or invalid");
        }
        long expiration = Instant.now().plus(1, ChronoUnit.HOURS).toEpochMilli();
        return Map.of("roleCredentials", Map.of("accessKeyId", ACCESS_KEY, "secretAccessKey", "fake-sso-secret",
                "sessionToken", "fake-sso-session", "expiration", expiration));
    }
}
