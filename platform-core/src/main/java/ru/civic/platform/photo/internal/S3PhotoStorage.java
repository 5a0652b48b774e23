package ru.civic.platform.photo.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import ru.civic.platform.photo.PhotoStorage;

/**
 * Photos in an S3-compatible object store (AWS, Yandex Object Storage, MinIO...), addressed path-style as
 * {@code {endpoint}/{bucket}/{key}} because virtual-host buckets need DNS that MinIO and private stores rarely
 * have. Requests are signed with {@link SigV4Signer} over plain {@link HttpClient}: an SDK would bring dozens of
 * jars for three calls.
 */
public final class S3PhotoStorage implements PhotoStorage {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final SigV4Signer signer;
    private final HttpClient http;
    private final Clock clock;

    public S3PhotoStorage(URI endpoint, String bucket, SigV4Signer signer, HttpClient http, Clock clock) {
        String e = endpoint.toString();
        this.base = (e.endsWith("/") ? e.substring(0, e.length() - 1) : e) + "/" + SigV4Signer.encodeSegment(bucket);
        this.signer = signer;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        URI uri = uri(key);
        SigV4Signer.Signed signed = signer.sign("PUT", uri, Map.of("content-type", contentType),
                SigV4Signer.sha256Hex(content), clock.instant());
        HttpRequest.Builder request = request(uri, signed).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        HttpResponse<byte[]> response = send(request.build(), "PUT", key);
        if (response.statusCode() / 100 != 2) {
            throw failure("PUT", key, response);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        URI uri = uri(key);
        SigV4Signer.Signed signed = signer.sign("GET", uri, Map.of(), SigV4Signer.EMPTY_PAYLOAD_SHA256, clock.instant());
        HttpResponse<byte[]> response = send(request(uri, signed).GET().build(), "GET", key);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw failure("GET", key, response);
        }
        return Optional.of(response.body());
    }

    @Override
    public void delete(String key) {
        URI uri = uri(key);
        SigV4Signer.Signed signed =
                signer.sign("DELETE", uri, Map.of(), SigV4Signer.EMPTY_PAYLOAD_SHA256, clock.instant());
        HttpResponse<byte[]> response = send(request(uri, signed).DELETE().build(), "DELETE", key);
        // S3 answers 204 whether or not the key existed; some compatible stores answer 404 for a missing one.
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw failure("DELETE", key, response);
        }
    }

    private URI uri(String key) {
        return URI.create(base + "/" + Arrays.stream(new StorageKey(key).segments()).map(SigV4Signer::encodeSegment)
                .collect(Collectors.joining("/")));
    }

    private static HttpRequest.Builder request(URI uri, SigV4Signer.Signed signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        signed.headers().forEach(request::header);
        return request;
    }

    private HttpResponse<byte[]> send(HttpRequest request, String method, String key) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("S3 " + method + " " + key + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("S3 " + method + " " + key + " interrupted"));
        }
    }

    private static UncheckedIOException failure(String method, String key, HttpResponse<byte[]> response) {
        // S3 explains refusals in a short XML body (<Code>SignatureDoesNotMatch</Code>...); worth keeping in the log.
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return new UncheckedIOException(new IOException("S3 " + method + " " + key + " answered HTTP "
                + response.statusCode() + ": " + body.substring(0, Math.min(body.length(), 500))));
    }
}
