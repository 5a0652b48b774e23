package ru.civic.platform.message;

import java.time.LocalDate;

import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/**
 * What a reader asks of the public feed. Empty filters match everything; a category includes its subcategories; the
 * period is in days of the tenant's time zone, both ends included.
 */
public record FeedQuery(String categoryId, StageStatus status, String districtId, LocalDate from, LocalDate to,
        Order order, int page, int size) {

    public static final int MAX_SIZE = 100;

    public enum Order { NEWEST, MOST_SUPPORTED }

    public FeedQuery {
        order = order == null ? Order.NEWEST : order;
        page = Math.max(0, page);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    public static FeedQuery newest(int size) {
        return new FeedQuery(null, null, null, null, null, Order.NEWEST, 0, size);
    }
}
