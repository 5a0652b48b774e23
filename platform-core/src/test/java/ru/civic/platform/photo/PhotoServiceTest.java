package ru.civic.platform.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.PhotoFormat;
import ru.civic.platform.tenancy.TenantConfiguration.PhotoRules;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.internal.TenantDocumentReader;

/** The photo rules of the regulations (Tomsk 4.5–4.8, Zarechny 4.6) and what a stored copy may and may not hold. */
class PhotoServiceTest {

    private static final Path TENANTS =
            Path.of(System.getProperty("platform.repository-root", ".."), "config", "tenants");
    private static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");

    private static TenantConfiguration tomsk;
    private static TenantConfiguration zarechny;

    private final InMemoryPhotoStorage storage = new InMemoryPhotoStorage();
    private final PhotoService photos =
            new PhotoService(storage, PhotoProperties.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void readShippedTenantFiles() throws IOException {
        TenantDocumentReader reader = new TenantDocumentReader();
        tomsk = reader.read("tomsk.yaml", Files.readString(TENANTS.resolve("tomsk.yaml")), "tomsk").configuration();
        zarechny = reader.read("zarechny.yaml", Files.readString(TENANTS.resolve("zarechny.yaml")), "zarechny")
                .configuration();
    }

    @Test
    void refusesTextFileRenamedJpg() {
        PhotoUpload text = new PhotoUpload("pothole.jpg", "not a photo at all, just text".getBytes());

        assertThat(problems(() -> photos.accept(tomsk, List.of(text)))).containsExactly(
                new PhotoProblem("photos[0]", "photo.format", List.of("pothole.jpg", "JPEG, PNG, TIFF")));
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void refusesAllowedLookingFormatTheTenantDoesNotAllow() {
        PhotoRules jpegOnly = new PhotoRules(5, EnumSet.of(PhotoFormat.JPEG), 50L << 20, null);

        assertThat(problems(() -> photos.check(jpegOnly, List.of(new PhotoUpload("scan.tiff", SampleImages.tiff(8, 8)),
                new PhotoUpload("anim.gif", SampleImages.gif(8, 8))))))
                .containsExactly(new PhotoProblem("photos[0]", "photo.format", List.of("scan.tiff", "JPEG")),
                        new PhotoProblem("photos[1]", "photo.format", List.of("anim.gif", "JPEG")));
    }

    @Test
    void acceptsPngByContentEvenWhenNamedTxt() {
        List<StoredPhoto> stored = photos.accept(tomsk, List.of(new PhotoUpload("notes.txt", SampleImages.png(30, 20))));

        assertThat(stored).singleElement().satisfies(p -> {
            assertThat(p.storedFormat()).isEqualTo(PhotoFormat.PNG);
            assertThat(p.contentType()).isEqualTo("image/png");
            assertThat(p.key()).matches("tomsk/2026/03/[0-9a-f-]{36}\\.png");
            assertThat(p.thumbnailKey()).isEqualTo(p.key().replace(".png", "-thumb.jpg"));
            assertThat(p.width()).isEqualTo(30);
            assertThat(p.height()).isEqualTo(20);
            assertThat(p.bytes()).isEqualTo(storage.objects.get(p.key()).length);
        });
    }

    @Test
    void refusesSixthPhotoForTomsk() {
        assertThat(photos.accept(tomsk, jpegs(5))).hasSize(5);
        storage.objects.clear();

        assertThat(problems(() -> photos.accept(tomsk, jpegs(6))))
                .containsExactly(new PhotoProblem("photos", "photo.count", List.of(5, 6)));
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void refusesFifthPhotoForZarechny() {
        assertThat(photos.accept(zarechny, jpegs(4))).hasSize(4);
        storage.objects.clear();

        assertThat(problems(() -> photos.accept(zarechny, jpegs(5))))
                .containsExactly(new PhotoProblem("photos", "photo.count", List.of(4, 5)));
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void refusesMoreThan50MegabytesInTotal() {
        // JPEG decoders stop at the end-of-image marker, so a small JPEG padded to 10.5 MB is still a valid photo:
        // five of them make 52.5 MB without building large images.
        byte[] small = SampleImages.jpeg(16, 16);
        int size = 10 * 1024 * 1024 + 512 * 1024;
        List<PhotoUpload> uploads = IntStream.range(0, 5)
                .mapToObj(i -> new PhotoUpload("big-" + i + ".jpg", Arrays.copyOf(small, size))).toList();

        assertThat(problems(() -> photos.accept(tomsk, uploads))).containsExactly(new PhotoProblem("photos",
                "photo.totalSize", List.of(new BigDecimal("50"), new BigDecimal("52.5"))));
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void exactlyFiftyMegabytesIsAllowed() {
        byte[] small = SampleImages.jpeg(16, 16);
        List<PhotoUpload> uploads = IntStream.range(0, 5)
                .mapToObj(i -> new PhotoUpload(i + ".jpg", Arrays.copyOf(small, 10 * 1024 * 1024))).toList();

        assertThat(photos.accept(tomsk, uploads)).hasSize(5)
                .allSatisfy(p -> assertThat(p.bytes()).isLessThan(10_000)); // the padding is not stored
    }

    @Test
    void refusesDecompressionBomb() {
        byte[] bomb = SampleImages.pngBomb(60_000, 60_000);
        byte[] jpegBomb = SampleImages.jpegDeclaring(65_000, 65_000);
        assertThat(bomb.length).isLessThan(20_000);
        List<PhotoUpload> uploads = List.of(new PhotoUpload("bomb.png", bomb), new PhotoUpload("bomb.jpg", jpegBomb));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        List<PhotoProblem> problems = problems(() -> photos.accept(tomsk, uploads));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        assertThat(problems).containsExactly(
                new PhotoProblem("photos[0]", "photo.pixels", List.of("bomb.png", 60_000, 60_000, new BigDecimal("40"))),
                new PhotoProblem("photos[1]", "photo.pixels", List.of("bomb.jpg", 65_000, 65_000, new BigDecimal("40"))));
        // Decoded, the PNG alone would be 10.8 GB; the header check costs kilobytes and milliseconds.
        assertThat(allocated).isLessThan(16L * 1024 * 1024);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void tenantPixelLimitApplies() {
        PhotoRules small = new PhotoRules(5, EnumSet.allOf(PhotoFormat.class), 50L << 20, 1_500_000L);

        assertThat(problems(() -> photos.check(small, List.of(new PhotoUpload("a.png", SampleImages.png(1500, 1001))))))
                .containsExactly(new PhotoProblem("photos[0]", "photo.pixels",
                        List.of("a.png", 1500, 1001, new BigDecimal("1.5"))));
        photos.check(small, List.of(new PhotoUpload("b.png", SampleImages.png(1500, 1000))));
    }

    @Test
    void refusesCorruptFiles() {
        byte[] png = SampleImages.png(200, 200);
        byte[] truncatedPng = Arrays.copyOf(png, png.length / 2);
        byte[] garbageJpeg = SampleImages.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "garbage after the JPEG signature".getBytes());
        byte[] headerOnlyTiff = {'I', 'I', 42, 0, 8, 0, 0, 0};

        assertThat(problems(() -> photos.accept(tomsk, List.of(new PhotoUpload("cut.png", truncatedPng),
                new PhotoUpload("junk.jpg", garbageJpeg), new PhotoUpload("empty.tif", headerOnlyTiff)))))
                .containsExactly(new PhotoProblem("photos[0]", "photo.unreadable", List.of("cut.png")),
                        new PhotoProblem("photos[1]", "photo.unreadable", List.of("junk.jpg")),
                        new PhotoProblem("photos[2]", "photo.unreadable", List.of("empty.tif")));
    }

    @Test
    void stripsExifAndGpsFromStoredCopy() {
        byte[] upload = SampleImages.withExifGpsXmpAndComment(SampleImages.jpeg(64, 48), 1, false);
        // The upload really carries what must go:
        assertThat(SampleImages.jpegMarkers(upload)).contains(0xE1, 0xFE);
        assertThat(SampleImages.contains(upload, "Exif")).isTrue();
        assertThat(SampleImages.contains(upload, SampleImages.LATITUDE_RATIONALS)).isTrue();

        StoredPhoto stored = photos.accept(tomsk, List.of(new PhotoUpload("IMG_0001.JPG", upload))).getFirst();

        for (String key : List.of(stored.key(), stored.thumbnailKey())) {
            byte[] copy = storage.objects.get(key);
            // Only JFIF (APP0), tables, frame header and scan: no APP1 (Exif, XMP), no other APPn, no comment.
            assertThat(SampleImages.jpegMarkers(copy)).as(key)
                    .allMatch(m -> m == 0xE0 || m == 0xDB || m == 0xC4 || m == 0xC0 || m == 0xDD || m == 0xDA);
            assertThat(SampleImages.contains(copy, "Exif")).isFalse();
            assertThat(SampleImages.contains(copy, SampleImages.LATITUDE_RATIONALS)).isFalse();
            assertThat(SampleImages.contains(copy, SampleImages.MAP_DATUM)).isFalse();
            assertThat(SampleImages.contains(copy, SampleImages.XMP_SECRET)).isFalse();
            assertThat(SampleImages.contains(copy, "http://ns.adobe.com/xap")).isFalse();
            assertThat(SampleImages.contains(copy, SampleImages.COMMENT)).isFalse();
        }
        assertThat(stored.storedFormat()).isEqualTo(PhotoFormat.JPEG);
        assertThat(stored.key()).matches("tomsk/2026/03/[0-9a-f-]{36}\\.jpg");
    }

    @Test
    void stripsTextChunksFromPng() {
        byte[] png = SampleImages.png(20, 20);
        // A tEXt chunk right after IHDR (8 signature + 25 IHDR bytes), as editors write "Author" or "Location".
        byte[] text = pngChunk("tEXt", "Location\0Tomsk, Lenina 1, flat 5".getBytes());
        byte[] upload = SampleImages.concat(Arrays.copyOf(png, 33), text, Arrays.copyOfRange(png, 33, png.length));
        assertThat(SampleImages.decode(upload)).isNotNull();

        StoredPhoto stored = photos.accept(tomsk, List.of(new PhotoUpload("plan.png", upload))).getFirst();

        assertThat(SampleImages.contains(storage.objects.get(stored.key()), "Lenina")).isFalse();
        assertThat(SampleImages.contains(storage.objects.get(stored.key()), "tEXt")).isFalse();
    }

    @Test
    void appliesExifOrientation() {
        // Stored sideways with orientation 6: the camera was turned, the picture stands 20 wide and 40 high.
        byte[] upload = SampleImages.withExifGpsXmpAndComment(SampleImages.jpeg(40, 20), 6, false);

        StoredPhoto stored = photos.accept(tomsk, List.of(new PhotoUpload("sideways.jpg", upload))).getFirst();

        assertThat(stored.width()).isEqualTo(20);
        assertThat(stored.height()).isEqualTo(40);
        BufferedImage image = SampleImages.decode(storage.objects.get(stored.key()));
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        // A quarter turn clockwise brings the stored left (red) half to the top.
        assertThat(dominant(image.getRGB(10, 8))).isEqualTo(Color.RED);
        assertThat(dominant(image.getRGB(10, 32))).isEqualTo(Color.BLUE);
        BufferedImage thumbnail = SampleImages.decode(storage.objects.get(stored.thumbnailKey()));
        assertThat(thumbnail.getWidth()).isEqualTo(20);
        assertThat(thumbnail.getHeight()).isEqualTo(40);
    }

    @Test
    void readsOrientationFromLittleEndianExifToo() {
        byte[] upload = SampleImages.withExifGpsXmpAndComment(SampleImages.jpeg(40, 20), 8, true);

        StoredPhoto stored = photos.accept(tomsk, List.of(new PhotoUpload("sideways.jpg", upload))).getFirst();

        BufferedImage image = SampleImages.decode(storage.objects.get(stored.key()));
        assertThat(image.getWidth()).isEqualTo(20);
        // A quarter turn counter-clockwise brings the stored left (red) half to the bottom.
        assertThat(dominant(image.getRGB(10, 32))).isEqualTo(Color.RED);
    }

    @Test
    void convertsTiffToJpeg() {
        StoredPhoto stored = photos.accept(tomsk, List.of(new PhotoUpload("scan.tif", SampleImages.tiff(64, 48))))
                .getFirst();

        assertThat(stored.storedFormat()).isEqualTo(PhotoFormat.JPEG);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.key()).endsWith(".jpg");
        byte[] bytes = storage.objects.get(stored.key());
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xFF, 0xD8, 0xFF);
        assertThat(storage.contentTypes.get(stored.key())).isEqualTo("image/jpeg");
        BufferedImage image = SampleImages.decode(bytes);
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
    }

    @Test
    void storesThumbnail() {
        // A transparent PNG: the thumbnail is a JPEG, where transparency must turn white (as on the page), not black.
        BufferedImage transparent = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_ARGB);
        byte[] png = SampleImages.encode(transparent, "png");
        List<StoredPhoto> stored = photos.accept(tomsk, List.of(new PhotoUpload("wide.jpg", SampleImages.jpeg(1600, 1200)),
                new PhotoUpload("tall.jpg", SampleImages.jpeg(300, 900)), new PhotoUpload("clear.png", png),
                new PhotoUpload("tiny.jpg", SampleImages.jpeg(50, 40))));

        assertThat(stored).extracting(p -> size(storage.objects.get(p.thumbnailKey())))
                .containsExactly("320x240", "107x320", "320x240", "50x40");
        assertThat(stored).allSatisfy(p -> {
            assertThat(p.thumbnailKey()).endsWith("-thumb.jpg");
            assertThat(storage.contentTypes.get(p.thumbnailKey())).isEqualTo("image/jpeg");
        });
        BufferedImage clear = SampleImages.decode(storage.objects.get(stored.get(2).thumbnailKey()));
        assertThat(new Color(clear.getRGB(100, 100))).satisfies(c -> assertThat(c.getRed() + c.getGreen() + c.getBlue())
                .isGreaterThan(740));
        // The left half of the wide photo is red in its thumbnail too.
        BufferedImage wide = SampleImages.decode(storage.objects.get(stored.getFirst().thumbnailKey()));
        assertThat(dominant(wide.getRGB(60, 120))).isEqualTo(Color.RED);
    }

    @Test
    void collectsAllProblemsAtOnce() {
        List<PhotoUpload> uploads = List.of(
                new PhotoUpload("ok.jpg", SampleImages.jpeg(20, 20)),
                new PhotoUpload("letter.jpg", "Dear administration".getBytes()),
                new PhotoUpload("bomb.png", SampleImages.pngBomb(60_000, 60_000)),
                new PhotoUpload("broken.png", Arrays.copyOf(SampleImages.png(100, 100), 60)),
                new PhotoUpload("cat.gif", SampleImages.gif(10, 10)),
                new PhotoUpload("ok.png", SampleImages.png(20, 20)),
                new PhotoUpload("ok.tif", SampleImages.tiff(20, 20)));

        assertThat(problems(() -> photos.accept(tomsk, uploads))).containsExactly(
                new PhotoProblem("photos", "photo.count", List.of(5, 7)),
                new PhotoProblem("photos[1]", "photo.format", List.of("letter.jpg", "JPEG, PNG, TIFF")),
                new PhotoProblem("photos[2]", "photo.pixels", List.of("bomb.png", 60_000, 60_000, new BigDecimal("40"))),
                new PhotoProblem("photos[3]", "photo.unreadable", List.of("broken.png")),
                new PhotoProblem("photos[4]", "photo.format", List.of("cat.gif", "JPEG, PNG, TIFF")));
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void checkStoresNothing() {
        photos.check(tomsk, List.of(new PhotoUpload("a.jpg", SampleImages.jpeg(20, 20)),
                new PhotoUpload("b.png", SampleImages.png(20, 20))));

        assertThat(storage.objects).isEmpty();
        assertThat(problems(() -> photos.check(zarechny, jpegs(5)))).extracting(PhotoProblem::code)
                .containsExactly("photo.count");
    }

    @Test
    void acceptsNoPhotos() {
        assertThat(photos.accept(tomsk, List.of())).isEmpty();
    }

    @Test
    void readServesOnlyTheCurrentTenantsPhotos() {
        StoredPhoto stored = photos.accept(tomsk, jpegs(1)).getFirst();

        assertThat(TenantContext.callAs(TenantId.of("tomsk"), () -> photos.read(stored.key()))).isPresent();
        assertThat(TenantContext.callAs(TenantId.of("tomsk"), () -> photos.read(stored.thumbnailKey()))).isPresent();
        assertThat(TenantContext.callAs(TenantId.of("zarechny"), () -> photos.read(stored.key()))).isEmpty();
        // A zarechny key that only climbs into tomsk's folder is not a key at all.
        assertThat(TenantContext.callAs(TenantId.of("zarechny"),
                () -> photos.read("zarechny/../" + stored.key()))).isEmpty();
        assertThat(TenantContext.callAs(TenantId.of("tomsk"), () -> photos.read(null))).isEmpty();
        assertThatThrownBy(() -> photos.read(stored.key())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TenantContext.callInPlatformScope(() -> photos.read(stored.key())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deleteRemovesPhotoAndThumbnail() {
        List<StoredPhoto> stored = photos.accept(tomsk, jpegs(2));

        photos.delete(stored);

        assertThat(storage.objects).isEmpty();
    }

    @Test
    void storesNothingWhenTheStoreFailsHalfway() {
        PhotoStorage failing = new PhotoStorage() {
            int puts;

            @Override
            public void put(String key, byte[] content, String contentType) {
                if (++puts == 3) {
                    throw new java.io.UncheckedIOException(new IOException("disk full"));
                }
                storage.put(key, content, contentType);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return storage.get(key);
            }

            @Override
            public void delete(String key) {
                storage.delete(key);
            }
        };
        PhotoService service = new PhotoService(failing, PhotoProperties.defaults(), Clock.systemUTC());

        assertThatThrownBy(() -> service.accept(tomsk, jpegs(2))).hasMessageContaining("disk full");
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void tenantWithoutPhotoSectionGetsPlatformDefaults() {
        assertThat(problems(() -> photos.check((PhotoRules) null, jpegs(6)))).extracting(PhotoProblem::args)
                .containsExactly(List.of(5, 6));
    }

    private static List<PhotoUpload> jpegs(int count) {
        List<PhotoUpload> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uploads.add(new PhotoUpload("photo-" + i + ".jpg", SampleImages.jpeg(24, 16)));
        }
        return Collections.unmodifiableList(uploads);
    }

    private static List<PhotoProblem> problems(Runnable call) {
        try {
            call.run();
        } catch (PhotoRejectedException e) {
            return e.problems();
        }
        throw new AssertionError("Expected the photos to be refused");
    }

    private static String size(byte[] image) {
        BufferedImage decoded = SampleImages.decode(image);
        return decoded.getWidth() + "x" + decoded.getHeight();
    }

    /** Red or blue, whichever channel dominates (JPEG blurs exact colours). */
    private static Color dominant(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > c.getBlue() ? Color.RED : Color.BLUE;
    }

    private static byte[] pngChunk(String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        return SampleImages.concat(java.nio.ByteBuffer.allocate(4).putInt(data.length).array(), type.getBytes(), data,
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
