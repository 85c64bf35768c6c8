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
 * @param placement where the resource sits in the program and the options Pulumi applies to it
 */
public record DeclaredResource(String type, String name, String id, Map<String, Object> inputs, String provider,
                               Placement placement) {

    /**
     * @param parent         the logical name of the parent component, or {@code null} at the top
     * @param parentType     the type of the parent component, or {@code null} at the top
     * @param ignoreChanges  the properties Pulumi leaves alone after creation
     * @param retainOnDelete whether Pulumi forgets rather than deletes the resource when no longer declared
     */
    public record Placement(String parent, String parentType, List<String> ignoreChanges, boolean retainOnDelete) {
        public static final Placement TOP = new Placement(null, null, List.of(), false);
    }

    public DeclaredResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        inputs = inputs == null ? Map.of() : inputs;
        placement = placement == null ? Placement.TOP : placement;
    }

    public DeclaredResource(String type, String name, String id, Map<String, Object> inputs) {
        this(type, name, id, inputs, null, null);
    }

    public DeclaredResource(String type, String name, String id, Map<String, Object> inputs, String provider) {
        this(type, name, id, inputs, provider, null);
    }

    public String parent() {
        return placement.parent();
    }

    public String parentType() {
        return placement.parentType();
    }

    public List<String> ignoreChanges() {
        return placement.ignoreChanges();
    }

    public boolean retainOnDelete() {
        return placement.retainOnDelete();
    }

    /** Whether {@code other} is this resource's parent. */
    public boolean isChildOf(DeclaredResource other) {
        return other.name().equals(parent()) && other.type().equals(parentType());
    }

    /** Components have no cloud identity; the mock engine gives them no ID. */
    public boolean isComponent() {
        return id == null;
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
