package ru.civic.platform.message;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import ru.civic.platform.photo.PhotoRejectedException;
import ru.civic.platform.photo.PhotoService;
import ru.civic.platform.photo.PhotoStorage;
import ru.civic.platform.photo.PhotoUpload;
import ru.civic.platform.photo.StoredPhoto;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantConfiguration.PhotoFormat;
import ru.civic.platform.tenancy.TenantConfiguration.PhotoRules;
import ru.civic.platform.tenancy.TenantContext;

/**
 * Photos and scans that officials attach to answers and decisions (Volgograd 4.7, Zarechny 6.3, Tynda 3.5). Images
 * go through the same checks and re-encoding as citizens' photos (no metadata kept); scans are PDF, recognised by
 * content. Keys start with the tenant, and another tenant's key is never served or accepted.
 */
@Service
public class Attachments {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    public record Attachment(String key, String contentType, long bytes) {
    }

    private final PhotoService photos;
    private final PhotoStorage storage;

    public Attachments(PhotoService photos, PhotoStorage storage) {
        this.photos = photos;
        this.storage = storage;
    }

    @PreAuthorize(Permissions.HAS_STAFF_ROLE)
    public Attachment store(String fileName, byte[] content) {
        String tenant = TenantContext.getRequiredTenantId().value();
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(List.of(FieldProblem.of("file", "attachment.tooLarge",
                    MAX_BYTES / (1024 * 1024))));
        }
        if (startsWith(content, PDF)) {
            String key = tenant + "/attachments/" + UUID.randomUUID() + ".pdf";
            storage.put(key, content, "application/pdf");
            return new Attachment(key, "application/pdf", content.length);
        }
        try {
            StoredPhoto photo = photos.accept(TenantContext.getRequiredTenantId(),
                    new PhotoRules(1, EnumSet.allOf(PhotoFormat.class), MAX_BYTES, null),
                    List.of(new PhotoUpload(fileName, content))).getFirst();
            return new Attachment(photo.key(), photo.contentType(), photo.bytes());
        } catch (PhotoRejectedException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> FieldProblem.of("file", "photo.format".equals(p.code()) ? "attachment.format" : p.code(),
                            p.args().toArray()))
                    .toList());
        }
    }

    /** True when the key names a stored attachment or photo of the current tenant. */
    public boolean exists(String key) {
        return ownKey(key) && storage.get(key).isPresent();
    }

    public Optional<byte[]> read(String key) {
        return ownKey(key) ? storage.get(key) : Optional.empty();
    }

    public static String contentType(String key) {
        return key.endsWith(".pdf") ? "application/pdf" : key.endsWith(".png") ? "image/png" : "image/jpeg";
    }

    private static boolean ownKey(String key) {
        return key != null && !key.contains("..")
                && key.startsWith(TenantContext.getRequiredTenantId().value() + "/");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
