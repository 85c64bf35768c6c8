package org.democracyclub.ee.deployer.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip whose bytes depend only on the entries given: names in the order given, one fixed
 * timestamp (1980-01-01 00:00, the earliest DOS date), no extra fields, and Unix modes in the
 * external attributes with "version made by" Unix.
 *
 * <p>Written by hand because {@code java.util.zip.ZipOutputStream} cannot set Unix modes (its
 * external attributes are internal to the JDK), and the executable bit matters: the CodeDeploy
 * agent extracts a zip revision with {@code unzip -qo BUNDLE -d DST}
 * (aws/aws-codedeploy-agent {@code lib/instance_agent/platform/linux_util.rb}, extract_zip), and
 * Info-ZIP's unzip restores a Unix-made entry's permission bits from its external attributes. The
 * agent itself makes only appspec hook scripts executable ({@code hook_executor.rb}, "Trying to make
 * it executable"); anything else a hook calls (job wrappers, the app's {@code serverscripts/})
 * needs the bit from the zip. Layout per PKWARE's APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16; no Zip64, so
 * at most 65535 entries and 4 GiB, checked.
 */
final class DeterministicZip {
    /** 1980-01-01 in MS-DOS date format: (year-1980)<<9 | month<<5 | day. */
    private static final int DOS_DATE = (1 << 5) | 1;
    private static final int DOS_TIME = 0;
    /** Bit 11: names are UTF-8. */
    private static final int FLAG_UTF8 = 0x0800;
    private static final int VERSION_NEEDED = 20;
    /** Upper byte 3 = Unix, so unzip reads the mode from the external attributes; lower = 2.0. */
    private static final int VERSION_MADE_BY = (3 << 8) | 20;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final long MAX_OFFSET = 0xFFFFFFFFL;

    private final CountingStream out;
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private int count;

    DeterministicZip(OutputStream out) {
        this.out = new CountingStream(out);
    }

    void directory(String name) throws IOException {
        write(name.endsWith("/") ? name : name + "/", new byte[0], S_IFDIR | 0755, true);
    }

    void file(String name, byte[] content, boolean executable) throws IOException {
        write(name, content, S_IFREG | (executable ? 0755 : 0644), false);
    }

    /** Writes the central directory and the end record; the stream stays open. */
    void finish() throws IOException {
        long start = out.count;
        byte[] dir = central.toByteArray();
        out.write(dir);
        checkLimits(start + dir.length);
        Le end = new Le();
        end.u32(0x06054b50).u16(0).u16(0).u16(count).u16(count).u32(dir.length).u32(start).u16(0);
        out.write(end.bytes());
        out.flush();
    }

    private void write(String name, byte[] content, int mode, boolean isDirectory) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        byte[] data = isDirectory ? content : deflate(content);
        int method = isDirectory ? 0 : 8;
        long offset = out.count;
        checkLimits(offset + data.length);
        if (++count > 0xFFFF) {
            throw new IllegalStateException("more than 65535 entries: the bundle format has no Zip64");
        }
        Le local = new Le();
        local.u32(0x04034b50).u16(VERSION_NEEDED).u16(FLAG_UTF8).u16(method).u16(DOS_TIME).u16(DOS_DATE)
                .u32(crc.getValue()).u32(data.length).u32(content.length).u16(nameBytes.length).u16(0);
        out.write(local.bytes());
        out.write(nameBytes);
        out.write(data);
        Le header = new Le();
        header.u32(0x02014b50).u16(VERSION_MADE_BY).u16(VERSION_NEEDED).u16(FLAG_UTF8).u16(method)
                .u16(DOS_TIME).u16(DOS_DATE).u32(crc.getValue()).u32(data.length).u32(content.length)
                .u16(nameBytes.length).u16(0).u16(0).u16(0).u16(0)
                // External attributes: the Unix mode in the high 16 bits, MS-DOS directory bit 0x10.
                .u32(((long) mode << 16) | (isDirectory ? 0x10 : 0)).u32(offset);
        central.write(header.bytes());
        central.write(nameBytes);
    }

    private static void checkLimits(long offset) {
        if (offset > MAX_OFFSET) {
            throw new IllegalStateException("the bundle would exceed 4 GiB: the bundle format has no Zip64");
        }
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, content.length / 2));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                compressed.write(buffer, 0, n);
            }
            return compressed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Little-endian fields, as every zip header is. */
    private static final class Le {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Le u16(int v) {
            bytes.write(v & 0xFF);
            bytes.write((v >>> 8) & 0xFF);
            return this;
        }

        Le u32(long v) {
            u16((int) (v & 0xFFFF));
            return u16((int) ((v >>> 16) & 0xFFFF));
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream target;
        long count;

        CountingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
