package org.democracyclub.ee.infra.settings;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of ee-infra.jar, default settings. An {@code ObjectMapper} caches the
 * serializers and deserializers it builds for each type, by introspection; a mapper per class or
 * per call (there were eleven, two of them per value read) builds them again each time, most of it
 * in the interpreter in a preview's short JVM. Configured once here and never changed after, it
 * is safe to share between threads (Jackson's documentation of {@code ObjectMapper}); a caller
 * needing another setting takes an {@code ObjectWriter} or {@code ObjectReader} from it.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
