package ru.civic.platform.photo;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings for photo storage.
 *
 * @param directory            where {@link ru.civic.platform.photo.internal.LocalDirectoryPhotoStorage} keeps photos
 *                             when no S3 endpoint is set
 * @param maxConcurrentDecodes how many photos are decoded at the same time across all requests: a decoded 40 MP photo
 *                             takes up to 160 MB of heap, so this bounds the memory uploads can take
 * @param s3                   an S3-compatible object store; used when its endpoint is set
 */
@ConfigurationProperties("platform.photos")
public record PhotoProperties(Path directory, Integer maxConcurrentDecodes, S3 s3) {

    public PhotoProperties {
        directory = directory == null ? Path.of("./data/photos") : directory;
        maxConcurrentDecodes = maxConcurrentDecodes == null || maxConcurrentDecodes < 1 ? 2 : maxConcurrentDecodes;
        s3 = s3 == null ? new S3(null, null, null, null, null) : s3;
    }

    /** Platform defaults: the local directory, two concurrent decodes. */
    public static PhotoProperties defaults() {
        return new PhotoProperties(null, null, null);
    }

    /**
     * @param endpoint  e.g. {@code https://storage.yandexcloud.net} or {@code http://localhost:9000}; objects are
     *                  addressed path-style as {@code {endpoint}/{bucket}/{key}}
     * @param region    signing region ({@code us-east-1} when absent, which MinIO accepts)
     */
    public record S3(URI endpoint, String bucket, String region, String accessKey, String secretKey) {
        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
        }
    }
}
