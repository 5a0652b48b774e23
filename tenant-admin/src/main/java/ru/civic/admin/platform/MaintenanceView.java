package ru.civic.admin.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.news.News;
import ru.civic.platform.news.NewsDraft;
import ru.civic.platform.news.NewsItem;
import ru.civic.platform.news.NewsKind;
import ru.civic.platform.security.Permissions;

/**
 * Maintenance of the whole platform, announced by its owner on every tenant's home page (Tomsk 2.3: planned works
 * are announced), with its window in Moscow time (each portal shows it in its own zone); and the announcements still
 * shown, each of which may be withdrawn.
 */
@Route(value = "admin/platform/announcements", layout = AdminLayout.class)
@Menu(title = "admin.menu.platformAnnouncements", order = 92)
@RolesAllowed(Permissions.PLATFORM_OWNER)
class MaintenanceView extends Div implements HasDynamicTitle {

    private static final int MAX_TITLE = 300;

    private final News news;
    private final java.time.Clock clock;
    private final TextField title = new TextField();
    private final TextArea body = new TextArea();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final DateTimePicker endsAt = new DateTimePicker();
    private final Grid<NewsItem> announced = new Grid<>();

    MaintenanceView(News news, java.time.Clock clock) {
        this.news = news;
        this.clock = clock;
        addClassName("civic-platform-announcements");
        add(new H1(getTranslation("admin.platform.announce.title")));
        add(new Paragraph(getTranslation("admin.platform.announce.intro")));

        title.setLabel(getTranslation("admin.platform.announce.heading"));
        title.setMaxLength(MAX_TITLE);
        title.setValue(getTranslation("admin.platform.announce.defaultHeading"));
        body.setLabel(getTranslation("admin.platform.announce.body"));
        startsAt.setLabel(getTranslation("admin.platform.announce.startsAt"));
        endsAt.setLabel(getTranslation("admin.platform.announce.endsAt"));
        startsAt.setLocale(java.util.Locale.of("ru"));
        endsAt.setLocale(java.util.Locale.of("ru"));
        title.setManualValidation(true);
        body.setManualValidation(true);
        startsAt.setManualValidation(true);
        endsAt.setManualValidation(true);
        Button announce = new Button(getTranslation("admin.platform.announce.submit"), e -> announce());
        announce.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        announce.addClassName("civic-platform-announce");
        add(new FormLayout(title, startsAt, endsAt, body), announce);

        add(new H2(getTranslation("admin.platform.announce.list")));
        announced.addClassName("civic-platform-announced");
        announced.addColumn(NewsItem::title).setHeader(getTranslation("admin.platform.announce.heading"))
                .setFlexGrow(1);
        announced.addColumn(this::window).setHeader(getTranslation("admin.platform.announce.window"))
                .setAutoWidth(true);
        announced.addComponentColumn(item -> {
            Button withdraw = new Button(getTranslation("admin.platform.announce.withdraw"),
                    e -> confirmWithdrawal(item));
            withdraw.addClassName("civic-platform-withdraw");
            return withdraw;
        }).setAutoWidth(true).setFlexGrow(0);
        announced.setAllRowsVisible(true);
        add(announced);
        refresh();
    }

    private String window(NewsItem item) {
        if (item.kind() != NewsKind.MAINTENANCE) {
            return getTranslation("admin.platform.announce.news");
        }
        return getTranslation("admin.platform.announce.from", PlatformConsoleView.TIME.format(item.startsAt()),
                PlatformConsoleView.TIME.format(item.endsAt()));
    }

    private void refresh() {
        announced.setItems(news.announcedForAllTenants(PlatformConsoleView.PLATFORM_ZONE));
    }

    /** Each field's problem at the field; the announcement is made only when there is none. Nothing typed is lost. */
    private void announce() {
        title.setInvalid(false);
        body.setInvalid(false);
        startsAt.setInvalid(false);
        endsAt.setInvalid(false);
        boolean ok = true;
        if (title.getValue().isBlank()) {
            ok = invalid(title, "admin.platform.announce.error.heading");
        }
        if (body.getValue().isBlank()) {
            ok = invalid(body, "admin.platform.announce.error.body");
        }
        LocalDateTime start = startsAt.getValue();
        LocalDateTime end = endsAt.getValue();
        Instant now = clock.instant();
        if (start == null) {
            ok = invalid(startsAt, "admin.platform.announce.error.startsAt");
        }
        if (end == null) {
            ok = invalid(endsAt, "admin.platform.announce.error.endsAt");
        } else if (start != null && !end.isAfter(start)) {
            ok = invalid(endsAt, "admin.platform.announce.error.order");
        } else if (!end.atZone(PlatformConsoleView.PLATFORM_ZONE).toInstant().isAfter(now)) {
            ok = invalid(endsAt, "admin.platform.announce.error.past");
        }
        if (!ok) {
            return;
        }
        news.announceForAllTenants(NewsDraft.maintenance(title.getValue().strip(), body.getValue().strip(),
                start.atZone(PlatformConsoleView.PLATFORM_ZONE).toInstant(),
                end.atZone(PlatformConsoleView.PLATFORM_ZONE).toInstant()));
        Notification.show(getTranslation("admin.platform.announce.done"));
        body.clear();
        startsAt.clear();
        endsAt.clear();
        refresh();
    }

    private boolean invalid(com.vaadin.flow.component.HasValidation field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
        return false;
    }

    private void confirmWithdrawal(NewsItem item) {
        Dialog dialog = new Dialog();
        dialog.addClassName("civic-platform-confirm");
        dialog.setHeaderTitle(getTranslation("admin.platform.announce.withdraw.title", item.title()));
        dialog.add(new Paragraph(getTranslation("admin.platform.announce.withdraw.text")));
        UUID id = item.id();
        Button yes = new Button(getTranslation("admin.platform.announce.withdraw"), e -> {
            news.withdrawForAllTenants(id);
            dialog.close();
            Notification.show(getTranslation("admin.platform.announce.withdrawn"));
            refresh();
        });
        yes.addClassName("civic-platform-confirm-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button no = new Button(getTranslation("admin.action.cancel"), e -> dialog.close());
        dialog.getFooter().add(no, yes);
        add(dialog);
        dialog.open();
    }

    TextField heading() {
        return title;
    }

    TextArea body() {
        return body;
    }

    DateTimePicker startsAt() {
        return startsAt;
    }

    DateTimePicker endsAt() {
        return endsAt;
    }

    Grid<NewsItem> announced() {
        return announced;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.platform.announce.title");
    }
}
