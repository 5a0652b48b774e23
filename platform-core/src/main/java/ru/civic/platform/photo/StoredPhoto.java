package ru.civic.platform.photo;

import ru.civic.platform.tenancy.TenantConfiguration.PhotoFormat;

/**
 * A photo as stored: re-encoded, upright, without metadata.
 *
 * @param key          storage key of the photo, {@code <tenantId>/<yyyy>/<mm>/<uuid>.jpg} (or {@code .png})
 * @param thumbnailKey storage key of its JPEG thumbnail, {@code <tenantId>/<yyyy>/<mm>/<uuid>-thumb.jpg}
 * @param storedFormat {@code JPEG} or {@code PNG} (a TIFF is stored as JPEG: browsers cannot show TIFF)
 * @param width        pixels, after applying the EXIF orientation
 * @param height       pixels, after applying the EXIF orientation
 * @param bytes        size of the stored photo (not of the thumbnail)
 * @param contentType  {@code image/jpeg} or {@code image/png}
 */
public record StoredPhoto(String key, String thumbnailKey, PhotoFormat storedFormat, int width, int height,
        long bytes, String contentType) {
}
