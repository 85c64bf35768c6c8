package org.democracyclub.ee.deployer.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.democracyclub.ee.deployer.aws.ClientSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * CodeDeploy, SSM and Auto Scaling on one local port, speaking their real wire protocols:
 * JSON 1.1 selected by {@code X-Amz-Target} for CodeDeploy and SSM, and the AWS Query protocol
 * (form-encoded POST, XML answer) for Auto Scaling. Every request is recorded, faults are injected
 * before the request is handled, and signatures are not checked.
 */
public final class FakeAws implements AutoCloseable {
    public static final String APPLICATION = "EECodeDeploy";
    public static final String GROUP = "EEDefaultDeploymentGroup";
    public static final String LIVE_FLEET = "CodeDeploy_EEDefaultDeploymentGroup_d-LIVE00001";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final FakeAutoScaling autoScaling = new FakeAutoScaling();
    private final FakeCodeDeploy codeDeploy = new FakeCodeDeploy(APPLICATION, GROUP, LIVE_FLEET, autoScaling);
    private final FakeSsm ssm = new FakeSsm();
    private final FakeSts sts = new FakeSts();
    private final FakeSso sso = new FakeSso();
    private final FakeS3 s3 = new FakeS3();
    private volatile Faults faults = Faults.none();

    static {
        // Without TCP_NODELAY, the server's separate header and body writes meet the client's
        // delayed ACK and every call takes ~40 ms more. Read once, before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A fake with the live fleet running {@code inService} of 2 instances. */
    public static FakeAws start(int inService) throws IOException {
        FakeAws fake = new FakeAws();
        fake.autoScaling.addGroup(LIVE_FLEET, inService == 0 ? 0 : 2, inService, 4, inService);
        return fake;
    }

    public FakeAws faults(Faults faults) {
        this.faults = faults;
        return this;
    }

    public FakeCodeDeploy codeDeploy() {
        return codeDeploy;
    }

    public FakeAutoScaling autoScaling() {
        return autoScaling;
    }

    public FakeSsm ssm() {
        return ssm;
    }

    public FakeSts sts() {
        return sts;
    }

    public FakeSso sso() {
        return sso;
    }

    public FakeS3 s3() {
        return s3;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Points the deployer's real client factory at this fake, with the SDK's retry rules but waits
     * of at most 20 ms between attempts (the standard mode's own go up to 20 s after throttling).
     */
    public ClientSettings clientSettings() {
        return new ClientSettings(Optional.of(endpoint()), Optional.of(Region.EU_WEST_2),
                Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKE", "fake-secret"))))
                .withMaxBackoff(java.time.Duration.ofMillis(20));
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String action) {
        return calls().stream().filter(c -> c.action().equals(action)).toList();
    }

    public List<Call> calls(Predicate<Call> which) {
        return calls().stream().filter(which).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            boolean sso = exchange.getRequestURI().getPath().equals("/federation/credentials");
            if (target == null && !sso && !exchange.getRequestMethod().equals("POST")) {
                // S3's REST protocol: GET/HEAD/PUT on /bucket/key (Auto Scaling's Query protocol is POST to /).
                handleS3(exchange, raw);
                return;
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/federation/credentials")) {
                handleSso(exchange, body, contentType);
            } else if (target != null) {
                handleJson(exchange, target, body, contentType);
            } else {
                handleQuery(exchange, body, contentType);
            }
        }
    }

    private void handleJson(HttpExchange exchange, String target, String body, String contentType) throws IOException {
        String service = target.startsWith("CodeDeploy_") ? "codedeploy" : target.startsWith("AmazonSSM.") ? "ssm" : "unknown";
        String action = target.substring(target.indexOf('.') + 1);
        JsonNode request = JSON.readTree(body.isEmpty() ? "{}" : body);
        Map<String, String> params = new LinkedHashMap<>();
        request.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        Fault fault = faults.next(action);
        boolean executed = false;
        int status = 200;
        Object answer;
        try {
            if (fault == Fault.THROTTLE) {
                throw new FakeError(400, "ThrottlingException", "Rate exceeded");
            }
            if (fault == Fault.ERROR_BEFORE) {
                throw new FakeError(500, "InternalFailure", "injected server error");
            }
            answer = service.equals("codedeploy") ? codeDeploy.handle(action, request) : ssm.handle(action, request);
            executed = true;
            if (fault == Fault.ERROR_AFTER) {
                throw new FakeError(500, "InternalFailure", "injected server error after executing");
            }
        } catch (FakeError e) {
            status = e.status;
            answer = Map.of("__type", e.type, "message", e.getMessage());
        }
        calls.add(new Call(service, action, params, fault, executed, body, contentType, accessKey(exchange)));
        send(exchange, status, "application/x-amz-json-1.1", JSON.writeValueAsBytes(answer));
    }

    private void handleSso(HttpExchange exchange, String body, String contentType) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
        int status = 200;
        Object answer;
        try {
            answer = sso.getRoleCredentials(query, token);
        } catch (FakeError e) {
            status = e.status;
            answer = Map.of("message", e.getMessage());
            exchange.getResponseHeaders().add("x-amzn-ErrorType", e.type);
        }
        calls.add(new Call("sso", "GetRoleCredentials", form(query == null ? "" : query), Fault.NONE, status == 200, body,
                contentType, accessKey(exchange)));
        send(exchange, status, "application/json", JSON.writeValueAsBytes(answer));
    }

    /** The access key the request was signed with (SigV4 {@code Credential=AKID/...}), or null. */
    private static String accessKey(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.contains("Credential=")) {
            return null;
        }
        String rest = auth.substring(auth.indexOf("Credential=") + "Credential=".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private void handleQuery(HttpExchange exchange, String body, String contentType) throws IOException {
        Map<String, String> params = form(body);
        String action = params.getOrDefault("Action", "");
        Fault fault = faults.next(action);
        boolean executed = false;
        int status = 200;
        String answer;
        try {
            if (fault == Fault.THROTTLE) {
                throw new FakeError(400, "Throttling", "Rate exceeded");
            }
            if (fault == Fault.ERROR_BEFORE) {
                throw new FakeError(500, "InternalFailure", "injected server error");
            }
            if (action.equals("DeleteAutoScalingGroup")) {
                // Outside the Auto Scaling lock: the fake CodeDeploy records deletions of fleets in use.
                codeDeploy.deleting(params.get("AutoScalingGroupName"));
            }
            int before = action.equals("UpdateAutoScalingGroup") ? instances(params.get("AutoScalingGroupName")) : 0;
            answer = action.equals("AssumeRoleWithWebIdentity") ? sts.handle(action, params) : autoScaling.handle(action, params);
            executed = true;
            if (action.equals("UpdateAutoScalingGroup") && instances(params.get("AutoScalingGroupName")) > before) {
                codeDeploy.instancesLaunched(params.get("AutoScalingGroupName"));
            }
            if (fault == Fault.ERROR_AFTER) {
                throw new FakeError(500, "InternalFailure", "injected server error after executing");
            }
        } catch (FakeError e) {
            status = e.status;
            answer = FakeAutoScaling.error(e);
        }
        calls.add(new Call(action.equals("AssumeRoleWithWebIdentity") ? "sts" : "autoscaling", action, params, fault,
                executed, body, contentType, accessKey(exchange)));
        send(exchange, status, "text/xml", answer.getBytes(StandardCharsets.UTF_8));
    }

    private int instances(String group) {
        var g = autoScaling.group(group);
        return g == null ? 0 : g.instances.size();
    }

    private void handleS3(HttpExchange exchange, byte[] body) throws IOException {
        URI uri = exchange.getRequestURI();
        String action = FakeS3.action(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        FakeS3.Answer answer = s3.handle(action, uri.getRawPath(), headers, body);
        calls.add(new Call("s3", action, Map.of("path", uri.getRawPath()), Fault.NONE, answer.status() < 300,
                "", headers.get("content-type"), accessKey(exchange)));
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("x-amz-request-id", "fake-request");
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("x-amzn-RequestId", "fake-request");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
