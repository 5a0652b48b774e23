package ru.civic.portal.feed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import ru.civic.platform.message.FeedQuery;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/**
 * The feed's filters as URL parameters ({@code ?category=roads&district=leninsky&from=2026-03-01&page=2}), so that a
 * filtered page has an address: shared, bookmarked, and served without a session to new visitors. Unknown values are
 * ignored rather than refused: a stale link still shows the feed.
 */
final class FeedParameters {

    private FeedParameters() {
    }

    static FeedQuery parse(Map<String, List<String>> parameters, TenantConfiguration tenant, int pageSize) {
        String category = first(parameters, "category");
        if (category != null && tenant.category(category).isEmpty()) {
            category = null;
        }
        String district = first(parameters, "district");
        if (district != null && tenant.district(district).isEmpty()) {
            district = null;
        }
        StageStatus status = parseEnum(StageStatus.class, first(parameters, "status"));
        FeedQuery.Order order = parseEnum(FeedQuery.Order.class, first(parameters, "order"));
        LocalDate from = date(first(parameters, "from"));
        LocalDate to = date(first(parameters, "to"));
        if (from != null && to != null && to.isBefore(from)) {
            to = null;
        }
        int page = 0;
        String p = first(parameters, "page");
        if (p != null && p.matches("\\d{1,5}")) {
            page = Math.max(0, Integer.parseInt(p) - 1); // people count pages from 1
        }
        return new FeedQuery(category, status, district, from, to, order, page, pageSize);
    }

    /** The query string for a query, page included (1-based), without defaults. */
    static String format(FeedQuery q, int page) {
        StringJoiner s = new StringJoiner("&");
        add(s, "category", q.categoryId());
        add(s, "status", q.status() == null ? null : q.status().name());
        add(s, "district", q.districtId());
        add(s, "from", q.from() == null ? null : q.from().toString());
        add(s, "to", q.to() == null ? null : q.to().toString());
        add(s, "order", q.order() == FeedQuery.Order.NEWEST ? null : q.order().name());
        add(s, "page", page <= 0 ? null : String.valueOf(page + 1));
        return s.toString();
    }

    private static void add(StringJoiner s, String name, String value) {
        if (value != null) {
            s.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank() ? null
                : values.getFirst().strip();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
