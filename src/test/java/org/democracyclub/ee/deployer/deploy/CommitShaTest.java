package org.democracyclub.ee.deployer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.democracyclub.ee.deployer.BadInputException;
import org.democracyclub.ee.deployer.CommitSha;
import org.junit.jupiter.api.Test;

class CommitShaTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void the_option_wins_over_the_environment() {
        assertThat(CommitSha.resolve(SHA, "f".repeat(40)).value()).isEqualTo(SHA);
        assertThat(CommitSha.resolve(null, SHA).value()).isEqualTo(SHA);
    }

    @Test
    void upper_case_and_surrounding_whitespace_are_normalised() {
        assertThat(CommitSha.resolve(null, " " + SHA.toUpperCase() + "\n").value()).isEqualTo(SHA);
    }

    @Test
    void short_or_non_hex_shas_are_bad_input_naming_their_source() {
        assertThatThrownBy(() -> CommitSha.resolve(null, SHA.substring(1))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("COMMIT_SHA must be a full 40-character hex commit SHA");
        assertThatThrownBy(() -> CommitSha.resolve("z".repeat(40), null)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--commit must be");
    }
}
