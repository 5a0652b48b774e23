package ru.civic.platform.message;

import java.time.Instant;

import ru.civic.platform.tenancy.TenantConfiguration.MessageKind;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/** One published message as the public feed lists it: no author, no timeline, the first photo's thumbnail. */
public record FeedItem(String number, MessageKind kind, StageStatus status, String categoryName, String districtName,
        String address, String excerpt, int supportCount, Instant receivedAt, Double latitude, Double longitude,
        String thumbnailKey, boolean answered) {
}
