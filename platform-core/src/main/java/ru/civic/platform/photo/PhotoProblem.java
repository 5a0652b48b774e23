package ru.civic.platform.photo;

import java.util.List;

/**
 * One problem with one upload (or with the set of uploads), for RFC 9457 field errors. The code is also the message
 * key; the arguments fill its placeholders in order.
 *
 * @param field {@code photos} for the whole set, {@code photos[i]} (zero-based, in upload order) for one file
 * @param code  one of the constants below
 * @param args  message arguments, see each code
 */
public record PhotoProblem(String field, String code, List<Object> args) {

    /** Too many photos. Field {@code photos}; args: [max allowed (int), uploaded (int)]. */
    public static final String COUNT = "photo.count";
    /** The photos together are too large. Field {@code photos}; args: [max MB (BigDecimal), uploaded MB (BigDecimal, one decimal, rounded up)]. */
    public static final String TOTAL_SIZE = "photo.totalSize";
    /** Content is not a photo in an allowed format (whatever its name). Args: [file name, allowed formats ("JPEG, PNG, TIFF")]. */
    public static final String FORMAT = "photo.format";
    /** Too many pixels (read from the header, before decoding). Args: [file name, width (int), height (int), max megapixels (BigDecimal)]. */
    public static final String PIXELS = "photo.pixels";
    /** The file claims an allowed format but cannot be decoded (corrupt, truncated, unsupported variant). Args: [file name]. */
    public static final String UNREADABLE = "photo.unreadable";

    public PhotoProblem {
        args = List.copyOf(args);
    }
}
