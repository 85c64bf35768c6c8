package org.democracyclub.ee.infra.settings;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of ee-infra.jar, default settings. An {@code ObjectMapper} caches the
 * serializers and deserializers it builds for each type, by introspection; a mapper per class or
 * per call (there were eleven, two of them per value read) builds them again each time, most of it
 * in the interpreter in a preview's short JVM. ObjectMapper's Javadoc (jackson-databind 2.x):
 * "can use static singleton, inject: just make sure to reuse!"; it is safe to share between
 * threads as long as it is configured before use and never reconfigured after, so nothing
 * configures this one: a caller needing another setting takes an immutable
 * {@code ObjectWriter} or {@code ObjectReader} from it ({@code MAPPER.writer(feature)}).
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
