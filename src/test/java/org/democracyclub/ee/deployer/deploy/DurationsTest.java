package org.democracyclub.ee.deployer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parses_the_units_people_type() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refuses_anything_else_with_an_example() {
        for (String bad : new String[] {"", "90", "s", "1 h", "1d", "-5m", "5m-"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).hasMessageContaining("use e.g. 90s, 45m, 1h");
        }
    }

    @Test
    void formats_compactly() {
        assertThat(Durations.format(Duration.ofSeconds(252))).isEqualTo("4m12s");
        assertThat(Durations.format(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Durations.format(Duration.ofMillis(400))).isEqualTo("400ms");
        assertThat(Durations.format(Duration.ofSeconds(3600 + 5))).isEqualTo("1h5s");
    }
}
