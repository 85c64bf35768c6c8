package org.democracyclub.ee.deployer.appspec;

/**
 * A {@code files} entry: copy {@code source} (relative to the revision root, {@code /} for all
 * of it) to the absolute {@code destination} on the instance.
 */
public record FileMapping(String source, String destination, int line) {

    /** The source relative to the revision root; empty for the whole revision. */
    public String relativeSource() {
        return source.replaceFirst("^/+", "");
    }
}
