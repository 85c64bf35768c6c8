package org.democracyclub.ee.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.democracyclub.ee.common.AppDefaults;
import org.democracyclub.ee.infra.names.Names;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.democracyclub.ee.infra.settings.AppAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Roles} declared alone with its args: one app bucket, no others. */
class RolesIT {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AppAccess ONE_BUCKET = new AppAccess(Optional.of("notices-test"), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());
    private static OfflineRun run;

    @BeforeAll
    static void declare() {
        run = Alone.declare(options -> new Roles("iam", new Roles.Args(Alone.REGION, Alone.ACCOUNT, ONE_BUCKET),
                options));
    }

    private static JsonNode policy(String name) throws Exception {
        return JSON.readTree((String) run.get(POLICY, name).at("policy"));
    }

    /** Every resource the statements name, flattened. */
    private static List<String> resources(JsonNode policy) {
        List<String> all = new ArrayList<>();
        policy.path("Statement").forEach(s -> s.path("Resource").forEach(r -> all.add(r.asText())));
        return all;
    }

    @Test
    void bothRolesCarryTheCiPermissionsBoundaryOfTheGivenAccount() {
        assertThat(run.ofType(ROLE)).hasSize(2).allSatisfy(role -> assertThat(role.at("permissionsBoundary"))
                .isEqualTo(Names.permissionsBoundaryArn(Alone.ACCOUNT)));
    }

    @Test
    void theInstanceRoleIsAssumedByEc2AndAttachesOnlyTheCloudWatchAgentPolicy() throws Exception {
        DeclaredResource role = run.get(ROLE, Names.INSTANCE_ROLE);
        assertThat(JSON.readTree((String) role.at("assumeRolePolicy")).at("/Statement/0/Principal/Service").toString())
                .isEqualTo("[\"ec2.amazonaws.com\"]");
        assertThat(role.at("managedPolicyArns")).isEqualTo(List.of("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"));
    }

    @Test
    void theInstancesReadAndWriteOnlyTheAppBucketsTheArgsName() throws Exception {
        assertThat(resources(policy("iam-instance-access")))
                .contains("arn:aws:s3:::notices-test/*", "arn:aws:s3:::notices-test")
                .filteredOn(arn -> arn.startsWith("arn:aws:s3:::") && !arn.contains("codedeploy")
                        && !arn.contains("ee-revisions"))
                .allSatisfy(arn -> assertThat(arn).startsWith("arn:aws:s3:::notices-test"));
    }

    @Test
    void theInstancesReadTheAppParametersOfTheGivenRegionAndAccount() throws Exception {
        assertThat(resources(policy("iam-instance-access"))).contains(
                "arn:aws:ssm:" + Alone.REGION + ":" + Alone.ACCOUNT + ":parameter" + AppDefaults.SSM_PREFIX + "*");
    }

    @Test
    void codeDeployMayPassOnlyTheInstanceRole() throws Exception {
        JsonNode policy = policy("iam-launch-template-fleet");
        List<String> passed = new ArrayList<>();
        policy.path("Statement").forEach(s -> {
            if (s.path("Action").toString().contains("iam:PassRole")) {
                s.path("Resource").forEach(r -> passed.add(r.asText()));
            }
        });
        assertThat(passed).containsExactly("arn:aws:iam::" + Alone.ACCOUNT + ":role/" + Names.INSTANCE_ROLE);
    }

    @Test
    void theServiceRoleIsAssumedByCodeDeployWithItsManagedPolicy() throws Exception {
        DeclaredResource role = run.get(ROLE, Names.SERVICE_ROLE);
        assertThat(JSON.readTree((String) role.at("assumeRolePolicy")).at("/Statement/0/Principal/Service").toString())
                .isEqualTo("[\"codedeploy.amazonaws.com\"]");
        assertThat(role.at("managedPolicyArns")).isEqualTo(List.of("arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole"));
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertThat(run.resources()).filteredOn(r -> !r.isComponent() && !r.type().startsWith("pulumi:providers:"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.parentType()).isEqualTo(Roles.TYPE));
    }
}
