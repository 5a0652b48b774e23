package ru.civic.platform.photo.internal;

import java.util.Optional;

import ru.civic.platform.tenancy.TenantConfiguration.PhotoFormat;

/**
 * Image formats recognised by their first bytes ("magic numbers"). The file name and the client's content type are
 * whatever the client says; only the content decides which decoder sees the bytes.
 */
public enum ContentFormat {

    JPEG("jpeg", PhotoFormat.JPEG),
    PNG("png", PhotoFormat.PNG),
    TIFF("tiff", PhotoFormat.TIFF);

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};

    private final String imageIoName;
    private final PhotoFormat photoFormat;

    ContentFormat(String imageIoName, PhotoFormat photoFormat) {
        this.imageIoName = imageIoName;
        this.photoFormat = photoFormat;
    }

    /** The format the content starts like, or empty for anything else (text, GIF, HEIC, a truncated file...). */
    public static Optional<ContentFormat> detect(byte[] content) {
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, TIFF_LITTLE_ENDIAN) || startsWith(content, TIFF_BIG_ENDIAN)) {
            return Optional.of(TIFF);
        }
        return Optional.empty();
    }

    public static ContentFormat of(PhotoFormat format) {
        return switch (format) {
            case JPEG -> JPEG;
            case PNG -> PNG;
            case TIFF -> TIFF;
        };
    }

    /** The name {@link javax.imageio.ImageIO} knows the format by. */
    public String imageIoName() {
        return imageIoName;
    }

    public PhotoFormat photoFormat() {
        return photoFormat;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
