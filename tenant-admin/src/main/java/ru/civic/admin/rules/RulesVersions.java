package ru.civic.admin.rules;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ru.civic.platform.tenancy.TenantRules;
import ru.civic.platform.tenancy.TenantRules.Change;
import ru.civic.platform.tenancy.TenantRules.DiffLine;
import ru.civic.platform.tenancy.TenantRules.Revision;

/**
 * The versions tab: every saved version with who, when, from where and why; a diff between any two; rolling back to
 * one (after a confirmation) saves it again as the newest version.
 */
final class RulesVersions extends VerticalLayout {

    /** Lines of unchanged context kept around each change; the rest is folded into "…". */
    private static final int CONTEXT = 2;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final TenantRules rules;
    private final ZoneId zone;
    private final BiFunction<String, Object[], String> text;
    private final LongConsumer rollBack;
    private final Grid<Revision> grid = new Grid<>();
    private final ComboBox<Long> from = new ComboBox<>();
    private final ComboBox<Long> to = new ComboBox<>();
    private final Div diff = new Div();
    private long current;

    RulesVersions(TenantRules rules, ZoneId zone, BiFunction<String, Object[], String> text, LongConsumer rollBack) {
        this.rules = rules;
        this.zone = zone;
        this.text = text;
        this.rollBack = rollBack;
        addClassName("civic-rules-versions");
        grid.addColumn(Revision::version).setHeader(t("versions.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> WHEN.format(r.changedAt().atZone(zone))).setHeader(t("versions.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Revision::changedBy).setHeader(t("versions.who")).setAutoWidth(true);
        grid.addColumn(this::source).setHeader(t("versions.source")).setAutoWidth(true);
        grid.addColumn(r -> r.comment() == null ? "" : r.comment()).setHeader(t("versions.comment")).setFlexGrow(1);
        grid.addComponentColumn(r -> {
            Button back = new Button(t("versions.rollBack"), e -> confirm(r.version()));
            back.addClassName("civic-rules-rollback");
            back.setEnabled(r.version() != current);
            return back;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);

        from.setLabel(t("versions.from"));
        to.setLabel(t("versions.to"));
        from.addClassName("civic-rules-diff-from");
        to.addClassName("civic-rules-diff-to");
        Button compare = new Button(t("versions.compare"), e -> compare());
        compare.addClassName("civic-rules-compare");
        FlexLayout pick = new FlexLayout(from, to, compare);
        pick.setAlignItems(Alignment.BASELINE);
        pick.getStyle().set("gap", "var(--lumo-space-s)");
        diff.addClassName("civic-rules-diff");
        add(grid, new H3(t("versions.diff")), pick, diff);
    }

    private String t(String key, Object... args) {
        return text.apply("admin.rules." + key, args);
    }

    Grid<Revision> grid() {
        return grid;
    }

    ComboBox<Long> from() {
        return from;
    }

    ComboBox<Long> to() {
        return to;
    }

    Div diff() {
        return diff;
    }

    void refresh(long currentVersion) {
        this.current = currentVersion;
        List<Revision> revisions = rules.revisions();
        grid.setItems(revisions);
        List<Long> versions = revisions.stream().map(Revision::version).toList();
        from.setItems(versions);
        to.setItems(versions);
        if (versions.size() >= 2) {
            from.setValue(versions.get(1));
            to.setValue(versions.get(0));
        }
        diff.removeAll();
    }

    private String source(Revision r) {
        String source = r.source();
        if (source.startsWith("rollback:")) {
            return t("source.rollback", source.substring("rollback:".length()));
        }
        if (source.startsWith("file:")) {
            return t("source.file", source.substring("file:".length()));
        }
        return switch (source) {
            case "editor", "yaml", "import", "api", "status" -> t("source." + source);
            default -> source;
        };
    }

    private void confirm(long version) {
        ConfirmDialog dialog = new ConfirmDialog(t("versions.confirm.title", version),
                t("versions.confirm.text", version, current), t("versions.rollBack"), e -> rollBack.accept(version));
        dialog.setCancelable(true);
        dialog.setCancelText(t("cancel"));
        dialog.addClassName("civic-rules-confirm");
        dialog.open();
    }

    void compare() {
        diff.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        List<DiffLine> lines = rules.diff(from.getValue(), to.getValue());
        if (lines.stream().allMatch(l -> l.change() == Change.SAME)) {
            diff.add(new Div(t("versions.noChanges")));
            return;
        }
        diff.add(render(lines));
    }

    /** Changed lines with a little context; long unchanged stretches become one "…". */
    static Pre render(List<DiffLine> lines) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (int j = Math.max(0, i - CONTEXT); j <= Math.min(lines.size() - 1, i + CONTEXT); j++) {
                if (lines.get(j).change() != Change.SAME) {
                    shown.add(i);
                    break;
                }
            }
        }
        Pre pre = new Pre();
        pre.addClassName("civic-rules-diff-lines");
        int previous = -1;
        for (int i : shown) {
            if (previous >= 0 && i > previous + 1) {
                pre.add(new Div("…"));
            }
            DiffLine line = lines.get(i);
            Div row = new Div(switch (line.change()) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case SAME -> "  ";
            } + line.text());
            row.addClassName("civic-diff-" + line.change().name().toLowerCase());
            pre.add(row);
            previous = i;
        }
        return pre;
    }
}
