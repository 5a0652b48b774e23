package ru.civic.platform.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.civic.platform.photo.internal.S3PhotoStorage;
import ru.civic.platform.photo.internal.SigV4Signer;

/** AWS Signature V4 against the example in the AWS documentation, and the S3 store against a fake S3 server. */
class PhotoS3StorageTest {

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> signatureFailures = new ArrayList<>();

    /**
     * "Example: GET Object" of "Signature Calculations for the Authorization Header: Transferring Payload in a Single
     * Chunk (AWS Signature Version 4)" in the Amazon S3 API Reference.
     */
    @Test
    void s3SignatureMatchesAwsExample() {
        SigV4Signer signer = new SigV4Signer(ACCESS_KEY, SECRET_KEY, "us-east-1", "s3");

        SigV4Signer.Signed signed = signer.sign("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                Map.of("Range", "bytes=0-9"), SigV4Signer.EMPTY_PAYLOAD_SHA256, Instant.parse("2013-05-24T00:00:00Z"));

        assertThat(signed.canonicalRequest()).isEqualTo("""
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(signed.stringToSign()).isEqualTo("""
                AWS4-HMAC-SHA256
                20130524T000000Z
                20130524/us-east-1/s3/aws4_request
                7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972""");
        assertThat(signed.signature()).isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(signed.headers()).containsEntry("Authorization", "AWS4-HMAC-SHA256 "
                + "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
                .containsEntry("x-amz-date", "20130524T000000Z")
                .containsEntry("x-amz-content-sha256", SigV4Signer.EMPTY_PAYLOAD_SHA256);
    }

    @BeforeEach
    void startFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopFakeS3() {
        server.stop(0);
    }

    @Test
    void s3StorageSendsSignedPathStyleRequests() {
        S3PhotoStorage storage = storage(SECRET_KEY);
        String key = "tomsk/2026/03/0b9f1c4e-0000-4000-8000-000000000001.jpg";

        storage.put(key, new byte[] {1, 2, 3}, "image/jpeg");
        assertThat(storage.get(key)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        storage.delete(key);
        assertThat(storage.get(key)).isEmpty();

        assertThat(requests).containsExactly("PUT /photos/" + key, "GET /photos/" + key, "DELETE /photos/" + key,
                "GET /photos/" + key);
        assertThat(signatureFailures).isEmpty();
    }

    @Test
    void s3StorageReportsRefusals() {
        S3PhotoStorage storage = storage("wrong-secret");

        assertThatThrownBy(() -> storage.put("tomsk/x.jpg", new byte[] {1}, "image/jpeg"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("403")
                .hasMessageContaining("SignatureDoesNotMatch");
        assertThatThrownBy(() -> storage.get("../tomsk/x.jpg")).isInstanceOf(IllegalArgumentException.class);
    }

    private S3PhotoStorage storage(String secretKey) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new S3PhotoStorage(endpoint, "photos", new SigV4Signer(ACCESS_KEY, secretKey, "ru-central1", "s3"),
                HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A fake S3: recomputes the signature from the request as received, as S3 does, then stores or serves. */
    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        synchronized (requests) {
            requests.add(method + " " + path);
        }
        if (!signatureValid(exchange, method, body)) {
            respond(exchange, 403, "<Error><Code>SignatureDoesNotMatch</Code></Error>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        switch (method) {
            case "PUT" -> {
                objects.put(path, body);
                respond(exchange, 200, new byte[0]);
            }
            case "GET" -> {
                byte[] object = objects.get(path);
                if (object == null) {
                    respond(exchange, 404, "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8));
                } else {
                    respond(exchange, 200, object);
                }
            }
            case "DELETE" -> {
                objects.remove(path);
                respond(exchange, 204, null);
            }
            default -> respond(exchange, 405, new byte[0]);
        }
    }

    private boolean signatureValid(HttpExchange exchange, String method, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = Pattern.compile("AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/([^/]+)/s3/aws4_request,"
                + "SignedHeaders=([^,]+),Signature=([0-9a-f]{64})").matcher(authorization == null ? "" : authorization);
        String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (!m.matches() || !SigV4Signer.sha256Hex(body).equals(payloadHash)) {
            signatureFailures.add("malformed: " + authorization);
            return false;
        }
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        for (String name : m.group(2).split(";")) {
            if (!name.equals("host") && !name.startsWith("x-amz-")) {
                signedHeaders.put(name, exchange.getRequestHeaders().getFirst(name));
            }
        }
        Instant at = LocalDateTime.parse(exchange.getRequestHeaders().getFirst("x-amz-date"),
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
        URI asReceived = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host")
                + exchange.getRequestURI().getRawPath());
        String expected = new SigV4Signer(ACCESS_KEY, SECRET_KEY, m.group(1), "s3")
                .sign(method, asReceived, signedHeaders, payloadHash, at).signature();
        if (!expected.equals(m.group(3))) {
            signatureFailures.add(method + " " + asReceived);
            return false;
        }
        return true;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
