package ru.civic.platform.message;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stored photo of a message: the re-encoded, metadata-free copy and its thumbnail. */
@Embeddable
public record MessagePhoto(
        @Column(name = "storage_key") String key,
        @Column(name = "thumbnail_key") String thumbnailKey,
        int width,
        int height,
        long bytes,
        @Column(name = "content_type") String contentType) {
}
