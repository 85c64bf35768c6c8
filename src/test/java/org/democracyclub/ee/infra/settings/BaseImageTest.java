package org.democracyclub.ee.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseImageTest {

    @Test
    @DisplayName("an AMI ID of 8 or 17 hex digits is used as the parent image as it is")
    void amiIds() {
        assertThat(BaseImage.parse("ami-0123abcd")).isEqualTo(new BaseImage.AmiId("ami-0123abcd"));
        assertThat(BaseImage.parse("ami-0123456789abcdef0").parentImage()).isEqualTo("ami-0123456789abcdef0");
    }

    @Test
    @DisplayName("an SSM parameter becomes an ssm: parent image that Image Builder resolves at build time")
    void ssmParameter() {
        BaseImage image = BaseImage.parse("ssm:/dc/base-image/ami-id");
        assertThat(image).isEqualTo(new BaseImage.SsmParameter("/dc/base-image/ami-id"));
        assertThat(image.parentImage()).isEqualTo("ssm:/dc/base-image/ami-id");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:imagebuilder:eu-west-2:123456789012:image/dc-base-image/1.2.3",
            "arn:aws:imagebuilder:eu-west-2:123456789012:image/dc-base-image/1.2.3/4",
            "arn:aws:imagebuilder:eu-west-2:123456789012:image/dc-base-image/x.x.x",
            "arn:aws:imagebuilder:eu-west-2:aws:image/ubuntu-server-22-lts-x86/2024.1.x"})
    @DisplayName("an Image Builder image ARN, by version, wildcard version or build, is accepted")
    void imageArns(String arn) {
        assertThat(BaseImage.parse(arn)).isEqualTo(new BaseImage.ImageBuilderImage(arn));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ami-123",                      // too short
            "ami-0123456789ABCDEF0",        // upper case
            "ami-0123456789abcdef",         // 16 digits
            "ssm:",                         // no parameter
            "ssm:/has space",
            "/dc/base-image",               // parameter without ssm:
            "arn:aws:imagebuilder:eu-west-2:123456789012:image/dc-base-image",          // no version
            "arn:aws:imagebuilder:eu-west-2:123456789012:image/dc-base-image/x.1.x",    // wildcard left of a number
            "arn:aws:imagebuilder:eu-west-2:123456789012:component/dc-base-image/1.0.0",// not an image
            "arn:aws:imagebuilder:eu-west-2:1234:image/dc-base-image/1.0.0",            // bad account
            ""})
    @DisplayName("anything else is refused with the value and the three accepted forms")
    void refused(String value) {
        assertThatThrownBy(() -> BaseImage.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base image '" + value + "' is not valid")
                .hasMessageContaining("an AMI ID (ami- followed by 8 or 17 hex digits")
                .hasMessageContaining("an SSM parameter holding the AMI ID (ssm:/path/to/parameter)")
                .hasMessageContaining("an Image Builder image ARN (arn:aws:imagebuilder:<region>:<account ID|aws>:image/<name>/<x.x.x>");
    }
}
