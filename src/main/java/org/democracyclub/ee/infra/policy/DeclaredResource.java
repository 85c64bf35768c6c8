package org.democracyclub.ee.infra.policy;

import com.pulumi.test.Mocks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource as the program declared it, seen through the mock engine.
 *
 * @param type     Pulumi type token, e.g. {@code aws:ec2/launchTemplate:LaunchTemplate}
 * @param name     logical name
 * @param id       the ID the mock assigned (references between resources appear as these IDs)
 * @param inputs   the resolved inputs, camelCase as in the Pulumi registry
 * @param provider the provider reference the engine passed ({@code <provider urn>::<provider id>}),
 *                 or null when the resource uses the default provider or the caller does not know
 */
public record DeclaredResource(String type, String name, String id, Map<String, Object> inputs, String provider) {

    public DeclaredResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        inputs = inputs == null ? Map.of() : inputs;
    }

    public DeclaredResource(String type, String name, String id, Map<String, Object> inputs) {
        this(type, name, id, inputs, null);
    }

    /**
     * The resource as the mock engine reported it to {@code Mocks.newResourceAsync}, with the ID
     * the mock assigned (ResourceArgs.id is only set for reads and imports).
     */
    public static DeclaredResource fromMock(Mocks.ResourceArgs args, String assignedId) {
        return new DeclaredResource(args.type, args.name, assignedId, args.inputs, args.provider);
    }

    public boolean is(String typeToken) {
        return type.equals(typeToken);
    }

    /** "type name", how reports and messages name a resource. */
    public String label() {
        return type + " " + name;
    }

    public Object at(String path) {
        return Props.at(inputs, path);
    }

    public Optional<String> string(String path) {
        return Props.string(inputs, path);
    }

    public Optional<Boolean> bool(String path) {
        return Props.bool(inputs, path);
    }

    public Optional<Number> number(String path) {
        return Props.number(inputs, path);
    }

    public List<Map<String, Object>> objects(String path) {
        return Props.objects(inputs, path);
    }

    public List<String> strings(String path) {
        return Props.strings(inputs, path);
    }

    public Map<String, Object> object(String path) {
        return Props.object(inputs, path);
    }
}
