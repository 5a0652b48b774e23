package ru.civic.platform.photo.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns uploaded bytes into pixels, refusing what should not be decoded. The order of the checks is the defence:
 * the format comes from the content, then the dimensions come from the header alone, and only an image whose pixel
 * count is within the limit is decoded. A few kilobytes of PNG can declare 60000 x 60000 pixels (a "decompression
 * bomb"); decoding it would allocate gigabytes before anything could notice.
 */
public final class ImageDecoder {

    /** What the bytes turned out to be. */
    public sealed interface Outcome permits Decoded, NotAllowedFormat, TooManyPixels, Unreadable {
    }

    /** Decoded pixels, not yet turned upright. */
    public record Decoded(ContentFormat format, BufferedImage image) implements Outcome {
    }

    /** Not one of the allowed formats, or not an image at all; {@code detected} is empty for the latter. */
    public record NotAllowedFormat(Optional<ContentFormat> detected) implements Outcome {
    }

    public record TooManyPixels(int width, int height) implements Outcome {
    }

    /** Looks like an allowed format but cannot be decoded. */
    public record Unreadable(String reason) implements Outcome {
    }

    public Outcome decode(byte[] content, Set<ContentFormat> allowed, long maxPixels) {
        Optional<ContentFormat> detected = ContentFormat.detect(content);
        if (detected.isEmpty() || !allowed.contains(detected.get())) {
            return new NotAllowedFormat(detected);
        }
        ContentFormat format = detected.get();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            return new Unreadable("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        // A memory cache, not ImageIO.createImageInputStream: that one may spill the upload into a temp file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            // Metadata is ignored: the stored copy carries none, and the orientation is read separately.
            reader.setInput(in, false, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                return new Unreadable("no pixels: " + width + "x" + height);
            }
            if ((long) width * height > maxPixels) {
                return new TooManyPixels(width, height);
            }
            return new Decoded(format, reader.read(0));
        } catch (IOException | RuntimeException e) {
            // ImageIO plugins answer hostile input with all kinds of runtime exceptions (index out of bounds,
            // illegal argument, null pointer in the TIFF reader...): whichever it is, the file is unreadable.
            return new Unreadable(e.toString());
        } finally {
            reader.dispose();
        }
    }
}
