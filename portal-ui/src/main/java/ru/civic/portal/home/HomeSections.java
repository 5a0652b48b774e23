package ru.civic.portal.home;

import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;

import ru.civic.platform.message.MessageFigures;
import ru.civic.platform.news.NewsItem;

/** The parts of a tenant's home page fed by live data: maintenance notices, figures, news. */
final class HomeSections {

    static final int NEWS_ON_HOME = 5;

    private HomeSections() {
    }

    /** The page's language, as getTranslation sees it. */
    private static Locale locale() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? Locale.of("ru") : ui.getLocale();
    }

    /** A notice at the top of the page, announced to assistive technologies as a status. */
    static Component maintenanceNotice(Component page, NewsItem maintenance) {
        Div notice = new Div();
        notice.addClassName("civic-maintenance");
        notice.getElement().setAttribute("role", "status");
        notice.getStyle().set("border-left", "4px solid var(--civic-accent, #F9A825)")
                .set("background", maintenance.inProgress() ? "#FFF3E0" : "#FFFDE7")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-m)");
        Span heading = new Span(page.getTranslation(maintenance.inProgress() ? "portal.maintenance.inProgress"
                : "portal.maintenance.upcoming"));
        heading.getStyle().set("font-weight", "700");
        Span window = new Span(window(page, maintenance.startsAt(), maintenance.endsAt()));
        window.addClassName("civic-maintenance-window");
        Paragraph text = new Paragraph(maintenance.title() + ". " + maintenance.body());
        text.getStyle().set("margin", "var(--lumo-space-xs) 0 0");
        notice.add(heading, new Span(": "), window, text);
        return notice;
    }

    /** "3 мая 2032, 02:00 — 04:00 (UTC+07:00)": the window in the tenant's own time, its offset said. */
    static String window(Component page, ZonedDateTime starts, ZonedDateTime ends) {
        Locale locale = locale();
        DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        String end = starts.toLocalDate().equals(ends.toLocalDate()) ? ends.format(time) : ends.format(full);
        return page.getTranslation("portal.maintenance.window", starts.format(full), end,
                "UTC" + starts.getOffset().getId().replace("Z", "+00:00"));
    }

    static Component figures(Component page, MessageFigures.Figures figures) {
        Section section = new Section();
        section.addClassName("civic-figures");
        section.add(new H2(page.getTranslation("portal.home.figures")));
        Div row = new Div();
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale());
        row.add(figure(page, "received", numbers.format(figures.received())),
                figure(page, "published", numbers.format(figures.published())),
                figure(page, "answered", numbers.format(figures.answered())),
                figure(page, "supports", numbers.format(figures.supports())));
        section.add(row);
        return section;
    }

    private static Component figure(Component page, String key, String value) {
        Div figure = new Div();
        figure.addClassNames("civic-figure", "civic-figure-" + key);
        Span number = new Span(value);
        number.addClassName("civic-figure-value");
        number.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xxl)")
                .set("font-weight", "700").set("color", "var(--civic-primary)");
        Span label = new Span(page.getTranslation("portal.home.figures." + key));
        label.addClassName("civic-figure-label");
        figure.add(number, label);
        return figure;
    }

    static Component news(Component page, List<NewsItem> items, java.time.ZoneId zone) {
        Section section = new Section();
        section.addClassName("civic-news");
        section.add(new H2(page.getTranslation("portal.home.news")));
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale());
        for (NewsItem item : items) {
            Article article = new Article();
            article.addClassName("civic-news-item");
            Span published = new Span(date.format(item.publishedAt().atZone(zone)));
            published.getStyle().set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            H3 title = new H3(item.title());
            title.getStyle().set("margin", "var(--lumo-space-xs) 0");
            article.add(published, title, new Paragraph(item.body()));
            section.add(article);
        }
        return section;
    }
}
