package ru.civic.admin.card;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import ru.civic.admin.shell.UploadTexts;
import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Attachments;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.Message;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.ActionField;
import ru.civic.platform.workflow.ActionDeniedException;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.AvailableAction;
import ru.civic.platform.workflow.WorkflowService;

/**
 * Asks for exactly the inputs one workflow action takes (required ones marked), sends them to the workflow and shows
 * what it refused next to the field concerned. Nothing typed is lost when the workflow refuses; on success the dialog
 * closes and the card is built again.
 */
public class ActionDialog extends Dialog {

    /** Carries out the action with the collected input: on one message, or on several (bulk moderation). */
    @FunctionalInterface
    public interface Submitter {
        /** Throws {@link InvalidInputException} (shown at the fields) or {@link ActionDeniedException}. */
        void submit(ActionInput input);
    }

    private final AvailableAction action;
    private final Submitter submitter;
    private final Runnable onDone;

    private final Map<ActionField, Component> inputs = new EnumMap<>(ActionField.class);
    /** Where a problem of an input (named as the workflow names it) is shown. */
    private final Map<String, Consumer<String>> errorTargets = new HashMap<>();
    private final List<Runnable> clearErrors = new ArrayList<>();
    private final Span dialogError = new Span();
    private final List<String> uploaded = new ArrayList<>();

    ActionDialog(AvailableAction action, String number, String categoryId, Actor actor, TenantConfiguration tenant,
            WorkflowService workflow, AccountService accounts, Attachments attachments, Runnable onDone) {
        this(action, categoryId, tenant, accounts, attachments, input -> workflow.act(number, action.id(), input, actor),
                onDone);
    }

    /**
     * A dialog asking for the action's fields and handing them to {@code submitter}; {@code categoryId} chooses the
     * answer templates offered (null: those for every category).
     */
    public ActionDialog(AvailableAction action, String categoryId, TenantConfiguration tenant, AccountService accounts,
            Attachments attachments, Submitter submitter, Runnable onDone) {
        this.action = action;
        this.submitter = submitter;
        this.onDone = onDone;
        addClassName("civic-action-dialog");
        setHeaderTitle(action.name());

        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        Set<ActionField> fields = new LinkedHashSet<>(action.requires());
        fields.addAll(action.optional());
        // Organisation first, so that staff pickers can be narrowed to the chosen organisation.
        List<ActionField> ordered = fields.stream().sorted(Comparator.naturalOrder()).toList();
        ComboBox<TenantConfiguration.Organisation> organisation = null;
        for (ActionField field : ordered) {
            Component input = input(field, tenant, accounts, attachments, organisation);
            if (field == ActionField.ORGANISATION) {
                @SuppressWarnings("unchecked")
                ComboBox<TenantConfiguration.Organisation> o = (ComboBox<TenantConfiguration.Organisation>) input;
                organisation = o;
            }
            if (action.requires().contains(field) && input instanceof com.vaadin.flow.component.HasValue<?, ?> v) {
                v.setRequiredIndicatorVisible(true);
            }
            input.getElement().setAttribute("data-field", WorkflowService.fieldName(field));
            inputs.put(field, input);
            if (field == ActionField.ANSWER && input instanceof TextArea answer) {
                templatePicker(tenant.answerTemplatesFor(categoryId), answer).ifPresent(form::add);
            }
            form.add(input);
        }
        dialogError.addClassName("civic-action-error");
        dialogError.getStyle().set("color", "var(--lumo-error-text-color)");
        dialogError.setVisible(false);
        form.add(dialogError);
        add(form);

        Button submit = new Button(action.name(), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("civic-action-submit");
        Button cancel = new Button(getTranslation("admin.action.cancel"), e -> close());
        cancel.addClassName("civic-action-cancel");
        getFooter().add(cancel, submit);
    }

    private Component input(ActionField field, TenantConfiguration tenant, AccountService accounts,
            Attachments attachments, ComboBox<TenantConfiguration.Organisation> organisation) {
        String label = getTranslation("admin.action.field." + field.name());
        return switch (field) {
            case REASON -> {
                Select<TenantConfiguration.RefusalReason> select = new Select<>();
                select.setLabel(label);
                select.setItems(tenant.refusalReasons());
                select.setItemLabelGenerator(TenantConfiguration.RefusalReason::title);
                yield validated(field, select);
            }
            case COMMENT, ANSWER, TEXT, REMARKS -> validated(field, textArea(label));
            case CATEGORY -> {
                ComboBox<TenantConfiguration.Category> combo = new ComboBox<>(label);
                combo.setItems(tenant.allCategories());
                combo.setItemLabelGenerator(c -> tenant.categoryTitle(c.id()));
                combo.setWidthFull();
                yield validated(field, combo);
            }
            case ORGANISATION -> {
                ComboBox<TenantConfiguration.Organisation> combo = new ComboBox<>(label);
                combo.setItems(tenant.organisations());
                combo.setItemLabelGenerator(TenantConfiguration.Organisation::name);
                combo.setWidthFull();
                yield validated(field, combo);
            }
            case EXECUTOR, HEAD -> {
                ComboBox<Account> combo = new ComboBox<>(label);
                Set<Role> roles = Set.of(field == ActionField.EXECUTOR ? Role.EXECUTOR : Role.HEAD);
                combo.setItemLabelGenerator(ActionDialog::staffLabel);
                combo.setItems(accounts.staff(roles, null));
                if (organisation != null) {
                    organisation.addValueChangeListener(e -> {
                        UUID chosen = combo.getValue() == null ? null : combo.getValue().getId();
                        List<Account> staff = accounts.staff(roles, e.getValue() == null ? null : e.getValue().id());
                        combo.setItems(staff);
                        staff.stream().filter(a -> a.getId().equals(chosen)).findFirst().ifPresent(combo::setValue);
                    });
                }
                combo.setWidthFull();
                yield validated(field, combo);
            }
            case AGREEING -> {
                MultiSelectComboBox<Account> combo = new MultiSelectComboBox<>(label);
                combo.setItems(accounts.staff(Role.STAFF, null));
                combo.setItemLabelGenerator(ActionDialog::staffLabel);
                combo.setWidthFull();
                yield validated(field, combo);
            }
            case DUPLICATE_OF -> {
                TextField earlier = new TextField(label);
                earlier.setHelperText(getTranslation("admin.action.field.DUPLICATE_OF.help"));
                earlier.setWidthFull();
                yield validated(field, earlier);
            }
            case EXECUTOR_POSITION -> {
                TextField text = new TextField(label);
                text.setWidthFull();
                yield validated(field, text);
            }
            case RESULT -> {
                Select<Message.Result> select = new Select<>();
                select.setLabel(label);
                select.setItems(Message.Result.values());
                select.setItemLabelGenerator(r -> getTranslation("admin.card.result." + r.name()));
                yield validated(field, select);
            }
            case POSTPONE_UNTIL -> validated(field, new DatePicker(label));
            case PUBLICITY -> {
                Checkbox box = new Checkbox(label);
                Span error = errorSpan();
                errorTargets.put(WorkflowService.fieldName(field), show(error));
                clearErrors.add(() -> error.setVisible(false));
                Div wrapper = new Div(box, error);
                yield wrapper;
            }
            case RATING -> {
                Select<TenantConfiguration.AnswerRatingOption> select = new Select<>();
                select.setLabel(label);
                select.setItems(tenant.answerRatings());
                select.setItemLabelGenerator(TenantConfiguration.AnswerRatingOption::title);
                yield validated(field, select);
            }
            case ATTACHMENTS -> {
                Span error = errorSpan();
                Div files = new Div();
                files.addClassName("civic-action-files");
                Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
                    try {
                        String key = attachments.store(metadata.fileName(), data).key();
                        uploaded.add(key);
                        files.add(new Div(metadata.fileName()));
                        error.setVisible(false);
                    } catch (InvalidInputException e) {
                        show(error).accept(e.problems().stream().map(this::text).reduce((a, b) -> a + " " + b)
                                .orElse(""));
                    }
                }));
                upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/tiff", "application/pdf",
                        ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf");
                upload.setMaxFileSize((int) Attachments.MAX_BYTES);
                upload.setI18n(UploadTexts.of(this::getTranslation));
                errorTargets.put(WorkflowService.fieldName(field), show(error));
                clearErrors.add(() -> error.setVisible(false));
                Div wrapper = new Div(new Span(label), upload, files, error);
                yield wrapper;
            }
        };
    }

    /**
     * The tenant's ready answers for this category: choosing one puts its text into the answer field, where the
     * official adapts it. Text already typed is replaced only when it is empty or itself an untouched template.
     */
    private java.util.Optional<ComboBox<TenantConfiguration.AnswerTemplate>> templatePicker(
            List<TenantConfiguration.AnswerTemplate> templates, TextArea answer) {
        if (templates.isEmpty()) {
            return java.util.Optional.empty();
        }
        ComboBox<TenantConfiguration.AnswerTemplate> picker = new ComboBox<>(getTranslation("admin.action.template"));
        picker.addClassName("civic-answer-template");
        picker.setItems(templates);
        picker.setItemLabelGenerator(TenantConfiguration.AnswerTemplate::title);
        picker.setClearButtonVisible(true);
        picker.setWidthFull();
        picker.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            String typed = answer.getValue();
            boolean untouched = typed.isBlank() || (e.getOldValue() != null && typed.equals(e.getOldValue().text()))
                    || templates.stream().anyMatch(t -> t.text().equals(typed));
            if (untouched) {
                answer.setValue(e.getValue().text());
            } else {
                answer.setValue(typed + "\n\n" + e.getValue().text());
            }
        });
        return java.util.Optional.of(picker);
    }

    private static String staffLabel(Account account) {
        return account.getOrganisation() == null ? account.getDisplayName()
                : account.getDisplayName() + " (" + account.getOrganisation() + ")";
    }

    private TextArea textArea(String label) {
        TextArea area = new TextArea(label);
        area.setWidthFull();
        area.setMinHeight("6em");
        return area;
    }

    private <C extends Component & HasValidation> C validated(ActionField field, C component) {
        errorTargets.put(WorkflowService.fieldName(field), message -> {
            component.setErrorMessage(message);
            component.setInvalid(true);
        });
        clearErrors.add(() -> component.setInvalid(false));
        return component;
    }

    private static Span errorSpan() {
        Span error = new Span();
        error.addClassName("civic-action-field-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        return error;
    }

    private static Consumer<String> show(Span error) {
        return message -> {
            error.setText(message);
            error.setVisible(true);
        };
    }

    /** Fills a text input in advance (the card's "merge with this one" names the earlier message). */
    public ActionDialog prefill(ActionField field, String value) {
        if (inputs.get(field) instanceof TextField text) {
            text.setValue(value);
        }
        return this;
    }

    /** The input component asking for this field (tests and the card use it). */
    public Component input(ActionField field) {
        return inputs.get(field);
    }

    public void submit() {
        clearErrors.forEach(Runnable::run);
        dialogError.setVisible(false);
        try {
            submitter.submit(collect());
        } catch (InvalidInputException e) {
            List<String> unplaced = new ArrayList<>();
            Map<String, List<String>> byField = new HashMap<>();
            for (FieldProblem problem : e.problems()) {
                String field = problem.field() == null ? "" : problem.field().replaceFirst("\\[.*$", "");
                if (errorTargets.containsKey(field)) {
                    byField.computeIfAbsent(field, f -> new ArrayList<>()).add(text(problem));
                } else {
                    unplaced.add(text(problem));
                }
            }
            byField.forEach((field, texts) -> errorTargets.get(field).accept(String.join(" ", texts)));
            if (!unplaced.isEmpty()) {
                showDialogError(String.join(" ", unplaced));
            }
            return;
        } catch (ActionDeniedException e) {
            showDialogError(getTranslation("admin.action.denied", e.getMessage()));
            return;
        }
        close();
        onDone.run();
    }

    private void showDialogError(String text) {
        dialogError.setText(text);
        dialogError.setVisible(true);
    }

    private String text(FieldProblem problem) {
        return getTranslation(problem.code(), problem.args().toArray());
    }

    @SuppressWarnings("unchecked")
    private <T> T value(ActionField field) {
        Component c = inputs.get(field);
        if (c == null) {
            return null;
        }
        if (c instanceof Div wrapper && field == ActionField.PUBLICITY) {
            return (T) wrapper.getChildren().filter(Checkbox.class::isInstance).map(Checkbox.class::cast)
                    .findFirst().map(Checkbox::getValue).orElse(null);
        }
        Object v = ((com.vaadin.flow.component.HasValue<?, ?>) c).getValue();
        if (v instanceof String s && s.isBlank()) {
            return null;
        }
        return (T) v;
    }

    private ActionInput collect() {
        TenantConfiguration.RefusalReason reason = value(ActionField.REASON);
        TenantConfiguration.Category category = value(ActionField.CATEGORY);
        TenantConfiguration.Organisation organisation = value(ActionField.ORGANISATION);
        Account executor = value(ActionField.EXECUTOR);
        Account head = value(ActionField.HEAD);
        Set<Account> agreeing = value(ActionField.AGREEING);
        TenantConfiguration.AnswerRatingOption rating = value(ActionField.RATING);
        return ActionInput.builder()
                .reason(reason == null ? null : reason.code())
                .comment(value(ActionField.COMMENT))
                .category(category == null ? null : category.id())
                .organisation(organisation == null ? null : organisation.id())
                .executor(executor == null ? null : executor.getId())
                .executorPosition(value(ActionField.EXECUTOR_POSITION))
                .result(value(ActionField.RESULT))
                .postponeUntil(value(ActionField.POSTPONE_UNTIL))
                .answer(value(ActionField.ANSWER))
                .head(head == null ? null : head.getId())
                .agreeing(agreeing == null || agreeing.isEmpty() ? null
                        : agreeing.stream().map(Account::getId).toList())
                .publicity(inputs.containsKey(ActionField.PUBLICITY) ? value(ActionField.PUBLICITY) : null)
                .rating(rating == null ? null : rating.code())
                .remarks(value(ActionField.REMARKS))
                .attachments(inputs.containsKey(ActionField.ATTACHMENTS) && !uploaded.isEmpty() ? uploaded : null)
                .text(value(ActionField.TEXT))
                .duplicateOf(value(ActionField.DUPLICATE_OF))
                .build();
    }
}
