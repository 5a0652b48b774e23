package ru.civic.platform.message.web;

import java.time.Instant;
import java.util.List;

import ru.civic.platform.message.Place;
import ru.civic.platform.tenancy.TenantConfiguration.MessageKind;

/**
 * The body of {@code POST /api/v1/messages}. Photos come either as multipart parts or, for channels that send JSON
 * only, base64-encoded here. {@code author} is read only from integration channels (the person is known to them, not
 * to the platform); a signed-in citizen is the author.
 */
public record SubmitRequest(MessageKind kind, String text, String categoryId, Place place, Instant occurredAt,
        Boolean publicityConfirmed, String externalId, String correctionOf, AuthorData author,
        List<PhotoData> photos) {

    public record AuthorData(String name, String email, String phone) {
    }

    public record PhotoData(String fileName, String contentBase64) {
    }
}
