package org.democracyclub.ee.infra.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.annotations.ResourceType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks TaggableTypes against the pulumi-aws SDK on the classpath, so the lists stay true to
 * the provider version the program uses: {@code tagsAll()} means the provider's default tags
 * reach the resource; {@code tags()} alone means it must be tagged itself.
 */
class TaggableTypesTest {

    static Stream<String> withDefaultTags() {
        return TaggableTypes.WITH_DEFAULT_TAGS.stream().sorted();
    }

    static Stream<String> ownTagsOnly() {
        return TaggableTypes.OWN_TAGS_ONLY.stream().sorted();
    }

    static Stream<String> notTaggable() {
        return TaggableTypes.NOT_TAGGABLE.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("withDefaultTags")
    void typesListedAsTakingDefaultTagsHaveTagsAndTagsAll(String type) throws Exception {
        Class<?> resource = sdkClass(type);
        assertThat(hasMethod(resource, "tags")).isTrue();
        assertThat(hasMethod(resource, "tagsAll")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("ownTagsOnly")
    void typesListedAsOwnTagsOnlyHaveTagsButNoTagsAll(String type) throws Exception {
        Class<?> resource = sdkClass(type);
        assertThat(hasMethod(resource, "tags")).isTrue();
        assertThat(hasMethod(resource, "tagsAll")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("notTaggable")
    void typesListedAsNotTaggableHaveNoTags(String type) throws Exception {
        assertThat(hasMethod(sdkClass(type), "tags")).isFalse();
    }

    /** aws:ec2/launchTemplate:LaunchTemplate -> com.pulumi.aws.ec2.LaunchTemplate, checked by its annotation. */
    private static Class<?> sdkClass(String type) throws ClassNotFoundException {
        String[] parts = type.split("[:/]");
        Class<?> resource = Class.forName("com.pulumi.aws." + parts[1] + "." + parts[3]);
        assertThat(resource.getAnnotation(ResourceType.class).type()).isEqualTo(type);
        return resource;
    }

    private static boolean hasMethod(Class<?> resource, String name) {
        Method[] methods = resource.getMethods();
        return Arrays.stream(methods).anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 0);
    }
}
