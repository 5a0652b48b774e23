package ru.civic.platform.photo;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import ru.civic.platform.photo.internal.LocalDirectoryPhotoStorage;
import ru.civic.platform.photo.internal.S3PhotoStorage;
import ru.civic.platform.photo.internal.SigV4Signer;

/**
 * Chooses the photo store: S3 when {@code platform.photos.s3.endpoint} is set, otherwise a local directory. The two
 * conditions are exact complements (rather than {@code @ConditionalOnMissingBean}, whose outcome depends on the order
 * in which user configurations are read), so exactly one store exists.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhotoProperties.class)
class PhotoConfiguration {

    static final String S3_ENDPOINT = "platform.photos.s3.endpoint";

    @Bean
    @ConditionalOnProperty(S3_ENDPOINT)
    PhotoStorage s3PhotoStorage(PhotoProperties properties) {
        PhotoProperties.S3 s3 = properties.s3();
        require(s3.endpoint() != null && !s3.endpoint().toString().isBlank(), "endpoint",
                "is set but blank; remove it to keep photos in platform.photos.directory");
        require(s3.bucket() != null && !s3.bucket().isBlank(), "bucket", "is required with an S3 endpoint");
        require(s3.accessKey() != null && !s3.accessKey().isBlank(), "access-key", "is required with an S3 endpoint");
        require(s3.secretKey() != null && !s3.secretKey().isBlank(), "secret-key", "is required with an S3 endpoint");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new S3PhotoStorage(s3.endpoint(), s3.bucket(),
                new SigV4Signer(s3.accessKey(), s3.secretKey(), s3.region(), "s3"), http, Clock.systemUTC());
    }

    @Bean
    @Conditional(NoS3Endpoint.class)
    PhotoStorage localDirectoryPhotoStorage(PhotoProperties properties) {
        return new LocalDirectoryPhotoStorage(properties.directory());
    }

    private static void require(boolean condition, String property, String problem) {
        if (!condition) {
            throw new IllegalStateException("platform.photos.s3." + property + " " + problem);
        }
    }

    static final class NoS3Endpoint extends NoneNestedConditions {

        NoS3Endpoint() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(S3_ENDPOINT)
        static final class S3EndpointSet {
        }
    }
}
