package org.democracyclub.ee.deployer.fake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * STS AssumeRoleWithWebIdentity over the Query protocol (form in, XML out), as the SDK's
 * web-identity provider calls it for {@code web_identity_token_file} profiles and
 * {@code AWS_WEB_IDENTITY_TOKEN_FILE} (STS API reference, AssumeRoleWithWebIdentity). The
 * temporary keys it hands out start with {@code ASIA}, as STS's do.
 */
public final class FakeSts {
    public static final String ACCESS_KEY = "ASIAFAKEWEBIDENTITY1";
    private final List<Map<String, String>> requests = new ArrayList<>();

    public synchronized List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    synchronized String handle(String action, Map<String, String> p) {
        requests.add(Map.copyOf(p));
        if (p.getOrDefault("WebIdentityToken", "").isBlank()) {
            throw new FakeError(400, "InvalidIdentityToken", "Missing web identity token");
        }
        String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>" + ACCESS_KEY + "</AccessKeyId>"
                + "<SecretAccessKey>fake-web-identity-secret</SecretAccessKey><SessionToken>fake-session-token</SessionToken>"
                + "<Expiration>" + expiration + "</Expiration></Credentials>"
                + "<SubjectFromWebIdentityToken>circleci</SubjectFromWebIdentityToken>"
                + "<AssumedRoleUser><Arn>" + p.get("RoleArn") + "/ee-deployer</Arn><AssumedRoleId>AROAFAKE:ee-deployer</AssumedRoleId></AssumedRoleUser>"
                + "</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>"
                + "</AssumeRoleWithWebIdentityResponse>";
    }
}
