package org.democracyclub.ee.deployer.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S3 as the deployer uses it, over its REST-XML protocol (path-style requests, which the client
 * factory selects when an endpoint override is set). Each behaviour follows the S3 API reference:
 * <ul>
 *   <li>GetBucketVersioning ({@code GET /bucket?versioning}): a {@code VersioningConfiguration}
 *   with {@code Status} Enabled or Suspended, and no Status for a bucket never versioned;</li>
 *   <li>HeadObject ({@code HEAD /bucket/key}): the headers without a body; a missing key is a bare
 *   404 ("If the object you request doesn't exist, the error that Amazon S3 returns depends on
 *   whether you also have the s3:ListBucket permission": 404 with it); {@code x-amz-checksum-sha256}
 *   only when the request sets {@code x-amz-checksum-mode: ENABLED} and the object was stored
 *   with that checksum;</li>
 *   <li>PutObject ({@code PUT /bucket/key}): a new version per put in a versioned bucket, its ID in
 *   {@code x-amz-version-id} (absent when versioning was never enabled); the ETag is the quoted MD5
 *   of the body for a single-part upload without SSE-KMS; a {@code x-amz-checksum-sha256} that
 *   does not match the body is refused with 400 {@code BadDigest}. Bodies the SDK sends with
 *   {@code Content-Encoding: aws-chunked} (S3 API reference, "Signature Calculations ...:
 *   Transferring Payload in Multiple Chunks") are decoded first.</li>
 * </ul>
 */
public final class FakeS3 {
    public static final String BUCKET = "ee-revisions-development-123456789012";

    /** A stored version of an object. */
    public record Version(String versionId, byte[] body, String eTag, String checksumSha256) {
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private final Map<String, String> versioning = new HashMap<>();
    private final Map<String, List<Version>> objects = new HashMap<>();
    private int versions;

    public FakeS3() {
        versioning.put(BUCKET, "Enabled");
    }

    /** {@code null} means never versioned; otherwise Enabled or Suspended. */
    public synchronized FakeS3 versioning(String bucket, String status) {
        versioning.put(bucket, status);
        return this;
    }

    public synchronized List<Version> versions(String bucket, String key) {
        return List.copyOf(objects.getOrDefault(bucket + "/" + key, List.of()));
    }

    public synchronized List<String> keys(String bucket) {
        return objects.keySet().stream().filter(k -> k.startsWith(bucket + "/"))
                .map(k -> k.substring(bucket.length() + 1)).sorted().toList();
    }

    static String action(String method, String path, String query) {
        boolean objectPath = path.indexOf('/', 1) > 0;
        return switch (method) {
            case "GET" -> query != null && query.contains("versioning") && !objectPath ? "GetBucketVersioning" : "GetObject";
            case "HEAD" -> objectPath ? "HeadObject" : "HeadBucket";
            case "PUT" -> "PutObject";
            default -> method;
        };
    }

    synchronized Answer handle(String action, String path, Map<String, String> headers, byte[] body) {
        int slash = path.indexOf('/', 1);
        String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String key = slash < 0 ? "" : java.net.URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
        if (!versioning.containsKey(bucket)) {
            return error(404, "NoSuchBucket", "The specified bucket does not exist", !action.equals("HeadObject"));
        }
        return switch (action) {
            case "GetBucketVersioning" -> versioningAnswer(bucket);
            case "HeadObject" -> head(bucket, key, headers);
            case "PutObject" -> put(bucket, key, headers, body);
            default -> error(501, "NotImplemented", "the fake does not implement " + action, true);
        };
    }

    private Answer versioningAnswer(String bucket) {
        String status = versioning.get(bucket);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + (status == null ? "" : "<Status>" + status + "</Status>") + "</VersioningConfiguration>";
        return new Answer(200, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    private Answer head(String bucket, String key, Map<String, String> headers) {
        List<Version> stored = objects.get(bucket + "/" + key);
        if (stored == null || stored.isEmpty()) {
            return error(404, "NoSuchKey", "Not Found", false);
        }
        Version v = stored.get(stored.size() - 1);
        Map<String, String> out = new LinkedHashMap<>(objectHeaders(v));
        if ("ENABLED".equalsIgnoreCase(headers.get("x-amz-checksum-mode")) && v.checksumSha256() != null) {
            out.put("x-amz-checksum-sha256", v.checksumSha256());
        }
        return new Answer(200, out, null);
    }

    private Answer put(String bucket, String key, Map<String, String> headers, byte[] raw) {
        byte[] body = isChunked(headers) ? dechunk(raw) : raw;
        String sent = headers.get("x-amz-checksum-sha256");
        String actual = Base64.getEncoder().encodeToString(digest("SHA-256", body));
        if (sent != null && !sent.equals(actual)) {
            return error(400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.", true);
        }
        boolean versioned = "Enabled".equals(versioning.get(bucket));
        String id = versioned ? "v" + (++versions) + "-" + HexFormat.of().formatHex(digest("MD5", body)).substring(0, 8) : "null";
        Version v = new Version(id, body, "\"" + HexFormat.of().formatHex(digest("MD5", body)) + "\"", sent);
        List<Version> stored = objects.computeIfAbsent(bucket + "/" + key, k -> new ArrayList<>());
        if (!versioned) {
            stored.clear();
        }
        stored.add(v);
        Map<String, String> out = new LinkedHashMap<>(objectHeaders(v));
        if (sent != null) {
            out.put("x-amz-checksum-sha256", sent);
        }
        return new Answer(200, out, new byte[0]);
    }

    private static Map<String, String> objectHeaders(Version v) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ETag", v.eTag());
        if (!v.versionId().equals("null")) {
            out.put("x-amz-version-id", v.versionId());
        }
        return out;
    }

    private static boolean isChunked(Map<String, String> headers) {
        String encoding = headers.getOrDefault("content-encoding", "");
        String sha = headers.getOrDefault("x-amz-content-sha256", "");
        return encoding.contains("aws-chunked") || sha.startsWith("STREAMING-");
    }

    /** {@code hex-size[;chunk-signature=...]\r\n data \r\n} ... {@code 0...\r\n} then optional trailers. */
    static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int lineEnd = indexOfCrlf(raw, at);
            String line = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(line.split(";", 2)[0].trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(raw, at, size);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("aws-chunked body without CRLF");
    }

    private static Answer error(int status, String code, String message, boolean withBody) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fake-request</RequestId></Error>";
        return new Answer(status, Map.of("Content-Type", "application/xml"),
                withBody ? xml.getBytes(StandardCharsets.UTF_8) : null);
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
