package ru.civic.platform.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ru.civic.platform.photo.internal.LocalDirectoryPhotoStorage;
import ru.civic.platform.photo.internal.S3PhotoStorage;
import ru.civic.platform.tenancy.TenantId;

/** Exactly one store: the local directory by default, S3 once its endpoint is set. */
class PhotoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PhotoConfiguration.class)
            .withBean(PhotoService.class);

    @Test
    void localDirectoryByDefault() {
        context.withPropertyValues("platform.photos.directory=build/never-created")
                .run(c -> {
                    assertThat(c).hasSingleBean(PhotoStorage.class).hasSingleBean(PhotoService.class);
                    assertThat(c.getBean(PhotoStorage.class)).isInstanceOf(LocalDirectoryPhotoStorage.class);
                    assertThat(c.getBean(PhotoProperties.class).directory()).hasToString("build/never-created");
                });
    }

    @Test
    void s3WhenItsEndpointIsSet() {
        context.withPropertyValues("platform.photos.s3.endpoint=https://storage.yandexcloud.net",
                        "platform.photos.s3.bucket=civic-photos", "platform.photos.s3.region=ru-central1",
                        "platform.photos.s3.access-key=key", "platform.photos.s3.secret-key=secret")
                .run(c -> {
                    assertThat(c).hasSingleBean(PhotoStorage.class);
                    assertThat(c.getBean(PhotoStorage.class)).isInstanceOf(S3PhotoStorage.class);
                });
    }

    @Test
    void s3WithoutCredentialsFailsAtStartup() {
        context.withPropertyValues("platform.photos.s3.endpoint=http://localhost:9000",
                        "platform.photos.s3.bucket=civic-photos")
                .run(c -> assertThat(c).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("platform.photos.s3.access-key"));
    }

    @Test
    void usesThePlatformClockWhenThereIsOne(@TempDir Path directory) {
        context.withPropertyValues("platform.photos.directory=" + directory)
                .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2024-07-31T23:00:00Z"), ZoneOffset.UTC))
                .run(c -> {
                    StoredPhoto stored = c.getBean(PhotoService.class).accept(TenantId.of("tomsk"), null,
                            List.of(new PhotoUpload("a.jpg", SampleImages.jpeg(10, 10)))).getFirst();
                    assertThat(stored.key()).startsWith("tomsk/2024/07/");
                    assertThat(directory.resolve(stored.key())).exists();
                    assertThat(directory.resolve(stored.thumbnailKey())).exists();
                });
    }
}
