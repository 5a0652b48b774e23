package ru.civic.admin.queue;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;

import ru.civic.admin.card.ActionDialog;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Attachments;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.workflow.ActionDeniedException;
import ru.civic.platform.workflow.AvailableAction;
import ru.civic.platform.workflow.BulkActions;

/**
 * Bulk moderation: with several rows selected, the actions every one of them allows this person now, one dialog for
 * the fields, then each message acted on in its own transaction. When the input itself is wrong (the same problem
 * for every message) the dialog stays open with the problem at its field; otherwise the outcome per message is
 * listed: what went through and why the others did not.
 */
class BulkBar extends Div {

    private final BulkActions bulk;
    private final TenantConfiguration tenant;
    private final AccountService accounts;
    private final Attachments attachments;
    private final Runnable afterwards;
    private final Span selected = new Span();
    private final Select<AvailableAction> action = new Select<>();
    private final Button apply = new Button();
    private final Div outcome = new Div();
    private List<String> numbers = List.of();
    private Actor actor;

    BulkBar(BulkActions bulk, TenantConfiguration tenant, AccountService accounts, Attachments attachments,
            Runnable afterwards) {
        this.bulk = bulk;
        this.tenant = tenant;
        this.accounts = accounts;
        this.attachments = attachments;
        this.afterwards = afterwards;
        addClassName("civic-bulk");
        action.setLabel(getTranslation("admin.bulk.action"));
        action.setItemLabelGenerator(AvailableAction::name);
        action.setEmptySelectionAllowed(false);
        apply.setText(getTranslation("admin.bulk.apply"));
        apply.addClassName("civic-bulk-apply");
        apply.addClickListener(e -> openDialog());
        apply.setEnabled(false);
        action.addValueChangeListener(e -> apply.setEnabled(e.getValue() != null));
        outcome.addClassName("civic-bulk-outcome");
        outcome.getElement().setAttribute("role", "status");
        Div controls = new Div(selected, action, apply);
        controls.addClassName("civic-bulk-controls");
        add(controls, outcome);
        setVisible(false);
    }

    void select(Actor actor, List<String> chosen) {
        this.actor = actor;
        this.numbers = List.copyOf(chosen);
        if (numbers.size() < 2 || actor == null) {
            setVisible(!outcome.getChildren().toList().isEmpty());
            action.setItems(List.of());
            return;
        }
        setVisible(true);
        if (numbers.size() > BulkActions.MAX_MESSAGES) {
            selected.setText(getTranslation("admin.bulk.tooMany", numbers.size(), BulkActions.MAX_MESSAGES));
            action.setItems(List.of());
            action.setVisible(false);
            apply.setVisible(false);
            return;
        }
        List<AvailableAction> common = bulk.commonActions(numbers, actor);
        selected.setText(getTranslation("admin.bulk.selected", numbers.size()));
        action.setItems(common);
        action.setVisible(!common.isEmpty());
        apply.setVisible(!common.isEmpty());
        if (common.isEmpty()) {
            selected.setText(getTranslation("admin.bulk.noCommonAction", numbers.size()));
        }
    }

    private void openDialog() {
        AvailableAction chosen = action.getValue();
        if (chosen == null) {
            return;
        }
        List<String> targets = numbers;
        new ActionDialog(chosen, null, tenant, accounts, attachments, input -> {
            List<BulkActions.Result> results = bulk.actOnEach(targets, chosen.id(), input, actor);
            refuseIfTheInputItselfIsWrong(results);
            show(chosen, results);
        }, afterwards).open();
    }

    /** The same field problems for every message: the input is wrong, so the dialog shows them at the fields. */
    private static void refuseIfTheInputItselfIsWrong(List<BulkActions.Result> results) {
        if (results.isEmpty() || results.stream().anyMatch(BulkActions.Result::done)) {
            return;
        }
        List<FieldProblem> first = results.getFirst().problems();
        if (!first.isEmpty() && results.stream().allMatch(r -> r.problems().equals(first))) {
            throw new InvalidInputException(first);
        }
        if (results.stream().allMatch(r -> r.refusal() != null)) {
            throw new ActionDeniedException(ActionDeniedException.Why.NOT_AVAILABLE,
                    results.stream().map(r -> r.number() + ": " + r.refusal()).collect(Collectors.joining("; ")));
        }
    }

    private void show(AvailableAction chosen, List<BulkActions.Result> results) {
        outcome.removeAll();
        long done = results.stream().filter(BulkActions.Result::done).count();
        outcome.add(new Span(getTranslation("admin.bulk.outcome", chosen.name(), done, results.size() - done)));
        UnorderedList failures = new UnorderedList();
        failures.addClassName("civic-bulk-failures");
        results.stream().filter(r -> !r.done()).forEach(r -> failures.add(new ListItem(r.number() + ": "
                + (r.refusal() != null ? r.refusal()
                        : r.problems().stream().map(p -> getTranslation(p.code(), p.args().toArray()))
                                .collect(Collectors.joining(" "))))));
        if (failures.getChildren().findAny().isPresent()) {
            outcome.add(failures);
        }
        setVisible(true);
    }

    // For the browserless tests of this package.
    Select<AvailableAction> action() { return action; }
    Button apply() { return apply; }
    Div outcome() { return outcome; }
}
