package org.democracyclub.ee.infra.names;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.democracyclub.ee.infra.settings.Environment;

/**
 * The two tags every taggable resource carries. The provider applies them as default tags;
 * the few places AWS does not cover with default tags (Auto Scaling groups, the instances and
 * volumes a launch template creates) take them from here too, so they are written once.
 */
public final class StackTags {
    public static final String PRODUCT_KEY = "dc-product";
    public static final String PRODUCT = "ee";
    public static final String ENVIRONMENT_KEY = "dc-environment";

    private StackTags() {
    }

    /** The tags sorted by key: {@code Map.of} iterates in an order that changes between runs, and previews must not. */
    public static Map<String, String> of(Environment environment) {
        var tags = new TreeMap<String, String>();
        tags.put(PRODUCT_KEY, PRODUCT);
        tags.put(ENVIRONMENT_KEY, environment.stackName());
        return Collections.unmodifiableSortedMap(tags);
    }
}
