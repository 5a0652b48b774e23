package ru.civic.platform.photo;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import ru.civic.platform.photo.internal.ContentFormat;
import ru.civic.platform.photo.internal.ImageDecoder;
import ru.civic.platform.photo.internal.ImageDecoder.Decoded;
import ru.civic.platform.photo.internal.ImageDecoder.NotAllowedFormat;
import ru.civic.platform.photo.internal.ImageDecoder.TooManyPixels;
import ru.civic.platform.photo.internal.ImageDecoder.Unreadable;
import ru.civic.platform.photo.internal.ImageEncoder;
import ru.civic.platform.photo.internal.Orientation;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.PhotoFormat;
import ru.civic.platform.tenancy.TenantConfiguration.PhotoRules;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Accepts the photos of a message (or an answer) under the tenant's rules and stores clean copies.
 *
 * <p>Nothing the citizen uploaded is stored as uploaded. Each photo is decoded and written anew from its pixels, so
 * the stored copy carries no EXIF (camera, time, GPS position of the citizen's home), XMP or comments, and no
 * payload hidden after the image data can be served back from the platform's domain.
 */
@Service
public class PhotoService {

    /** Pixel limit when a tenant sets none: above any phone camera, and about 160 MB once decoded. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** Longest side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_MAX_SIDE = 320;
    static final float JPEG_QUALITY = 0.85f;

    /** Rules for a tenant document without a photos section: Tomsk's, which every tenant file repeats. */
    static final PhotoRules PLATFORM_DEFAULTS =
            new PhotoRules(5, EnumSet.allOf(PhotoFormat.class), 50L * 1024 * 1024, DEFAULT_MAX_PIXELS);

    private static final Logger log = LoggerFactory.getLogger(PhotoService.class);
    private static final Pattern PHOTO_KEY =
            Pattern.compile("([a-z][a-z0-9-]{1,30})/\\d{4}/\\d{2}/[0-9a-f-]{36}(-thumb)?\\.(jpg|png)");
    private static final BigDecimal MEGABYTE = BigDecimal.valueOf(1024L * 1024);
    private static final BigDecimal MEGAPIXEL = BigDecimal.valueOf(1_000_000L);

    private final PhotoStorage storage;
    private final Clock clock;
    private final Semaphore decodes;
    private final ImageDecoder decoder = new ImageDecoder();
    private final ImageEncoder encoder = new ImageEncoder();

    /** Takes the platform's clock when there is one (tests stand on a given day), else the system clock in UTC. */
    @Autowired
    public PhotoService(PhotoStorage storage, PhotoProperties properties, ObjectProvider<Clock> clock) {
        this(storage, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    public PhotoService(PhotoStorage storage, PhotoProperties properties, Clock clock) {
        this.storage = storage;
        this.clock = clock;
        this.decodes = new Semaphore(properties.maxConcurrentDecodes(), true);
    }

    /**
     * Checks all uploads against the tenant's photo rules and, when none is broken, stores a clean copy and a
     * thumbnail of each. All or nothing: on any problem nothing is stored.
     *
     * @return the stored photos, in upload order
     * @throws PhotoRejectedException with every problem found, when any rule is broken
     */
    public List<StoredPhoto> accept(TenantConfiguration tenant, List<PhotoUpload> uploads) {
        return accept(tenant.tenantId(), tenant.photos(), uploads);
    }

    /** {@link #accept(TenantConfiguration, List)} for callers (and tests) that hold the rules, not the document. */
    public List<StoredPhoto> accept(TenantId tenantId, PhotoRules rules, List<PhotoUpload> uploads) {
        return store(tenantId, inspect(effective(rules), uploads, true));
    }

    /**
     * Only the checks of {@link #accept}, storing nothing (for a dry run before the message is sent). Decodes every
     * photo, as a corrupt file only shows when decoded.
     *
     * @throws PhotoRejectedException with every problem found
     */
    public void check(TenantConfiguration tenant, List<PhotoUpload> uploads) {
        check(tenant.photos(), uploads);
    }

    public void check(PhotoRules rules, List<PhotoUpload> uploads) {
        inspect(effective(rules), uploads, false);
    }

    /**
     * A stored photo or thumbnail of the current tenant. Another tenant's key, or anything that is not a key this
     * service makes, reads as absent: the caller answers 404 and a tenant cannot even learn that the key exists.
     *
     * @throws IllegalStateException outside a tenant context (the platform scope sees no tenant data)
     */
    public Optional<byte[]> read(String key) {
        TenantId tenant = TenantContext.getRequiredTenantId();
        Matcher matcher = PHOTO_KEY.matcher(key == null ? "" : key);
        if (!matcher.matches() || !matcher.group(1).equals(tenant.value())) {
            return Optional.empty();
        }
        return storage.get(key);
    }

    /** Removes stored photos and their thumbnails, e.g. when the message they were accepted for was not saved. */
    public void delete(List<StoredPhoto> photos) {
        for (StoredPhoto photo : photos) {
            storage.delete(photo.key());
            storage.delete(photo.thumbnailKey());
        }
    }

    /** A photo ready to store. */
    private record Prepared(PhotoFormat format, String extension, String contentType, byte[] content,
            byte[] thumbnail, int width, int height) {
    }

    /**
     * Runs every check on every upload and collects all problems, so that the citizen learns everything wrong in
     * one answer. When {@code encode} is set and nothing is wrong, also returns the encoded copies.
     */
    private List<Prepared> inspect(PhotoRules rules, List<PhotoUpload> uploads, boolean encode) {
        List<PhotoProblem> problems = new ArrayList<>();
        if (uploads.size() > rules.maxCount()) {
            problems.add(new PhotoProblem("photos", PhotoProblem.COUNT, List.of(rules.maxCount(), uploads.size())));
        }
        long total = uploads.stream().mapToLong(u -> u.content().length).sum();
        if (total > rules.maxTotalBytes()) {
            problems.add(new PhotoProblem("photos", PhotoProblem.TOTAL_SIZE, List.of(
                    megabytes(rules.maxTotalBytes(), RoundingMode.FLOOR), megabytes(total, RoundingMode.CEILING))));
        }
        Set<ContentFormat> allowed = rules.formats().stream().map(ContentFormat::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContentFormat.class)));
        String allowedNames = rules.formats().stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
        long maxPixels = rules.maxPixels() == null ? DEFAULT_MAX_PIXELS : rules.maxPixels();

        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            PhotoUpload upload = uploads.get(i);
            String field = "photos[" + i + "]";
            // Decoded pixels take up to 160 MB per photo: bound how many are held at once across all requests.
            decodes.acquireUninterruptibly();
            try {
                switch (decoder.decode(upload.content(), allowed, maxPixels)) {
                    case Decoded decoded -> {
                        // Once anything is wrong the whole set is refused: encoding would be wasted work.
                        if (encode && problems.isEmpty()) {
                            prepared.add(prepare(upload, decoded));
                        }
                    }
                    case NotAllowedFormat notAllowed -> problems.add(new PhotoProblem(field, PhotoProblem.FORMAT,
                            List.of(upload.fileName(), allowedNames)));
                    case TooManyPixels tooMany -> problems.add(new PhotoProblem(field, PhotoProblem.PIXELS,
                            List.of(upload.fileName(), tooMany.width(), tooMany.height(), megapixels(maxPixels))));
                    case Unreadable unreadable -> {
                        log.debug("Unreadable photo {} ({}): {}", field, upload.fileName(), unreadable.reason());
                        problems.add(new PhotoProblem(field, PhotoProblem.UNREADABLE, List.of(upload.fileName())));
                    }
                }
            } finally {
                decodes.release();
            }
        }
        if (!problems.isEmpty()) {
            throw new PhotoRejectedException(problems);
        }
        return prepared;
    }

    /**
     * Re-encodes a decoded photo. PNG stays PNG (screenshots and plans keep their sharp edges and transparency);
     * JPEG stays JPEG; TIFF becomes JPEG because browsers cannot show TIFF. JPEG and TIFF record how the camera was
     * held only in metadata, which the copy loses, so that turn is applied to the pixels.
     */
    private Prepared prepare(PhotoUpload upload, Decoded decoded) {
        BufferedImage image = decoded.image();
        if (decoded.format() == ContentFormat.PNG) {
            byte[] thumbnail = encoder.jpeg(encoder.thumbnail(image, THUMBNAIL_MAX_SIDE), JPEG_QUALITY);
            return new Prepared(PhotoFormat.PNG, ".png", "image/png", encoder.png(image), thumbnail,
                    image.getWidth(), image.getHeight());
        }
        Orientation orientation = decoded.format() == ContentFormat.JPEG
                ? Orientation.ofJpeg(upload.content())
                : Orientation.ofTiff(upload.content());
        BufferedImage upright = encoder.uprightOpaque(image, orientation);
        byte[] thumbnail = encoder.jpeg(encoder.thumbnail(upright, THUMBNAIL_MAX_SIDE), JPEG_QUALITY);
        return new Prepared(PhotoFormat.JPEG, ".jpg", "image/jpeg", encoder.jpeg(upright, JPEG_QUALITY), thumbnail,
                upright.getWidth(), upright.getHeight());
    }

    private List<StoredPhoto> store(TenantId tenantId, List<Prepared> prepared) {
        // The month folder is in UTC whatever the tenant's zone: it only spreads files over folders and must not
        // depend on configuration that can change.
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        String folder = String.format(Locale.ROOT, "%s/%04d/%02d/", tenantId.value(), now.getYear(), now.getMonthValue());
        List<String> written = new ArrayList<>();
        List<StoredPhoto> stored = new ArrayList<>(prepared.size());
        try {
            for (Prepared photo : prepared) {
                String name = folder + UUID.randomUUID();
                String key = name + photo.extension();
                String thumbnailKey = name + "-thumb.jpg";
                storage.put(key, photo.content(), photo.contentType());
                written.add(key);
                storage.put(thumbnailKey, photo.thumbnail(), "image/jpeg");
                written.add(thumbnailKey);
                stored.add(new StoredPhoto(key, thumbnailKey, photo.format(), photo.width(), photo.height(),
                        photo.content().length, photo.contentType()));
            }
        } catch (RuntimeException e) {
            // All or nothing: the caller refuses the message when its photos cannot be stored, and the photos
            // already written would be orphans that no message refers to.
            for (String key : written) {
                try {
                    storage.delete(key);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        return List.copyOf(stored);
    }

    private static PhotoRules effective(PhotoRules rules) {
        if (rules == null) {
            return PLATFORM_DEFAULTS;
        }
        if (rules.formats() == null) {
            return new PhotoRules(rules.maxCount(), PLATFORM_DEFAULTS.formats(), rules.maxTotalBytes(), rules.maxPixels());
        }
        return rules;
    }

    /** Megabytes with at most one decimal: 50, 52.5. */
    private static BigDecimal megabytes(long bytes, RoundingMode rounding) {
        return plain(BigDecimal.valueOf(bytes).divide(MEGABYTE, 1, rounding));
    }

    private static BigDecimal megapixels(long pixels) {
        return plain(BigDecimal.valueOf(pixels).divide(MEGAPIXEL, 1, RoundingMode.FLOOR));
    }

    /** 50 rather than 50.0 or 5E+1, for messages and for JSON. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
