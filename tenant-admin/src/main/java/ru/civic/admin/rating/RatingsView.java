package ru.civic.admin.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.rating.Ratings;
import ru.civic.platform.rating.Ratings.Board;
import ru.civic.platform.rating.Ratings.Score;
import ru.civic.platform.rating.Ratings.Standing;
import ru.civic.platform.rating.Ratings.UserStanding;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Internal ratings (Tomsk 1.1) for a period: residents by points earned; executors and organisations by the share
 * of answers given in time and the share rated positively. A share from fewer answers than the tenant's minimum
 * sample says "not enough data" and takes no place.
 */
@Route(value = "admin/ratings", layout = AdminLayout.class)
@Menu(title = "admin.menu.ratings", order = 75)
@RolesAllowed({Permissions.OPERATOR, Permissions.CURATOR, Permissions.ANALYST})
class RatingsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** The period shown first: the last 90 days, today included. */
    static final int DEFAULT_DAYS = 90;

    private final Ratings ratings;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Button show = new Button();
    private final Paragraph summary = new Paragraph();
    private final Grid<UserStanding> users = new Grid<>();
    private final Paragraph usersNote = new Paragraph();
    private final Grid<Standing> executors = new Grid<>();
    private final Grid<Standing> organisations = new Grid<>();

    RatingsView(Ratings ratings, TenantRegistry tenants, Clock clock) {
        this.ratings = ratings;
        addClassName("civic-ratings");
        LocalDate today = LocalDate.now(clock.withZone(tenants.currentConfiguration().zoneId()));
        from.setLabel(getTranslation("admin.ratings.from"));
        from.setValue(today.minusDays(DEFAULT_DAYS - 1));
        from.addClassName("civic-ratings-from");
        to.setLabel(getTranslation("admin.ratings.to"));
        to.setValue(today);
        to.addClassName("civic-ratings-to");
        show.setText(getTranslation("admin.ratings.show"));
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClassName("civic-ratings-show");
        show.addClickListener(e -> load());
        FlexLayout period = new FlexLayout(from, to, show);
        period.setAlignItems(FlexLayout.Alignment.BASELINE);
        period.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");

        users.addColumn(UserStanding::place).setHeader(getTranslation("admin.ratings.place")).setAutoWidth(true)
                .setFlexGrow(0);
        users.addColumn(UserStanding::name).setHeader(getTranslation("admin.ratings.resident")).setFlexGrow(1);
        users.addColumn(UserStanding::points).setHeader(getTranslation("admin.ratings.points")).setAutoWidth(true)
                .setFlexGrow(0);
        users.setAllRowsVisible(true);
        users.addClassName("civic-ratings-users");
        configure(executors, "admin.ratings.executor");
        executors.addClassName("civic-ratings-executors");
        configure(organisations, "admin.ratings.organisation");
        organisations.addClassName("civic-ratings-organisations");
        summary.addClassName("civic-ratings-summary");

        add(new H1(getTranslation("admin.ratings.title")), period, summary,
                new H2(getTranslation("admin.ratings.users")), usersNote, users,
                new H2(getTranslation("admin.ratings.executors")), executors,
                new H2(getTranslation("admin.ratings.organisations")), organisations);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void configure(Grid<Standing> grid, String nameKey) {
        grid.addColumn(Standing::name).setHeader(getTranslation(nameKey)).setFlexGrow(1);
        grid.addColumn(s -> place(s.compliance())).setHeader(getTranslation("admin.ratings.compliancePlace"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> share(s.compliance())).setHeader(getTranslation("admin.ratings.compliance"))
                .setAutoWidth(true);
        grid.addColumn(s -> place(s.rating())).setHeader(getTranslation("admin.ratings.ratingPlace"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> share(s.rating())).setHeader(getTranslation("admin.ratings.rating")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    private void load() {
        from.setInvalid(false);
        to.setInvalid(false);
        // The dates stay as typed whatever is wrong with them.
        if (from.getValue() == null) {
            fail(from, "admin.ratings.dateRequired");
            return;
        }
        if (to.getValue() == null) {
            fail(to, "admin.ratings.dateRequired");
            return;
        }
        if (to.getValue().isBefore(from.getValue())) {
            fail(to, "admin.ratings.toBeforeFrom");
            return;
        }
        if (from.getValue().plusDays(Ratings.MAX_DAYS).isBefore(to.getValue())) {
            fail(to, "admin.ratings.tooLong");
            return;
        }
        Board board = ratings.board(from.getValue(), to.getValue());
        summary.setText(getTranslation("admin.ratings.minSample", board.minSample()));
        users.setItems(board.users());
        users.setVisible(board.pointsEnabled());
        usersNote.setText(!board.pointsEnabled() ? getTranslation("admin.ratings.pointsOff")
                : board.users().isEmpty() ? getTranslation("admin.ratings.noUsers") : "");
        usersNote.setVisible(!usersNote.getText().isEmpty());
        executors.setItems(board.executors());
        organisations.setItems(board.organisations());
    }

    private void fail(DatePicker field, String key) {
        field.setErrorMessage(getTranslation(key, Ratings.MAX_DAYS));
        field.setInvalid(true);
    }

    private String place(Score score) {
        return score.sample() == 0 ? "—" : score.ranked() ? String.valueOf(score.place())
                : getTranslation("admin.ratings.notEnough");
    }

    /** "92 % (46 of 50)"; a dash where nothing was answered or rated in the period. */
    private String share(Score score) {
        if (score.sample() == 0) {
            return "—";
        }
        long percent = Math.round(score.share() * 100);
        return getTranslation("admin.ratings.share", String.format(Locale.ROOT, "%d", percent), score.hits(),
                score.sample());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.ratings.title");
    }

    // For the browserless tests of this package.
    DatePicker from() { return from; }
    DatePicker to() { return to; }
    Button show() { return show; }
    Grid<UserStanding> users() { return users; }
    Grid<Standing> executors() { return executors; }
    Grid<Standing> organisations() { return organisations; }
    String placeText(Score score) { return place(score); }
}
