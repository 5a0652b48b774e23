package ru.civic.admin.news;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.news.News;
import ru.civic.platform.news.NewsDraft;
import ru.civic.platform.news.NewsKind;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The operator's news desk: the tenant's own news and maintenance notices (Tomsk 2.3: planned works are announced in
 * the news), a new item with its publish date, or a maintenance window typed in the tenant's own time; withdrawing an
 * item takes it off the portal. The platform owner's announcements for every tenant are made in the platform console.
 */
@Route(value = "admin/news", layout = AdminLayout.class)
@Menu(title = "admin.menu.news", order = 70)
@RolesAllowed(Permissions.OPERATOR)
class NewsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final int MAX_TITLE = 300;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final News news;
    private final Clock clock;
    private final ZoneId zone;

    private final Grid<News.Entry> grid = new Grid<>();
    private final RadioButtonGroup<NewsKind> kind = new RadioButtonGroup<>();
    private final TextField title = new TextField();
    private final TextArea body = new TextArea();
    private final DatePicker publishOn = new DatePicker();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final DateTimePicker endsAt = new DateTimePicker();
    private final Button publish = new Button();
    private final Span done = new Span();

    NewsView(News news, TenantRegistry tenants, Clock clock) {
        this.news = news;
        this.clock = clock;
        this.zone = tenants.currentConfiguration().zoneId();
        addClassName("civic-news-desk");

        grid.addColumn(News.Entry::title).setHeader(getTranslation("admin.news.titleField")).setFlexGrow(2);
        grid.addColumn(e -> getTranslation("admin.news.kind." + e.kind().name()))
                .setHeader(getTranslation("admin.news.kind")).setAutoWidth(true);
        grid.addColumn(e -> WHEN.format(e.publishedAt().atZone(zone)))
                .setHeader(getTranslation("admin.news.publishedAt")).setAutoWidth(true);
        grid.addColumn(e -> e.startsAt() == null ? ""
                : WHEN.format(e.startsAt()) + " – " + WHEN.format(e.endsAt()))
                .setHeader(getTranslation("admin.news.window")).setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("admin.news.state")).setAutoWidth(true);
        grid.addComponentColumn(e -> {
            Button withdraw = new Button(getTranslation("admin.news.withdraw"), click -> withdraw(e));
            withdraw.addClassName("civic-news-withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            withdraw.setVisible(!e.withdrawn());
            return withdraw;
        }).setAutoWidth(true);
        grid.setHeight("40vh");
        grid.addClassName("civic-news-grid");

        kind.setLabel(getTranslation("admin.news.kind"));
        kind.setItems(NewsKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("admin.news.kind." + k.name()));
        kind.setValue(NewsKind.NEWS);
        kind.addValueChangeListener(e -> showKind());
        title.setLabel(getTranslation("admin.news.titleField"));
        title.setMaxLength(MAX_TITLE);
        title.setWidthFull();
        body.setLabel(getTranslation("admin.news.body"));
        body.setWidthFull();
        body.setMinHeight("8em");
        publishOn.setLabel(getTranslation("admin.news.publishOn"));
        publishOn.setHelperText(getTranslation("admin.news.publishOn.help"));
        publishOn.setValue(today());
        String zoneNote = zone.getId() + ", UTC" + zone.getRules().getOffset(clock.instant()).getId().replace("Z", "+00:00");
        startsAt.setLabel(getTranslation("admin.news.startsAt", zoneNote));
        endsAt.setLabel(getTranslation("admin.news.endsAt", zoneNote));
        publish.setText(getTranslation("admin.news.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClassName("civic-news-publish");
        publish.addClickListener(e -> publish());
        done.addClassName("civic-news-done");
        done.setVisible(false);
        showKind();

        FormLayout form = new FormLayout(kind, title, body, publishOn, startsAt, endsAt);
        form.setColspan(title, 2);
        form.setColspan(body, 2);
        add(new H1(getTranslation("admin.news.title")), grid, new H2(getTranslation("admin.news.new")), form,
                publish, done);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        grid.setItems(news.own());
    }

    private String state(News.Entry e) {
        if (e.withdrawn()) {
            return getTranslation("admin.news.state.withdrawn");
        }
        return e.publishedAt().isAfter(clock.instant()) ? getTranslation("admin.news.state.scheduled")
                : getTranslation("admin.news.state.published");
    }

    private void showKind() {
        boolean maintenance = kind.getValue() == NewsKind.MAINTENANCE;
        publishOn.setVisible(!maintenance);
        startsAt.setVisible(maintenance);
        endsAt.setVisible(maintenance);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Checks what was typed field by field (the draft itself refuses the same, without saying where). */
    private void publish() {
        List<HasValidation> all = List.of(title, body, publishOn, startsAt, endsAt);
        all.forEach(f -> f.setInvalid(false));
        done.setVisible(false);
        List<Runnable> problems = new ArrayList<>();
        String t = title.getValue() == null ? "" : title.getValue().strip();
        String b = body.getValue() == null ? "" : body.getValue().strip();
        if (t.isEmpty()) {
            problems.add(() -> error(title, "admin.news.error.titleRequired"));
        } else if (t.length() > MAX_TITLE) {
            problems.add(() -> error(title, "admin.news.error.titleTooLong", MAX_TITLE));
        }
        if (b.isEmpty()) {
            problems.add(() -> error(body, "admin.news.error.bodyRequired"));
        }
        boolean maintenance = kind.getValue() == NewsKind.MAINTENANCE;
        Instant publishAt = null;
        Instant from = null;
        Instant to = null;
        if (maintenance) {
            from = at(startsAt.getValue());
            to = at(endsAt.getValue());
            if (from == null) {
                problems.add(() -> error(startsAt, "admin.news.error.windowRequired"));
            }
            if (to == null) {
                problems.add(() -> error(endsAt, "admin.news.error.windowRequired"));
            } else if (!to.isAfter(clock.instant())) {
                problems.add(() -> error(endsAt, "admin.news.error.windowPast"));
            } else if (from != null && !to.isAfter(from)) {
                problems.add(() -> error(endsAt, "admin.news.error.windowOrder"));
            }
        } else if (publishOn.getValue() == null) {
            problems.add(() -> error(publishOn, "admin.news.error.publishOnRequired"));
        } else if (publishOn.getValue().isBefore(today())) {
            problems.add(() -> error(publishOn, "admin.news.error.publishOnPast"));
        } else if (publishOn.getValue().isAfter(today())) {
            publishAt = publishOn.getValue().atStartOfDay(zone).toInstant();
        }
        if (!problems.isEmpty()) {
            problems.forEach(Runnable::run);
            return;
        }
        news.publish(maintenance ? NewsDraft.maintenance(t, b, from, to) : NewsDraft.news(t, b), publishAt);
        done.setText(getTranslation(publishAt == null ? "admin.news.published" : "admin.news.scheduled", t));
        done.setVisible(true);
        title.clear();
        body.clear();
        publishOn.setValue(today());
        startsAt.clear();
        endsAt.clear();
        refresh();
    }

    private Instant at(LocalDateTime local) {
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private void error(HasValidation field, String key, Object... args) {
        field.setErrorMessage(getTranslation(key, args));
        field.setInvalid(true);
    }

    private void withdraw(News.Entry entry) {
        news.withdraw(entry.id());
        done.setText(getTranslation("admin.news.withdrawn", entry.title()));
        done.setVisible(true);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.news.title");
    }

    // For the browserless tests of this package.
    Grid<News.Entry> grid() { return grid; }
    RadioButtonGroup<NewsKind> kind() { return kind; }
    TextField titleField() { return title; }
    TextArea body() { return body; }
    DatePicker publishOn() { return publishOn; }
    DateTimePicker startsAt() { return startsAt; }
    DateTimePicker endsAt() { return endsAt; }
    Button publishButton() { return publish; }
}
