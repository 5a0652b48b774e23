package ru.civic.platform.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ru.civic.platform.photo.internal.ImageEncoder;
import ru.civic.platform.photo.internal.Orientation;

/**
 * The eight EXIF orientations, checked pixel by pixel against the definition in the EXIF standard (where the stored
 * 0th row and 0th column end up), and the tag parser against hostile bytes.
 */
class PhotoOrientationTest {

    private static final int W = 3;
    private static final int H = 2;

    @ParameterizedTest
    @EnumSource(Orientation.class)
    void everyOrientationLandsUpright(Orientation orientation) {
        BufferedImage stored = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                stored.setRGB(x, y, colour(x, y));
            }
        }

        BufferedImage upright = new ImageEncoder().uprightOpaque(stored, orientation);

        int width = orientation.swapsDimensions() ? H : W;
        int height = orientation.swapsDimensions() ? W : H;
        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getHeight()).isEqualTo(height);
        for (int dy = 0; dy < height; dy++) {
            for (int dx = 0; dx < width; dx++) {
                int[] source = source(orientation.exifValue(), dx, dy);
                assertThat(upright.getRGB(dx, dy) & 0xFFFFFF).as("%s at %d,%d", orientation, dx, dy)
                        .isEqualTo(colour(source[0], source[1]));
            }
        }
    }

    @Test
    void parsesOrientationFromBothByteOrders() {
        byte[] jpeg = SampleImages.jpeg(8, 8);
        for (int value = 1; value <= 8; value++) {
            assertThat(Orientation.ofJpeg(SampleImages.withExifGpsXmpAndComment(jpeg, value, false)).exifValue())
                    .isEqualTo(value);
            assertThat(Orientation.ofJpeg(SampleImages.withExifGpsXmpAndComment(jpeg, value, true)).exifValue())
                    .isEqualTo(value);
        }
        assertThat(Orientation.ofJpeg(jpeg)).isEqualTo(Orientation.NORMAL);
        assertThat(Orientation.ofJpeg(SampleImages.withExifGpsXmpAndComment(jpeg, 9, false)))
                .isEqualTo(Orientation.NORMAL);
    }

    @Test
    void hostileBytesNeverBreakTheParser() {
        byte[] original = SampleImages.withExifGpsXmpAndComment(SampleImages.jpeg(8, 8), 6, false);
        Random random = new Random(42);
        for (int round = 0; round < 5_000; round++) {
            byte[] mutated = original.clone();
            for (int i = 0; i < 4; i++) {
                // Hit the segment headers and the TIFF structure most, where lengths and offsets live.
                mutated[2 + random.nextInt(200)] = (byte) random.nextInt(256);
            }
            Orientation orientation = Orientation.ofJpeg(mutated);
            assertThat(orientation).isNotNull();
            assertThat(Orientation.ofTiff(java.util.Arrays.copyOfRange(mutated, 2 + random.nextInt(40), mutated.length)))
                    .isNotNull();
        }
        assertThat(Orientation.ofJpeg(new byte[0])).isEqualTo(Orientation.NORMAL);
        assertThat(Orientation.ofTiff(new byte[] {'M', 'M', 0, 42, 0x7F, -1, -1, -1})).isEqualTo(Orientation.NORMAL);
    }

    /**
     * Which stored pixel shows at upright (dx, dy). From the standard: 2 mirrors left-right, 3 turns half, 4 mirrors
     * top-bottom, 5 has the 0th row on the left and 0th column on top, 6 the 0th row on the right and 0th column on
     * top, 7 the 0th row on the right and 0th column at the bottom, 8 the 0th row on the left and 0th column at the
     * bottom.
     */
    private static int[] source(int orientation, int dx, int dy) {
        return switch (orientation) {
            case 1 -> new int[] {dx, dy};
            case 2 -> new int[] {W - 1 - dx, dy};
            case 3 -> new int[] {W - 1 - dx, H - 1 - dy};
            case 4 -> new int[] {dx, H - 1 - dy};
            case 5 -> new int[] {dy, dx};
            case 6 -> new int[] {dy, H - 1 - dx};
            case 7 -> new int[] {W - 1 - dy, H - 1 - dx};
            case 8 -> new int[] {W - 1 - dy, dx};
            default -> throw new IllegalArgumentException();
        };
    }

    private static int colour(int x, int y) {
        return (x * 60 + 10) << 16 | (y * 90 + 20) << 8 | 0x33;
    }
}
