package org.democracyclub.ee.deployer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactorTest {

    @Test
    void the_apps_secret_settings_are_hidden_in_every_assignment_form() {
        String tail = """
                [stdout]EE_SECRET_KEY='abc def'
                export SENTRY_DSN="https://key@sentry.example/1"
                GITHUB_TOKEN=ghp_123 FQDN=development.every-election.example
                [stderr]password: hunter2
                """;

        String out = LogRedactor.redact(tail);

        assertThat(out).doesNotContain("abc def", "key@sentry", "ghp_123", "hunter2")
                .contains("EE_SECRET_KEY=[redacted]", "export SENTRY_DSN=[redacted]", "GITHUB_TOKEN=[redacted]",
                        "FQDN=development.every-election.example", "password: [redacted]");
    }

    @Test
    void aws_keys_and_session_tokens_are_hidden_wherever_they_appear() {
        String out = LogRedactor.redact("using ASIAABCDEFGHIJKLMNOP and aws_session_token = IQoJb3JpZ2luX2Vj\n"
                + "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        assertThat(out).doesNotContain("ASIAABCDEFGHIJKLMNOP", "IQoJb3JpZ2luX2Vj", "wJalrXUtnFEMI")
                .contains("aws_session_token = [redacted]", "AWS_SECRET_ACCESS_KEY=[redacted]");
    }

    @Test
    void ordinary_lines_are_left_as_they_are() {
        String line = "[stdout]Applying migrations: elections.0042_auto... OK (exit code 0) commit 0123456789abcdef0123456789abcdef01234567";

        assertThat(LogRedactor.redact(line)).isEqualTo(line);
    }
}
