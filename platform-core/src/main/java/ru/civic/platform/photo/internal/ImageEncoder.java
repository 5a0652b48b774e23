package ru.civic.platform.photo.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes pixels as new files. Every file is written from pixels alone, with no metadata passed to the writer, so
 * nothing of the upload's EXIF (camera, GPS position, time), XMP, ICC notes or comments can reach the stored copy.
 */
public final class ImageEncoder {

    /**
     * The pixels turned upright and made opaque (transparent areas become white, as they look on the page) in a
     * form the JPEG writer takes. Returns the image itself when nothing needs to change, to spare a copy of up to
     * 160 MB.
     */
    public BufferedImage uprightOpaque(BufferedImage image, Orientation orientation) {
        if (orientation == Orientation.NORMAL && isOpaqueJpegReady(image)) {
            return image;
        }
        int width = orientation.swapsDimensions() ? image.getHeight() : image.getWidth();
        int height = orientation.swapsDimensions() ? image.getWidth() : image.getHeight();
        BufferedImage upright = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upright.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            // Quarter turns and mirrors map pixel to pixel: no interpolation wanted.
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, orientation.transform(image.getWidth(), image.getHeight()), null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    /**
     * A copy no larger than {@code maxSide} on its longer side (never enlarged), opaque, for the JPEG thumbnail.
     * Shrinks by halves first: one bilinear step from 8000 px to 320 px would sample only a few source pixels
     * per target pixel and alias badly.
     */
    public BufferedImage thumbnail(BufferedImage image, int maxSide) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        double scale = Math.min(1.0, (double) maxSide / longest);
        int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage current = image;
        boolean first = true;
        while (first || current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
            int width = Math.max(targetWidth, current.getWidth() / 2);
            int height = Math.max(targetHeight, current.getHeight() / 2);
            current = drawScaled(current, width, height);
            first = false; // the first step always copies, which also flattens transparency onto white
        }
        return current;
    }

    public byte[] jpeg(BufferedImage opaque, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, opaque, param);
    }

    public byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        BufferedImage writable = writer.getOriginatingProvider().canEncodeImage(image) ? image : argb(image);
        return write(writer, writable, writer.getDefaultWriteParam());
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            // No stream metadata, no image metadata, no thumbnails: the file holds the pixels and nothing else.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the photo", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static boolean isOpaqueJpegReady(BufferedImage image) {
        int type = image.getType();
        return type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_INT_BGR || type == BufferedImage.TYPE_BYTE_GRAY;
    }

    private static BufferedImage drawScaled(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static BufferedImage argb(BufferedImage source) {
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
