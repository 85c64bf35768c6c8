package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/policy.md's rule table lists exactly the engine's rules, with their severities. */
class RulesDocumentedTest {
    private static final Pattern ROW = Pattern.compile("^\\| (EE-[A-Z0-9]+-[0-9]+) \\| (error|warning) \\|",
            Pattern.MULTILINE);

    @Test
    void theRuleTableMatchesTheEngine() throws Exception {
        String doc = Files.readString(Path.of("docs/policy.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        Map<String, String> engine = new LinkedHashMap<>();
        PolicyEngine.standard().rules().forEach(r -> engine.put(r.id(), r.severity().label()));

        assertThat(documented).isEqualTo(engine);
    }
}
