package org.democracyclub.ee.infra.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.democracyclub.ee.common.RevisionLayout;
import org.democracyclub.ee.infra.platform.AppSettings;
import org.democracyclub.ee.common.Problem;
import org.democracyclub.ee.infra.settings.GoldenImageSettings;

/**
 * What the recipe will contain, worked out without Pulumi: each component with the parameter
 * values the program supplies and its content-derived version, and the recipe's own version.
 * Being a pure function of its inputs, it is what the version tests exercise.
 */
record RecipePlan(List<PlannedComponent> components, String parentImage, RootVolume rootVolume, String description,
                  String version) {

    /** One component of the recipe. {@code parameters} are in declaration order. */
    record PlannedComponent(ComponentDocument document, LinkedHashMap<String, String> parameters, String version) {
    }

    /**
     * The image's root volume. The device name is the root device of Ubuntu AMIs, which the DC
     * base image is; Image Builder resizes the parent image's root volume through it.
     */
    record RootVolume(String deviceName, int sizeGiB, String volumeType, boolean encrypted, boolean deleteOnTermination,
                      String kmsKeyId) {
        RootVolume(String deviceName, int sizeGiB, String volumeType, boolean encrypted, boolean deleteOnTermination) {
            this(deviceName, sizeGiB, volumeType, encrypted, deleteOnTermination, null);
        }
    }

    static final String ROOT_DEVICE_NAME = "/dev/sda1";
    static final String VOLUME_TYPE = "gp3";
    /**
     * Every recipe field is immutable in Image Builder, so anything the recipe carries, its
     * description included, is part of the version: a change without a new version would be
     * refused.
     */
    static final String DESCRIPTION = "EveryElection on the DC base image (docs/golden-images.md)";

    /** Builds the plan; a parameter with no default that the program does not supply is an error. */
    static RecipePlan of(GoldenImageSettings settings, List<ComponentDocument> documents) {
        return of(settings, documents, null);
    }

    /**
     * Builds the plan with the root volume encrypted by {@code kmsKeyId} (an alias ARN, known
     * before anything is created, so it can be part of the version), or the account's default
     * EBS key when null.
     */
    static RecipePlan of(GoldenImageSettings settings, List<ComponentDocument> documents, String kmsKeyId) {
        Map<String, String> supplied = suppliedValues(settings);
        List<Problem> problems = new ArrayList<>();
        List<PlannedComponent> components = new ArrayList<>();
        for (ComponentDocument document : documents) {
            LinkedHashMap<String, String> values = new LinkedHashMap<>();
            for (ComponentDocument.Parameter parameter : document.parameters()) {
                String value = supplied.get(parameter.name());
                if (value != null) {
                    values.put(parameter.name(), value);
                } else if (parameter.defaultValue().isEmpty()) {
                    problems.add(new Problem(document.file(), 0, "parameter '" + parameter.name()
                            + "' has no default and the program supplies no value for it (it supplies: "
                            + String.join(", ", new TreeSet<>(supplied.keySet())) + ")"));
                }
            }
            components.add(new PlannedComponent(document, values, componentVersion(document, values)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidComponentDocumentException(problems);
        }
        RootVolume root = new RootVolume(ROOT_DEVICE_NAME, settings.buildVolumeSizeGiB(), VOLUME_TYPE, true, true, kmsKeyId);
        String parentImage = settings.baseImage().parentImage();
        return new RecipePlan(List.copyOf(components), parentImage, root, DESCRIPTION,
                recipeVersion(components, parentImage, root, DESCRIPTION));
    }

    /**
     * The values the program gives to component parameters, by AWSTOE parameter name. A
     * document receives those it declares; the others keep their defaults.
     */
    static Map<String, String> suppliedValues(GoldenImageSettings settings) {
        return Map.of(
                "username", settings.applicationUser(),
                "gitRef", settings.applicationGitRef(),
                "excludedAppPaths", String.join(" ", RevisionLayout.EXCLUDED_APP_PATHS),
                "djangoSettingsModule", AppSettings.DJANGO_SETTINGS_MODULE);
    }

    /** Changes exactly when the document's bytes or the values given to its parameters change. */
    static String componentVersion(ComponentDocument document, Map<String, String> parameters) {
        ContentVersion v = ContentVersion.of("component").add("document", document.content());
        parameters.forEach((name, value) -> v.add("parameter:" + name, value));
        return v.version();
    }

    /** Changes when any input of the recipe changes: components, their order, the parent image, the volume. */
    static String recipeVersion(List<PlannedComponent> components, String parentImage, RootVolume root, String description) {
        ContentVersion v = ContentVersion.of("recipe").add("parentImage", parentImage).add("description", description);
        for (PlannedComponent c : components) {
            v.add("component", c.document().key()).add("componentVersion", c.version());
        }
        if (root.kmsKeyId() != null) {
            // Only when set, so the versions of plans without a key stay what they were.
            v.add("rootKmsKeyId", root.kmsKeyId());
        }
        return v.add("rootDevice", root.deviceName())
                .add("rootSizeGiB", Integer.toString(root.sizeGiB()))
                .add("rootVolumeType", root.volumeType())
                .add("rootEncrypted", Boolean.toString(root.encrypted()))
                .add("rootDeleteOnTermination", Boolean.toString(root.deleteOnTermination()))
                .version();
    }
}
