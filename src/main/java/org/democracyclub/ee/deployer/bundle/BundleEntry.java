package org.democracyclub.ee.deployer.bundle;

import java.nio.file.Path;

/**
 * One file of the bundle.
 *
 * @param name       its path in the bundle, with {@code /} separators and no leading slash
 * @param source     the file to copy, or null when {@code content} is given
 * @param content    the bytes to write (the manifest), or null when {@code source} is given
 * @param executable whether it ships with mode 0755 (else 0644)
 */
record BundleEntry(String name, Path source, byte[] content, boolean executable) {

    static BundleEntry file(String name, Path source, boolean executable) {
        return new BundleEntry(name, source, null, executable);
    }

    static BundleEntry bytes(String name, byte[] content) {
        return new BundleEntry(name, null, content, false);
    }
}
