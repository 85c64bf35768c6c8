package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileConfigTest {

    @Test
    void readsSecureAndPlainEntriesFromAStackFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.staging.yaml");
        Files.writeString(file, """
                config:
                  aws:region: eu-west-2
                  every-election:maxSize: 4
                  every-election:originVerifySecret:
                    secure: AAABAKlT3Zg8pLJ0
                  every-election:sentryToken: plain-text
                """);

        assertThat(StackFileConfig.read(file))
                .extracting(ConfigEntry::key, ConfigEntry::secure, ConfigEntry::plainValue)
                .containsExactly(
                        tuple("aws:region", false, "eu-west-2"),
                        tuple("every-election:maxSize", false, "4"),
                        tuple("every-election:originVerifySecret", true, null),
                        tuple("every-election:sentryToken", false, "plain-text"));
    }

    @Test
    void aStackFileWithoutConfigHasNoEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.development.yaml");
        Files.writeString(file, "encryptionsalt: v1:abc\n");

        assertThat(StackFileConfig.read(file)).isEmpty();
    }
}
