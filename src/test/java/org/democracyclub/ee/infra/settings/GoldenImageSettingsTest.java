package org.democracyclub.ee.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoldenImageSettingsTest {

    private static final BaseImage BASE = BaseImage.parse("ami-0123456789abcdef0");

    @Test
    @DisplayName("valid settings are kept as given")
    void valid() {
        var settings = new GoldenImageSettings("t3a.large", BASE, "main", 20, "every_election");
        assertThat(settings.applicationGitRef()).isEqualTo("main");
        assertThat(settings.buildVolumeSizeGiB()).isEqualTo(20);
    }

    @Test
    @DisplayName("a git ref that could inject shell or git options is refused")
    void gitRefInjection() {
        assertThatThrownBy(() -> new GoldenImageSettings("t3a.large", BASE, "main; rm -rf /", 20, "every_election"))
                .hasMessageContaining("application git ref 'main; rm -rf /' is not a branch, tag or commit SHA");
        assertThatThrownBy(() -> new GoldenImageSettings("t3a.large", BASE, "--upload-pack=x", 20, "every_election"))
                .hasMessageContaining("not starting with '-'");
    }

    @Test
    @DisplayName("a volume too small for the build, or beyond gp3, is refused")
    void volume() {
        assertThatThrownBy(() -> new GoldenImageSettings("t3a.large", BASE, "main", 4, "every_election"))
                .hasMessage("build volume size 4 GiB is outside 8..16384");
    }

    @Test
    @DisplayName("an instance type must look like family.size")
    void instanceType() {
        assertThatThrownBy(() -> new GoldenImageSettings("large", BASE, "main", 20, "every_election"))
                .hasMessageContaining("instance type 'large' is not an EC2 instance type");
    }
}
