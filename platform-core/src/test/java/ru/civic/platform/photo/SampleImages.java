package ru.civic.platform.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/** Test images made in code, and the hand-built pieces (EXIF, XMP, bombs) real uploads carry. */
public final class SampleImages {

    static final byte[] LATITUDE_RATIONALS = rationals(56, 1, 29, 1, 4417, 100);
    static final String MAP_DATUM = "WGS-84";
    static final String XMP_SECRET = "GPSLatitude>56,29.44N";
    static final String COMMENT = "secret comment: the author's home";

    private SampleImages() {
    }

    /** Left half red, right half blue: shows where the left edge went after a turn. */
    static BufferedImage halves(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] tiff(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_RGB), "tiff");
    }

    static byte[] gif(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JPEG as a phone would send it: an Exif APP1 segment (orientation, GPS position and map datum), an XMP
     * APP1 segment repeating the position, and a comment, all before the JFIF segment ImageIO wrote.
     */
    public static byte[] withExifGpsXmpAndComment(byte[] jpeg, int orientation, boolean littleEndian) {
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiffWithOrientationAndGps(orientation, littleEndian));
        byte[] xmp = concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                ("<x:xmpmeta xmlns:x='adobe:ns:meta/'><exif:" + XMP_SECRET + "</exif:GPSLatitude></x:xmpmeta>")
                        .getBytes(StandardCharsets.UTF_8));
        return concat(Arrays.copyOfRange(jpeg, 0, 2), segment(0xE1, exif), segment(0xE1, xmp),
                segment(0xFE, COMMENT.getBytes(StandardCharsets.UTF_8)), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** IFD0 with Orientation and a pointer to a GPS IFD holding latitude, longitude and map datum. */
    private static byte[] tiffWithOrientationAndGps(int orientation, boolean littleEndian) {
        ByteBuffer b = ByteBuffer.allocate(160).order(littleEndian
                ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        b.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M').putShort((short) 42)
                .putInt(8);
        int gpsIfd = 8 + 2 + 2 * 12 + 4;
        b.putShort((short) 2);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        b.putInt(0);
        int data = gpsIfd + 2 + 5 * 12 + 4;
        b.putShort((short) 5);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(data);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(data + 24);
        b.putShort((short) 0x12).putShort((short) 2).putInt(7).putInt(data + 48);
        b.putInt(0);
        ByteBuffer rationals = ByteBuffer.wrap(LATITUDE_RATIONALS);
        if (littleEndian) {
            for (int i = 0; i < 6; i++) {
                b.putInt(rationals.getInt());
            }
        } else {
            b.put(LATITUDE_RATIONALS);
        }
        for (int v : new int[] {84, 1, 57, 1, 1234, 100}) {
            b.putInt(v);
        }
        b.put((MAP_DATUM + "\0").getBytes(StandardCharsets.US_ASCII));
        return Arrays.copyOf(b.array(), b.position());
    }

    /** A PNG of a few kilobytes whose header declares width x height RGB pixels (gigabytes once decoded). */
    public static byte[] pngBomb(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        // A real bomb would hold all rows of zeros; the first rows are enough to be a well-formed start of one.
        byte[] rows = new byte[20 * (1 + 3 * width)];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(rows);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                chunk("IHDR", ihdr.array()), chunk("IDAT", idat.toByteArray()), chunk("IEND", new byte[0]));
    }

    /** A valid small JPEG whose SOF0 header is patched to declare width x height. */
    static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = jpeg(16, 16);
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new IllegalStateException("No SOF0 in the sample JPEG");
    }

    /** The markers of a JPEG's segments before its compressed data. */
    static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return markers;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeBytes, data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] rationals(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}
