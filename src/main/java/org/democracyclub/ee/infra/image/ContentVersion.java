package org.democracyclub.ee.infra.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives an Image Builder semantic version from content, so that a version changes exactly when
 * the content does and nobody has to remember to bump it.
 *
 * <p>Inputs are labelled fields, each written with its length, so that no two different field
 * lists encode to the same bytes. The SHA-256 of that encoding gives three 30-bit numbers:
 * Image Builder accepts 0 to 2^30-1 (1073741823) in each of major, minor and patch. Collisions
 * need 90 equal bits, which is not a practical concern for a handful of components. The result
 * depends only on the bytes given, so every machine computes the same version.
 */
final class ContentVersion {

    /** Image Builder's upper limit for each of the three assignable version nodes. */
    static final int MAX_NODE = (1 << 30) - 1;

    /** Bump to re-version everything deliberately (e.g. if the encoding below changes). */
    private static final String SCHEME = "ee-content-version-1";

    private final MessageDigest digest;

    private ContentVersion(String kind) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        add("scheme", SCHEME);
        add("kind", kind);
    }

    /** Starts a version for one kind of resource ("component", "recipe"). */
    static ContentVersion of(String kind) {
        return new ContentVersion(kind);
    }

    ContentVersion add(String label, String value) {
        return add(label, value.getBytes(StandardCharsets.UTF_8));
    }

    ContentVersion add(String label, byte[] value) {
        writeField(label.getBytes(StandardCharsets.UTF_8));
        writeField(value);
        return this;
    }

    private void writeField(byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** The version, {@code major.minor.patch}; the digest cannot be extended afterwards. */
    String version() {
        ByteBuffer hash = ByteBuffer.wrap(digest.digest());
        long first = hash.getLong();
        long second = hash.getLong();
        long major = (first >>> 34) & MAX_NODE;
        long minor = (first >>> 4) & MAX_NODE;
        long patch = (second >>> 34) & MAX_NODE;
        return major + "." + minor + "." + patch;
    }
}
