package ru.civic.portal.cabinet;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import ru.civic.platform.points.EntryKind;
import ru.civic.platform.points.PointsEntry;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.points.PointsStandings;

/**
 * The resident's points: the balance, which is the sum of the entries shown beneath it, newest first — what each
 * was for in words, the amount with its sign, and for annulments and corrections the reason they were given.
 */
class PointsPanel extends Div {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** The period of the resident's own place: the last 30 days, like a month's standings. */
    static final int PLACE_DAYS = 30;

    PointsPanel(PointsLedger ledger, PointsStandings standings, UUID accountId, ZoneId zone, Instant now) {
        addClassName("civic-points");
        Paragraph balance = new Paragraph(getTranslation("portal.points.balance", ledger.balance(accountId)));
        balance.addClassName("civic-points-balance");
        balance.getStyle().set("font-weight", "600");
        add(balance);
        standings.placeOf(accountId, now.minus(Duration.ofDays(PLACE_DAYS)), now).ifPresent(place -> {
            Paragraph standing = new Paragraph(getTranslation("portal.points.place", PLACE_DAYS,
                    String.valueOf(place.points()), String.valueOf(place.place()), String.valueOf(place.of())));
            standing.addClassName("civic-points-place");
            add(standing);
        });
        List<PointsEntry> history = ledger.history(accountId);
        if (history.isEmpty()) {
            add(new Paragraph(getTranslation("portal.points.empty")));
            return;
        }
        Grid<PointsEntry> grid = new Grid<>();
        grid.addClassName("civic-points-history");
        grid.addColumn(e -> MOMENT.format(e.createdAt().atZone(zone)))
                .setHeader(getTranslation("portal.points.date")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::what).setHeader(getTranslation("portal.points.what")).setFlexGrow(1);
        grid.addColumn(e -> signed(e.amount())).setHeader(getTranslation("portal.points.amount"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(history);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    /** What the entry is for, in the reader's language; the reason where one was given. */
    String what(PointsEntry entry) {
        String what = entry.kind() == EntryKind.AWARD && entry.action() != null
                ? getTranslation("portal.points.action." + entry.action().name())
                : getTranslation("portal.points.kind." + entry.kind().name());
        return entry.reason() == null || entry.reason().isBlank() ? what
                : what + " — " + getTranslation("portal.points.reason", entry.reason());
    }

    static String signed(int amount) {
        return amount > 0 ? "+" + amount : "−" + Math.abs(amount);
    }
}
