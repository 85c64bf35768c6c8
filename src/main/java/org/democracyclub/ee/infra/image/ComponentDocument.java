package org.democracyclub.ee.infra.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One validated AWSTOE component document, as read from {@code image-components/}.
 *
 * @param key         the file name without its extension; names the Image Builder component
 * @param file        where it was read from (for messages)
 * @param name        the document's {@code name}
 * @param description the document's {@code description}
 * @param content     the exact text of the file: what Image Builder receives and what the
 *                    component's version is derived from
 * @param parameters  the declared parameters in document order, each with its default if any
 */
public record ComponentDocument(
        String key,
        Path file,
        String name,
        String description,
        String content,
        List<Parameter> parameters) {

    public ComponentDocument {
        parameters = List.copyOf(parameters);
    }

    /** A declared AWSTOE parameter; the recipe must supply a value when there is no default. */
    public record Parameter(String name, Optional<String> defaultValue) {
    }

    /** Names of the declared parameters. */
    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
