package org.democracyclub.ee.deployer.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.democracyclub.ee.deployer.BadInputException;

/**
 * Unpacks a zip bundle into a directory the way the agent's {@code unzip -qo} does on Linux: files,
 * directories, and each Unix-made entry's permission bits from its external attributes (which
 * {@code java.util.zip} does not expose, hence this small central-directory reader). Stored and
 * deflated entries, no Zip64: what {@link DeterministicZip} writes and what common zip tools write
 * for a bundle of this size. A name that would escape the directory is refused.
 */
public final class BundleExtractor {
    private static final int MAX_BUNDLE = Integer.MAX_VALUE - 64;

    private BundleExtractor() {
    }

    public static void extract(Path zip, Path destination) throws IOException {
        long size = Files.size(zip);
        if (size > MAX_BUNDLE) {
            throw new BadInputException(zip + " is larger than 2 GiB; a bundle is the app's source, a few MB");
        }
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEnd(buf, zip);
        int entries = Short.toUnsignedInt(buf.getShort(end + 10));
        int at = (int) Integer.toUnsignedLong(buf.getInt(end + 16));
        Path root = destination.toAbsolutePath().normalize();
        for (int i = 0; i < entries; i++) {
            if (buf.getInt(at) != 0x02014b50) {
                throw new BadInputException(zip + ": broken central directory at entry " + i + "; rebuild the bundle");
            }
            int madeBy = Short.toUnsignedInt(buf.getShort(at + 4)) >>> 8;
            int method = Short.toUnsignedInt(buf.getShort(at + 10));
            int compressed = buf.getInt(at + 20);
            int plain = buf.getInt(at + 24);
            int nameLength = Short.toUnsignedInt(buf.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(buf.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(buf.getShort(at + 32));
            long external = Integer.toUnsignedLong(buf.getInt(at + 38));
            int local = buf.getInt(at + 42);
            String name = new String(buf.array(), at + 46, nameLength, StandardCharsets.UTF_8);
            at += 46 + nameLength + extraLength + commentLength;

            Path target = root.resolve(name).normalize();
            if (!target.startsWith(root) || name.startsWith("/")) {
                throw new BadInputException(zip + ": entry '" + name + "' would be written outside the bundle directory");
            }
            int mode = madeBy == 3 ? (int) (external >>> 16) : 0;
            if (name.endsWith("/")) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            int dataStart = local + 30 + Short.toUnsignedInt(buf.getShort(local + 26))
                    + Short.toUnsignedInt(buf.getShort(local + 28));
            Files.write(target, data(buf, dataStart, compressed, plain, method, name, zip));
            if ((mode & 0111) != 0) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(target));
                perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(target, perms);
            }
        }
    }

    private static byte[] data(ByteBuffer buf, int start, int compressed, int plain, int method, String name, Path zip) {
        if (method == 0) {
            byte[] out = new byte[compressed];
            System.arraycopy(buf.array(), start, out, 0, compressed);
            return out;
        }
        if (method != 8) {
            throw new BadInputException(zip + ": entry '" + name + "' uses compression method " + method
                    + "; only stored and deflated entries are supported (as the bundle command writes)");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(buf.array(), start, compressed);
            byte[] out = new byte[plain];
            int n = 0;
            while (n < plain && !inflater.finished()) {
                int got = inflater.inflate(out, n, plain - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != plain) {
                throw new BadInputException(zip + ": entry '" + name + "' is truncated; rebuild the bundle");
            }
            return out;
        } catch (DataFormatException e) {
            throw new BadInputException(zip + ": entry '" + name + "' is corrupt (" + e.getMessage() + "); rebuild the bundle");
        } finally {
            inflater.end();
        }
    }

    /** The end-of-central-directory record: the last 22 bytes, or earlier when a comment follows. */
    private static int findEnd(ByteBuffer buf, Path zip) {
        for (int i = buf.limit() - 22; i >= Math.max(0, buf.limit() - 22 - 0xFFFF); i--) {
            if (buf.getInt(i) == 0x06054b50) {
                return i;
            }
        }
        throw new BadInputException(zip + " is not a zip file (no end of central directory); pass a bundle zip or its directory");
    }
}
