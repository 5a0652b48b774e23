package ru.civic.platform.message;

import java.time.Instant;
import java.util.List;

import ru.civic.platform.photo.PhotoUpload;
import ru.civic.platform.tenancy.TenantConfiguration.MessageKind;

/**
 * What a citizen (or an external channel on a citizen's behalf) sends. Which fields are required is the tenant's
 * rule ({@code intake} and {@code photos} in its configuration).
 *
 * @param publicityConfirmed the author confirms the message is public (Volgograd 8.4)
 * @param externalId         the external channel's own id: a repeated submission with it returns the first receipt
 * @param correctionOf       the number of a refused message this one corrects
 */
public record SubmitMessage(MessageKind kind, String text, String categoryId, Place place, Instant occurredAt,
        boolean publicityConfirmed, List<PhotoUpload> photos, String externalId, String correctionOf) {

    public SubmitMessage {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
