package ru.civic.admin.staff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.account.Account;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.CitizenBlocking;

/**
 * Blocking a citizen with a reason (Gubkinsky 3.9): find them by name or e-mail, block with a reason that must be
 * given; the blocked ones with their reason and when, in the tenant's time. A blocked citizen still signs in and
 * reads, but submits nothing. Only an operator lifts a block, and what it annulled is not restored.
 */
@Route(value = "admin/citizens", layout = AdminLayout.class)
@Menu(title = "admin.menu.citizens", order = 65)
@RolesAllowed({Permissions.MODERATOR, Permissions.OPERATOR})
class CitizensView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final CitizenBlocking blocking;
    private final AuthenticationContext authentication;
    private final ZoneId zone;

    private final TextField search = new TextField();
    private final Button find = new Button();
    private final Grid<Account> found = new Grid<>();
    private final Span chosen = new Span();
    private final TextArea reason = new TextArea();
    private final Button block = new Button();
    private final Grid<Account> blocked = new Grid<>();
    private final Span done = new Span();
    private Account selected;

    CitizensView(CitizenBlocking blocking, AuthenticationContext authentication, TenantRegistry tenants) {
        this.blocking = blocking;
        this.authentication = authentication;
        this.zone = tenants.currentConfiguration().zoneId();
        addClassName("civic-citizens");

        search.setLabel(getTranslation("admin.citizens.search"));
        search.setPlaceholder(getTranslation("admin.citizens.search.placeholder"));
        search.setClearButtonVisible(true);
        find.setText(getTranslation("admin.citizens.find"));
        find.addClickListener(e -> find());
        find.addClassName("civic-citizens-find");
        search.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> find());
        FlexLayout top = new FlexLayout(search, find);
        top.setAlignItems(FlexLayout.Alignment.BASELINE);
        top.getStyle().set("gap", "var(--lumo-space-s)");

        found.addColumn(Account::getDisplayName).setHeader(getTranslation("admin.citizens.name")).setFlexGrow(1);
        found.addColumn(a -> a.getEmail() == null ? "" : a.getEmail())
                .setHeader(getTranslation("admin.citizens.email")).setFlexGrow(1);
        found.addColumn(a -> a.isBlocked() ? getTranslation("admin.citizens.isBlocked") : "")
                .setHeader(getTranslation("admin.citizens.state")).setAutoWidth(true);
        found.setHeight("30vh");
        found.addClassName("civic-citizens-found");
        found.asSingleSelect().addValueChangeListener(e -> choose(e.getValue()));

        reason.setLabel(getTranslation("admin.citizens.reason"));
        reason.setWidthFull();
        reason.setMaxLength(2000);
        block.setText(getTranslation("admin.citizens.block"));
        block.addThemeVariants(ButtonVariant.LUMO_ERROR);
        block.addClassName("civic-citizens-block");
        block.addClickListener(e -> blockChosen());
        done.addClassName("civic-citizens-done");
        done.setVisible(false);
        choose(null);

        blocked.addColumn(Account::getDisplayName).setHeader(getTranslation("admin.citizens.name")).setFlexGrow(1);
        blocked.addColumn(a -> a.getEmail() == null ? "" : a.getEmail())
                .setHeader(getTranslation("admin.citizens.email")).setAutoWidth(true);
        blocked.addColumn(Account::getBlockedReason).setHeader(getTranslation("admin.citizens.reason"))
                .setFlexGrow(2);
        blocked.addColumn(a -> WHEN.format(a.getBlockedAt().atZone(zone)))
                .setHeader(getTranslation("admin.citizens.blockedAt")).setAutoWidth(true);
        blocked.addComponentColumn(a -> {
            Button unblock = new Button(getTranslation("admin.citizens.unblock"), e -> unblock(a));
            unblock.addClassName("civic-citizens-unblock");
            unblock.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return unblock;
        }).setAutoWidth(true).setVisible(authentication.hasRole(Permissions.OPERATOR));
        blocked.setHeight("30vh");
        blocked.addClassName("civic-citizens-blocked");

        add(new H1(getTranslation("admin.citizens.title")), new Paragraph(getTranslation("admin.citizens.rule")),
                top, found, chosen, reason, block, done, new H2(getTranslation("admin.citizens.blockedTitle")),
                blocked);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        blocked.setItems(blocking.blocked());
    }

    private void find() {
        String text = search.getValue() == null ? "" : search.getValue().strip();
        found.setItems(text.isEmpty() ? java.util.List.of() : blocking.search(text));
    }

    private void choose(Account citizen) {
        selected = citizen;
        reason.setInvalid(false);
        boolean blockable = citizen != null && !citizen.isBlocked();
        chosen.setText(citizen == null ? getTranslation("admin.citizens.chooseFirst")
                : citizen.isBlocked() ? getTranslation("admin.citizens.alreadyBlocked", citizen.getDisplayName(),
                        citizen.getBlockedReason())
                : getTranslation("admin.citizens.chosen", citizen.getDisplayName()));
        reason.setEnabled(blockable);
        block.setEnabled(blockable);
    }

    private void blockChosen() {
        if (selected == null) {
            return;
        }
        reason.setInvalid(false);
        done.setVisible(false);
        try {
            blocking.block(selected.getId(), reason.getValue());
        } catch (InvalidInputException e) {
            reason.setErrorMessage(String.join(" ", e.problems().stream()
                    .map((FieldProblem p) -> getTranslation(p.code(), p.args().toArray())).toList()));
            reason.setInvalid(true);
            return;
        }
        done.setText(getTranslation("admin.citizens.blockedDone", selected.getDisplayName()));
        done.setVisible(true);
        reason.clear();
        find();
        blocked.setItems(blocking.blocked());
        choose(null);
    }

    private void unblock(Account citizen) {
        blocking.unblock(citizen.getId());
        done.setText(getTranslation("admin.citizens.unblockedDone", citizen.getDisplayName()));
        done.setVisible(true);
        blocked.setItems(blocking.blocked());
        find();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.citizens.title");
    }

    // For the browserless tests of this package.
    TextField search() { return search; }
    Grid<Account> found() { return found; }
    TextArea reason() { return reason; }
    Button block() { return block; }
    Grid<Account> blocked() { return blocked; }
    Button findButton() { return find; }
}
