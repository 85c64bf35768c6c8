package org.democracyclub.ee.infra.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationArnTest {

    private static final String EXPECTED =
            "expected arn:aws:organizations::<12-digit management account ID>:organization/o-<10 to 32 lowercase letters or digits>";

    @Test
    @DisplayName("an organisation ARN is accepted, surrounding whitespace ignored")
    void accepted() {
        assertThat(OrganisationArn.parse(" arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5\n").value())
                .isEqualTo("arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5");
    }

    @Test
    @DisplayName("a bare o- ID is refused, and the message says which ARN to put instead")
    void bareId() {
        assertThatThrownBy(() -> OrganisationArn.parse("o-a1b2c3d4e5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSM parameter OrganisationID holds 'o-a1b2c3d4e5', which is not an organisation ARN")
                .hasMessageContaining(EXPECTED)
                .hasMessageContaining("put the organisation's ARN instead, "
                        + "arn:aws:organizations::<management account ID>:organization/o-a1b2c3d4e5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:organizations::12345678901:organization/o-a1b2c3d4e5",   // 11-digit account
            "arn:aws:organizations::123456789012:organization/o-A1B2C3D4E5",  // upper case
            "arn:aws:organizations::123456789012:organization/o-abc",         // ID too short
            "arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cdefgh12",
            "123456789012",
            ""})
    @DisplayName("anything else is refused with the expected form")
    void refused(String value) {
        assertThatThrownBy(() -> OrganisationArn.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds '" + value + "'")
                .hasMessageContaining(EXPECTED)
                .hasMessageNotContaining("put the organisation's ARN instead");
    }
}
