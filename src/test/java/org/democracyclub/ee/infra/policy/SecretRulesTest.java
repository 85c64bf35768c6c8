package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRulesTest {
    private final TestStack stack = TestStack.compliant("production");

    @ParameterizedTest
    @ValueSource(strings = {"originVerifySecret", "dbPassword", "github_token", "apiKey", "every-election:sshKey",
            "aws:accessKey", "privateKeyPem"})
    void secretLookingNamesAreRecognised(String name) {
        assertThat(SecretRules.looksSecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"environment", "targetGroupArn", "amiParameterName", "autoScalingGroupName",
            "every-election:keyName", "distributionDomainName", "aws:region", "monkeyBusiness"})
    void ordinaryNamesAreNotSecret(String name) {
        assertThat(SecretRules.looksSecret(name)).isFalse();
    }

    @Test
    void theProgramsOutputsPass() {
        assertThat(stack.check(SecretRules.outputsSecret())).isEmpty();
    }

    @Test
    void aSecretOutputMarkedAsPulumiSecretPasses() {
        stack.outputs.add(new StackOutput("originVerifySecret", "s3cr3t", true));

        assertThat(stack.check(SecretRules.outputsSecret())).isEmpty();
    }

    @Test
    void aSecretOutputInPlainTextIsCaught() {
        stack.outputs.add(new StackOutput("originVerifySecret", "s3cr3t", false));

        assertThat(stack.check(SecretRules.outputsSecret()))
                .extracting(Violation::ruleId, Violation::resourceType, Violation::resourceName)
                .containsExactly(tuple("EE-SEC-1", Types.STACK, "output:originVerifySecret"));
    }

    @Test
    void anEncryptedOriginSecretInTheStackFilePasses() {
        assertThat(stack.check(SecretRules.stackFileSecure())).isEmpty();
    }

    @Test
    void thePlainTextOriginSecretInTheStackFileIsCaught() {
        stack.config.clear();
        stack.config.add(new ConfigEntry(SecretRules.ORIGIN_SECRET_KEY, false, "hunter2"));

        assertThat(stack.check(SecretRules.stackFileSecure()))
                .extracting(Violation::ruleId, Violation::resourceName)
                .containsExactly(tuple("EE-SEC-2", "config:every-election:originVerifySecret"));
    }

    @Test
    void anyOtherPlainSecretLookingConfigKeyIsCaught() {
        stack.config.add(new ConfigEntry("every-election:sentryToken", false, "abc"));

        assertThat(stack.check(SecretRules.stackFileSecure()))
                .extracting(Violation::ruleId).containsExactly("EE-SEC-2");
    }
}
