package org.democracyclub.ee.deployer.bundle;

import java.nio.file.Path;

/**
 * A composed bundle on disk.
 *
 * @param sha256 the zip's SHA-256 (64 lowercase hex): with the application commit, its key in the
 *               revision bucket ({@code RevisionKey.of})
 * @param files  the number of regular files in it (directories not counted)
 */
public record Bundle(Path file, String sha256, long size, int files, Manifest manifest) {
}
