package ru.civic.platform.photo.internal;

import java.awt.geom.AffineTransform;
import java.nio.charset.StandardCharsets;

/**
 * The EXIF/TIFF orientation tag (0x0112): how the stored pixels must be turned to stand upright. Phones store the
 * sensor's pixels and only record the turn; since the stored copy drops all metadata, the turn must be applied to the
 * pixels, or the photo would show sideways.
 *
 * <p>The tag is parsed here from the raw bytes rather than through ImageIO's metadata tree: that tree does not expose
 * EXIF for JPEG, and reading only the few bytes needed keeps hostile metadata away from larger parsers.
 */
public enum Orientation {

    NORMAL(1),
    MIRROR_HORIZONTAL(2),
    ROTATE_180(3),
    MIRROR_VERTICAL(4),
    TRANSPOSE(5),
    ROTATE_90_CW(6),
    TRANSVERSE(7),
    ROTATE_270_CW(8);

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    public int exifValue() {
        return exifValue;
    }

    public static Orientation of(int exifValue) {
        for (Orientation o : values()) {
            if (o.exifValue == exifValue) {
                return o;
            }
        }
        return NORMAL;
    }

    /** Turning by a quarter swaps width and height. */
    public boolean swapsDimensions() {
        return exifValue >= 5;
    }

    /**
     * Maps stored pixel space ({@code width} x {@code height}) onto upright pixel space. Every case is an exact
     * quarter turn or mirror, so nearest-neighbour drawing maps pixel to pixel without resampling.
     */
    public AffineTransform transform(int width, int height) {
        return switch (this) {
            case NORMAL -> new AffineTransform();
            // x' = W - x
            case MIRROR_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, width, 0);
            // x' = W - x, y' = H - y
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, width, height);
            // y' = H - y
            case MIRROR_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, height);
            // x' = y, y' = x
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
            // x' = H - y, y' = x
            case ROTATE_90_CW -> new AffineTransform(0, 1, -1, 0, height, 0);
            // x' = H - y, y' = W - x
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, height, width);
            // x' = y, y' = W - x
            case ROTATE_270_CW -> new AffineTransform(0, -1, 1, 0, 0, width);
        };
    }

    /**
     * The orientation recorded in a JPEG's APP1 Exif segment; {@link #NORMAL} when there is none or it cannot be
     * read. Walks the marker segments up to the start of the compressed data (metadata always precedes it).
     */
    public static Orientation ofJpeg(byte[] jpeg) {
        if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
            return NORMAL;
        }
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if (u8(jpeg, pos) != 0xFF) {
                return NORMAL;
            }
            int marker = u8(jpeg, pos + 1);
            if (marker == 0xFF) {
                pos++; // fill byte before a marker
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return NORMAL; // start of scan / end of image: no Exif segment before the data
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2; // markers without a length
                continue;
            }
            int length = (u8(jpeg, pos + 2) << 8) | u8(jpeg, pos + 3); // counts its own two bytes
            int end = pos + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return NORMAL;
            }
            if (marker == 0xE1 && length >= 2 + EXIF_HEADER.length && regionStartsWith(jpeg, pos + 4, EXIF_HEADER)) {
                return ofTiffStructure(jpeg, pos + 4 + EXIF_HEADER.length, end);
            }
            pos = end;
        }
        return NORMAL;
    }

    /** The orientation tag of a TIFF file's first image. */
    public static Orientation ofTiff(byte[] tiff) {
        return ofTiffStructure(tiff, 0, tiff.length);
    }

    /** Reads IFD0 of a TIFF structure in {@code bytes[start, end)}; offsets inside it are relative to start. */
    private static Orientation ofTiffStructure(byte[] bytes, int start, int end) {
        if (end - start < 8) {
            return NORMAL;
        }
        boolean littleEndian;
        if (bytes[start] == 'I' && bytes[start + 1] == 'I') {
            littleEndian = true;
        } else if (bytes[start] == 'M' && bytes[start + 1] == 'M') {
            littleEndian = false;
        } else {
            return NORMAL;
        }
        if (u16(bytes, start + 2, littleEndian) != 42) {
            return NORMAL;
        }
        long ifdOffset = u32(bytes, start + 4, littleEndian);
        if (ifdOffset < 8 || ifdOffset > end - start - 2) {
            return NORMAL;
        }
        int ifd = start + (int) ifdOffset;
        int entries = u16(bytes, ifd, littleEndian);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(bytes, entry, littleEndian) == TAG_ORIENTATION) {
                if (u16(bytes, entry + 2, littleEndian) != TYPE_SHORT) {
                    return NORMAL;
                }
                // A single SHORT sits left-aligned in the 4-byte value field.
                return of(u16(bytes, entry + 8, littleEndian));
            }
        }
        return NORMAL;
    }

    private static boolean regionStartsWith(byte[] bytes, int offset, byte[] prefix) {
        if (offset + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF;
    }

    private static int u16(byte[] bytes, int offset, boolean littleEndian) {
        return littleEndian
                ? u8(bytes, offset) | (u8(bytes, offset + 1) << 8)
                : (u8(bytes, offset) << 8) | u8(bytes, offset + 1);
    }

    private static long u32(byte[] bytes, int offset, boolean littleEndian) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = u8(bytes, offset + (littleEndian ? 3 - i : i));
            value = (value << 8) | b;
        }
        return value;
    }
}
