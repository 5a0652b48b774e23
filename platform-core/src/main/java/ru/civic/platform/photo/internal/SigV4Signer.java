package ru.civic.platform.photo.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for requests with a signed payload hash (S3 and compatible stores), written out so that
 * the platform needs no SDK. Follows "Signature Calculations for the Authorization Header" of the S3 API reference;
 * {@code PhotoS3StorageTest} checks it against the example given there.
 */
public final class SigV4Signer {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String EMPTY_PAYLOAD_SHA256 = sha256Hex(new byte[0]);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;

    public SigV4Signer(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /**
     * A signed request.
     *
     * @param headers what to send besides the request's own headers: {@code x-amz-date}, {@code x-amz-content-sha256}
     *                and {@code Authorization} (the Host header is signed but set by the HTTP client)
     */
    public record Signed(String canonicalRequest, String stringToSign, String signature, Map<String, String> headers) {
    }

    /**
     * Signs a request.
     *
     * @param uri           the request URI, path already percent-encoded as it will be sent
     * @param headers       headers to sign besides Host and the x-amz ones (e.g. Content-Type, Range)
     * @param payloadSha256 lowercase hex SHA-256 of the body ({@link #EMPTY_PAYLOAD_SHA256} without one)
     */
    public Signed sign(String method, URI uri, Map<String, String> headers, String payloadSha256, Instant at) {
        String amzDate = AMZ_DATE.format(at);
        String scope = DATE_STAMP.format(at) + "/" + region + "/" + service + "/aws4_request";

        TreeMap<String, String> canonicalHeaders = new TreeMap<>();
        canonicalHeaders.put("host", hostHeader(uri));
        headers.forEach((name, value) -> canonicalHeaders.put(name.toLowerCase(Locale.ROOT), trimAll(value)));
        canonicalHeaders.put("x-amz-content-sha256", payloadSha256);
        canonicalHeaders.put("x-amz-date", amzDate);
        String signedHeaders = String.join(";", canonicalHeaders.keySet());

        String canonicalRequest = String.join("\n",
                method,
                canonicalUri(uri),
                canonicalQuery(uri),
                canonicalHeaders.entrySet().stream().map(h -> h.getKey() + ":" + h.getValue() + "\n")
                        .collect(Collectors.joining()),
                signedHeaders,
                payloadSha256);
        String stringToSign = String.join("\n",
                ALGORITHM,
                amzDate,
                scope,
                sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));

        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), DATE_STAMP.format(at));
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));

        Map<String, String> toSend = new LinkedHashMap<>();
        toSend.put("x-amz-date", amzDate);
        toSend.put("x-amz-content-sha256", payloadSha256);
        toSend.put("Authorization", ALGORITHM + " Credential=" + accessKey + "/" + scope
                + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature);
        return new Signed(canonicalRequest, stringToSign, signature, Map.copyOf(toSend));
    }

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Percent-encodes one path segment as SigV4 wants it: everything but the unreserved characters of RFC 3986.
     * (URLEncoder is for forms: it turns spaces into '+'.)
     */
    public static String encodeSegment(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    /** The Host header as java.net.http sends it: the port only when it is not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** S3 signs the path exactly as sent (already encoded once), unlike other services which normalise it. */
    private static String canonicalUri(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String canonicalQuery(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String parameter : query.split("&")) {
            int eq = parameter.indexOf('=');
            parameters.add(eq < 0 ? new String[] {parameter, ""}
                    : new String[] {parameter.substring(0, eq), parameter.substring(eq + 1)});
        }
        parameters.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return parameters.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    private static String trimAll(String value) {
        return value.strip().replaceAll(" +", " ");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
