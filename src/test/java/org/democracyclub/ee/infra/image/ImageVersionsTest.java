package org.democracyclub.ee.infra.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.democracyclub.ee.infra.settings.BaseImage;
import org.democracyclub.ee.infra.settings.GoldenImageSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageVersionsTest {

    private static final GoldenImageSettings SETTINGS = new GoldenImageSettings(
            "t3a.large", BaseImage.parse("ami-0fedcba9876543210"), "main", 20, "every_election");

    @TempDir
    Path changed;

    private static Map<String, String> componentVersions(RecipePlan plan) {
        return plan.components().stream().collect(Collectors.toMap(c -> c.document().key(), RecipePlan.PlannedComponent::version));
    }

    private static RecipePlan plan(GoldenImageSettings settings) {
        return RecipePlan.of(settings, ComponentDocuments.load());
    }

    /** The repository's documents copied, with one byte of one file changed. */
    private List<ComponentDocument> withOneByteChanged(String key) throws IOException {
        for (String k : ComponentDocuments.ORDER) {
            byte[] bytes = Files.readAllBytes(ComponentDocuments.DIRECTORY.resolve(k + ".yml"));
            if (k.equals(key)) {
                String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                int at = text.indexOf("description: ") + "description: ".length();
                bytes[at] = (byte) (bytes[at] ^ 0x20); // flip the case of the description's first letter
            }
            Files.write(changed.resolve(k + ".yml"), bytes);
        }
        return ComponentDocuments.load(changed, ComponentDocuments.ORDER);
    }

    @Test
    @DisplayName("the same input gives the same versions")
    void sameInputSameVersions() {
        RecipePlan first = plan(SETTINGS);
        RecipePlan second = plan(SETTINGS);
        assertThat(componentVersions(second)).isEqualTo(componentVersions(first));
        assertThat(second.version()).isEqualTo(first.version());
    }

    @Test
    @DisplayName("versions do not depend on the machine: a fixed input has a fixed version")
    void pinnedVersion() {
        // If this changes, every component and recipe gets a new version on the next run:
        // only acceptable as a deliberate change of ContentVersion's scheme.
        assertThat(ContentVersion.of("component").add("document", "schemaVersion: 1.0\n").version())
                .isEqualTo(ContentVersion.of("component").add("document", "schemaVersion: 1.0\n").version())
                .isEqualTo("1070606939.44984899.951535712"); // also computed independently with Python hashlib
    }

    @Test
    @DisplayName("one byte changed in a document changes that component's version and the recipe's, and nothing else")
    void oneByteChanged() throws IOException {
        RecipePlan before = plan(SETTINGS);
        RecipePlan after = RecipePlan.of(SETTINGS, withOneByteChanged("ec2-instance-connect"));
        Map<String, String> b = componentVersions(before);
        Map<String, String> a = componentVersions(after);
        assertThat(a.get("ec2-instance-connect")).isNotEqualTo(b.get("ec2-instance-connect"));
        assertThat(a.get("install-app")).isEqualTo(b.get("install-app"));
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.parentImage()).isEqualTo(before.parentImage());
        assertThat(after.rootVolume()).isEqualTo(before.rootVolume());
    }

    @Test
    @DisplayName("a new git ref changes the install component's version (its parameter) and the recipe's")
    void gitRefChanged() {
        RecipePlan before = plan(SETTINGS);
        RecipePlan after = plan(new GoldenImageSettings("t3a.large", SETTINGS.baseImage(), "v2.0.1", 20, "every_election"));
        assertThat(componentVersions(after).get("install-app")).isNotEqualTo(componentVersions(before).get("install-app"));
        assertThat(componentVersions(after).get("ec2-instance-connect")).isEqualTo(componentVersions(before).get("ec2-instance-connect"));
        assertThat(after.version()).isNotEqualTo(before.version());
    }

    @Test
    @DisplayName("a new base image or root volume size changes only the recipe's version")
    void recipeInputsChanged() {
        RecipePlan before = plan(SETTINGS);
        RecipePlan newBase = plan(new GoldenImageSettings("t3a.large", BaseImage.parse("ami-0123456789abcdef0"), "main", 20, "every_election"));
        RecipePlan bigger = plan(new GoldenImageSettings("t3a.large", SETTINGS.baseImage(), "main", 30, "every_election"));
        assertThat(componentVersions(newBase)).isEqualTo(componentVersions(before));
        assertThat(componentVersions(bigger)).isEqualTo(componentVersions(before));
        assertThat(newBase.version()).isNotEqualTo(before.version());
        assertThat(bigger.version()).isNotEqualTo(before.version()).isNotEqualTo(newBase.version());
    }

    @Test
    @DisplayName("the build instance type is not part of the image, so it changes no version")
    void instanceTypeIsNotContent() {
        RecipePlan before = plan(SETTINGS);
        RecipePlan after = plan(new GoldenImageSettings("c7a.xlarge", SETTINGS.baseImage(), "main", 20, "every_election"));
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(componentVersions(after)).isEqualTo(componentVersions(before));
    }

    @Test
    @DisplayName("a different component order is a different recipe")
    void orderMatters() {
        List<ComponentDocument> documents = ComponentDocuments.load();
        List<ComponentDocument> swapped = List.of(documents.get(1), documents.get(0), documents.get(2));
        assertThat(RecipePlan.of(SETTINGS, swapped).version()).isNotEqualTo(RecipePlan.of(SETTINGS, documents).version());
    }

    @Test
    @DisplayName("every version is major.minor.patch with each node within Image Builder's 0..2^30-1")
    void versionsAreValid() {
        RecipePlan plan = plan(SETTINGS);
        for (String version : concat(componentVersions(plan).values(), plan.version())) {
            assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
            for (String node : version.split("\\.")) {
                assertThat(Long.parseLong(node)).isBetween(0L, 1073741823L);
            }
        }
    }

    @Test
    @DisplayName("each component receives the values of the parameters it declares; defaults apply otherwise")
    void parameterValues() {
        RecipePlan plan = plan(SETTINGS);
        assertThat(plan.components().get(0).parameters()).isEmpty();
        assertThat(plan.components().get(1).parameters()).isEmpty(); // generated from ee-deploy/
        // "repository" keeps its default, so it is not passed.
        assertThat(plan.components().get(plan.components().size() - 1).parameters())
                .containsExactly(Map.entry("gitRef", "main"),
                        Map.entry("excludedAppPaths", ".git appspec.yml appspec.yaml deploy"),
                        Map.entry("djangoSettingsModule", "every_election.settings.deploy"));
    }

    @Test
    @DisplayName("a parameter with no default that the program does not supply stops the program")
    void unsuppliedParameter() throws IOException {
        Files.writeString(changed.resolve("odd.yml"), """
                name: odd
                description: Needs a value nobody gives.
                schemaVersion: 1.0
                parameters:
                  - colour:
                      type: string
                phases:
                  - name: build
                    steps:
                      - name: Paint
                        action: ExecuteBash
                        inputs:
                          commands:
                            - 'echo "{{ colour }}"'
                """);
        List<ComponentDocument> documents = ComponentDocuments.load(changed, List.of("odd"));
        assertThatThrownBy(() -> RecipePlan.of(SETTINGS, documents))
                .isInstanceOf(InvalidComponentDocumentException.class)
                .hasMessageContaining("odd.yml: parameter 'colour' has no default and the program supplies no value for it"
                        + " (it supplies: djangoSettingsModule, excludedAppPaths, gitRef, username)");
    }

    private static List<String> concat(java.util.Collection<String> a, String b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.add(b);
        return all;
    }
}
