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
    @DisplayName("an ssm: parameter is refused: nothing publishes the DC base image in SSM")
    void ssmParameterRefused() {
        assertThatThrownBy(() -> BaseImage.parse("ssm:/dc-base-image/ami-id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base image 'ssm:/dc-base-image/ami-id' is not valid (nothing publishes the DC base"
                        + " image in SSM: take its AMI ID)");
    }

    @Test
    @DisplayName("an empty base image says it must be set, and how to find the shared AMI")
    void emptyRefused() {
        assertThatThrownBy(() -> BaseImage.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base image is not set (this stack builds golden images)")
                .hasMessageContaining("aws ec2 describe-images --executable-users self");
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
            "/dc/base-image",               // parameter without ssm:
            "arn:aws:imagebuilder:eu-west-2:123456789012:image/dc-base-image",          // no version
            "arn:aws:imagebuilder:eu-west-2:123456789012:image/dc-base-image/x.1.x",    // wildcard left of a number
            "arn:aws:imagebuilder:eu-west-2:123456789012:component/dc-base-image/1.0.0",// not an image
            "arn:aws:imagebuilder:eu-west-2:1234:image/dc-base-image/1.0.0"})           // bad account
    @DisplayName("anything else is refused with the value and the two accepted forms")
    void refused(String value) {
        assertThatThrownBy(() -> BaseImage.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base image '" + value + "' is not valid")
                .hasMessageContaining("the DC base image's AMI ID as the organisation shares it (ami- followed by 8 or 17 hex digits")
                .hasMessageContaining("an Image Builder image ARN shared with this account (arn:aws:imagebuilder:<region>:<account ID|aws>:image/<name>/<x.x.x>");
    }
}
