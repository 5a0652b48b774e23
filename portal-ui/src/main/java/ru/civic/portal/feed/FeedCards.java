package ru.civic.portal.feed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.web.util.HtmlUtils;

import ru.civic.platform.message.FeedItem;
import ru.civic.platform.message.FeedPage;

/**
 * A page of the feed as HTML cards, every value escaped: the same markup for the Vaadin view (one node instead of a
 * dozen components per card) and for the server-rendered page that new visitors get ({@link PublicFeedPage}).
 */
final class FeedCards {

    /** Texts from the bundles in the reader's language. */
    @FunctionalInterface
    interface Texts {
        String get(String key, Object... args);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private FeedCards() {
    }

    static String render(FeedPage page, ZoneId zone, Texts t) {
        StringBuilder html = new StringBuilder(page.items().size() * 768);
        for (FeedItem m : page.items()) {
            card(m, zone, t, html);
        }
        return html.toString();
    }

    private static void card(FeedItem m, ZoneId zone, Texts t, StringBuilder html) {
        html.append("<div class=\"civic-feed-item\">");
        if (m.thumbnailKey() != null) {
            html.append("<img class=\"civic-feed-thumb\" loading=\"lazy\" width=\"96\" height=\"72\" src=\"api/v1/photos/")
                    .append(escape(m.thumbnailKey())).append("\" alt=\"")
                    .append(escape(t.get("portal.feed.photoOf", m.number()))).append("\">");
        }
        html.append("<div class=\"civic-feed-body\"><a class=\"civic-feed-number\" href=\"messages/")
                .append(escape(m.number())).append("\">").append(escape(m.number())).append("</a>")
                .append("<span class=\"civic-feed-status\"> · ")
                .append(escape(t.get("portal.status." + m.status().name()))).append("</span>")
                .append("<span> · ").append(DAY.format(m.receivedAt().atZone(zone))).append("</span>");
        if (m.categoryName() != null) {
            html.append("<span class=\"civic-feed-category\"> · ").append(escape(m.categoryName())).append("</span>");
        }
        if (m.districtName() != null) {
            html.append("<span class=\"civic-feed-district\"> · ").append(escape(m.districtName())).append("</span>");
        }
        html.append("<span class=\"civic-support-count\"> · ")
                .append(escape(t.get("portal.feed.supports", m.supportCount()))).append("</span>")
                .append("<p class=\"civic-feed-text\">").append(escape(m.excerpt())).append("</p>");
        if (m.address() != null) {
            html.append("<span class=\"civic-feed-address\">").append(escape(m.address())).append("</span>");
        }
        html.append("</div></div>");
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
