package org.democracyclub.ee.infra.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The shell scripts inside the documents only run on an Image Builder instance; a syntax error
 * there would surface after a deployment and a 20-minute build. {@code bash -n} finds it here.
 */
class ComponentScriptsIT {

    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_-]+)\\s*}}");

    record Script(String where, String text) {
    }

    /** Every ExecuteBash step, with parameters replaced by the values the recipe gives (or their defaults). */
    @SuppressWarnings("unchecked")
    private static List<Script> scripts() {
        var plan = RecipePlan.of(ImagePipelineIT.SETTINGS, ComponentDocuments.load());
        List<Script> scripts = new ArrayList<>();
        for (var component : plan.components()) {
            Map<String, Object> document = new Yaml().load(component.document().content());
            for (var phase : (List<Map<String, Object>>) document.get("phases")) {
                for (var step : (List<Map<String, Object>>) phase.get("steps")) {
                    if (!"ExecuteBash".equals(step.get("action"))) {
                        continue;
                    }
                    var commands = (List<String>) ((Map<String, Object>) step.get("inputs")).get("commands");
                    String text = substitute(String.join("\n", commands), component);
                    scripts.add(new Script(component.document().key() + "/" + phase.get("name") + "/" + step.get("name"), text));
                }
            }
        }
        return scripts;
    }

    private static String substitute(String text, RecipePlan.PlannedComponent component) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = component.parameters().containsKey(name) ? component.parameters().get(name)
                    : component.document().parameters().stream().filter(p -> p.name().equals(name))
                    .findFirst().orElseThrow().defaultValue().orElseThrow();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    @Test
    @DisplayName("every ExecuteBash step of every component is valid bash")
    void bashSyntax() throws IOException, InterruptedException {
        List<Script> scripts = scripts();
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(10);
        for (Script script : scripts) {
            Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
            bash.getOutputStream().write(script.text().getBytes(StandardCharsets.UTF_8));
            bash.getOutputStream().close();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(script.where() + ": " + output).isZero();
        }
    }

    @Test
    @DisplayName("every script stops at its first failing command")
    void failFast() {
        assertThat(scripts()).allSatisfy(script -> assertThat(script.text())
                .as(script.where())
                .satisfiesAnyOf(
                        text -> assertThat(text).startsWith("set -euo pipefail"),
                        text -> assertThat(text.lines().count()).isEqualTo(1)));
    }
}
