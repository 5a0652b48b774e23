package ru.civic.portal.cabinet;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.notification.CabinetNotification;
import ru.civic.platform.notification.Notifications;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.points.PointsStandings;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/**
 * The personal cabinet: my messages with their status and deadlines, my notifications (opened ones are marked
 * read), and my profile. Signed-in people only; each sees only their own.
 */
@Route(value = "cabinet", layout = PortalLayout.class)
@PermitAll
class CabinetView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageLookup lookup;
    private final Notifications notifications;
    private final AccountService accounts;
    private final Actors actors;
    private final ZoneId zone;
    private final ru.civic.platform.tenancy.TenantConfiguration tenant;
    private final Tabs tabs = new Tabs();
    private final Tab messagesTab = new Tab();
    private final Tab notificationsTab = new Tab();
    private final Tab profileTab = new Tab();
    private final Tab pointsTab = new Tab();
    private final PointsLedger points;
    private final PointsStandings standings;
    private final Clock clock;
    private final Div content = new Div();
    private Actor me;

    CabinetView(MessageLookup lookup, Notifications notifications, AccountService accounts, Actors actors,
            TenantRegistry tenants, PointsLedger points, PointsStandings standings, Clock clock) {
        this.points = points;
        this.standings = standings;
        this.clock = clock;
        this.lookup = lookup;
        this.notifications = notifications;
        this.accounts = accounts;
        this.actors = actors;
        this.tenant = tenants.currentConfiguration();
        this.zone = tenant.zoneId();
        addClassName("civic-cabinet");
        messagesTab.setLabel(getTranslation("portal.cabinet.messages"));
        profileTab.setLabel(getTranslation("portal.cabinet.profile"));
        tabs.add(messagesTab, notificationsTab, profileTab);
        // Points where the tenant awards them (Tomsk 1.1, Gubkinsky 2): the balance and its history.
        if (tenant.points() != null && tenant.points().enabled()) {
            pointsTab.setLabel(getTranslation("portal.cabinet.points"));
            tabs.add(pointsTab);
        }
        tabs.addSelectedChangeListener(e -> render());
        content.addClassName("civic-cabinet-content");
        add(new H2(getTranslation("portal.cabinet.title")), tabs, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        me = actors.current().filter(a -> a.accountId() != null).orElse(null);
        if (me == null) {
            content.removeAll();
            content.add(new Paragraph(getTranslation("portal.submit.signInFirst")));
            return;
        }
        String tab = event.getLocation().getQueryParameters().getSingleParameter("tab").orElse("");
        if (tab.equals("notifications")) {
            tabs.setSelectedTab(notificationsTab);
        } else if (tab.equals("points") && pointsTab.getParent().isPresent()) {
            tabs.setSelectedTab(pointsTab);
        }
        updateUnread();
        render();
    }

    private void updateUnread() {
        long unread = notifications.unreadCount(me.accountId());
        notificationsTab.setLabel(unread == 0 ? getTranslation("portal.cabinet.notifications")
                : getTranslation("portal.cabinet.notifications.unread", unread));
    }

    private void render() {
        if (me == null) {
            return;
        }
        content.removeAll();
        if (tabs.getSelectedTab() == notificationsTab) {
            renderNotifications();
        } else if (tabs.getSelectedTab() == profileTab) {
            renderProfile();
        } else if (tabs.getSelectedTab() == pointsTab) {
            content.add(new PointsPanel(points, standings, me.accountId(), zone, clock.instant()));
        } else {
            renderMessages();
        }
    }

    private void renderMessages() {
        List<MessageView> mine = lookup.mine(me);
        if (mine.isEmpty()) {
            content.add(new Paragraph(getTranslation("portal.cabinet.noMessages")),
                    new Anchor("submit", getTranslation(ru.civic.portal.shell.Branding.submitKey(tenant))));
            return;
        }
        for (MessageView m : mine) {
            Div row = new Div();
            row.addClassName("civic-my-message");
            row.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            row.add(new Anchor("messages/" + m.number(), m.number()));
            Span status = new Span(" · " + getTranslation("portal.status." + m.status().name()));
            status.addClassName("civic-my-status");
            row.add(status);
            row.add(new Span(" · " + getTranslation("portal.cabinet.sent", DAY.format(m.receivedAt().atZone(zone)))));
            if (m.dueAt() != null) {
                Span due = new Span(" · " + getTranslation("portal.message.dueAt", DAY.format(m.dueAt().atZone(zone))));
                due.addClassName("civic-my-deadline");
                row.add(due);
            }
            if (m.refusalReasonTitle() != null) {
                row.add(new Paragraph(getTranslation("portal.message.reason") + ": " + m.refusalReasonTitle()));
            }
            if (m.duplicateOf() != null) {
                Paragraph merged = new Paragraph(getTranslation("portal.message.mergedInto"));
                merged.add(new Anchor("messages/" + m.duplicateOf(), m.duplicateOf()));
                merged.addClassName("civic-my-merged");
                row.add(merged);
            }
            Paragraph text = new Paragraph(MessageLookup.excerpt(m.text(), 200));
            text.getStyle().set("margin", "var(--lumo-space-xs) 0");
            row.add(text);
            content.add(row);
        }
    }

    private void renderNotifications() {
        List<CabinetNotification> inbox = notifications.inbox(me.accountId(), 100);
        if (inbox.isEmpty()) {
            content.add(new Paragraph(getTranslation("portal.cabinet.noNotifications")));
            return;
        }
        for (CabinetNotification n : inbox) {
            Div item = new Div();
            item.addClassName("civic-notification");
            item.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            H3 subject = new H3(n.subject());
            subject.getStyle().set("font-size", "var(--lumo-font-size-m)").set("margin", "0");
            if (!n.isRead()) {
                item.addClassName("civic-unread");
                subject.getStyle().set("font-weight", "700");
                subject.setText("● " + n.subject());
            }
            Paragraph body = new Paragraph(n.body());
            body.getStyle().set("white-space", "pre-line").set("margin", "var(--lumo-space-xs) 0");
            item.add(subject, new Span(MOMENT.format(n.createdAt().atZone(zone))), body);
            if (n.messageNumber() != null) {
                item.add(new Anchor("messages/" + n.messageNumber(), getTranslation("portal.cabinet.openMessage")));
            }
            if (!n.isRead()) {
                Button read = new Button(getTranslation("portal.cabinet.markRead"), e -> {
                    notifications.markRead(me.accountId(), n.id());
                    updateUnread();
                    render();
                });
                read.addClassName("civic-mark-read");
                read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                item.add(read);
            }
            content.add(item);
        }
    }

    private void renderProfile() {
        Account account = accounts.find(me.accountId()).orElseThrow();
        TextField name = new TextField(getTranslation("portal.cabinet.name"));
        name.addClassName("civic-profile-name");
        name.setValue(account.getDisplayName() == null ? "" : account.getDisplayName());
        name.setRequiredIndicatorVisible(true);
        EmailField email = new EmailField(getTranslation("portal.cabinet.email"));
        email.addClassName("civic-profile-email");
        email.setValue(account.getEmail() == null ? "" : account.getEmail());
        email.setHelperText(getTranslation("portal.cabinet.email.helper"));
        Paragraph login = new Paragraph(getTranslation("portal.cabinet.login", account.getUsername()));
        // Where the resident lives: polls aimed at districts are for their residents (the tenant's districts).
        com.vaadin.flow.component.combobox.ComboBox<ru.civic.platform.tenancy.TenantConfiguration.District> district =
                new com.vaadin.flow.component.combobox.ComboBox<>(getTranslation("portal.cabinet.district"));
        district.addClassName("civic-profile-district");
        var districts = tenant.districts();
        district.setItems(districts);
        district.setItemLabelGenerator(ru.civic.platform.tenancy.TenantConfiguration.District::name);
        district.setClearButtonVisible(true);
        district.setHelperText(getTranslation("portal.cabinet.district.helper"));
        districts.stream().filter(d -> d.id().equals(account.getDistrictId())).findFirst().ifPresent(district::setValue);
        district.setVisible(!districts.isEmpty());
        Span saved = new Span();
        saved.addClassName("civic-profile-saved");
        saved.getElement().setAttribute("role", "status");
        Button save = new Button(getTranslation("portal.cabinet.save"), e -> {
            name.setInvalid(false);
            email.setInvalid(false);
            saved.setText("");
            district.setInvalid(false);
            var problems = new java.util.ArrayList<>(accounts.updateProfile(me.accountId(), name.getValue(),
                    email.getValue()));
            if (problems.isEmpty() && district.isVisible()) {
                problems.addAll(accounts.updateDistrict(me.accountId(),
                        district.getValue() == null ? null : district.getValue().id()));
            }
            for (var p : problems) {
                com.vaadin.flow.component.HasValidation field = switch (p.field()) {
                    case "email" -> email;
                    case "district" -> district;
                    default -> name;
                };
                field.setErrorMessage(getTranslation(p.code(), p.args().toArray()));
                field.setInvalid(true);
            }
            if (problems.isEmpty()) {
                saved.setText(getTranslation("portal.cabinet.saved"));
            }
        });
        save.addClassName("civic-profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(login, name, email, district, save, saved);
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("max-width", "420px");
        content.add(form);
    }

    // For the browserless tests of this package.
    Tabs tabs() { return tabs; }
    Tab notificationsTab() { return notificationsTab; }
    Tab profileTab() { return profileTab; }
    Tab pointsTab() { return pointsTab; }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.cabinet.title");
    }
}
