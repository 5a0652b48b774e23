package ru.civic.admin.poll;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.admin.shell.TenantFeature;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.poll.Poll;
import ru.civic.platform.poll.PollDraft;
import ru.civic.platform.poll.PollDraft.QuestionDraft;
import ru.civic.platform.poll.PollKind;
import ru.civic.platform.poll.PollResults;
import ru.civic.platform.poll.PollStatus;
import ru.civic.platform.poll.Polls;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Polls of the tenant: the list (on moderation first, an overdue moderation marked), a poll's editor with its
 * questions, moderation (approve, or refuse with a reason: Volgograd 9), and results with a CSV export.
 */
@Route(value = "admin/polls", layout = AdminLayout.class)
@Menu(title = "admin.menu.polls", order = 30)
@TenantFeature(TenantFeature.Feature.POLLS)
@RolesAllowed({Permissions.OPERATOR, Permissions.MODERATOR, Permissions.CURATOR})
class PollsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Polls polls;
    private final ZoneId zone;
    private final TenantId tenantId;

    private final Grid<Poll> grid = new Grid<>();
    private final Span done = new Span();
    // The editor
    private final H2 editorTitle = new H2();
    private final RadioButtonGroup<PollKind> kind = new RadioButtonGroup<>();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final DatePicker startsOn = new DatePicker();
    private final DatePicker endsOn = new DatePicker();
    private final Div questions = new Div();
    private final List<QuestionEditor> questionEditors = new ArrayList<>();
    private final Span questionsError = new Span();
    private final Button save = new Button();
    private UUID editing;
    // The selected poll
    private final Div selected = new Div();
    private final TextArea refusalReason = new TextArea();

    PollsView(Polls polls, TenantRegistry tenants) {
        this.polls = polls;
        this.zone = tenants.currentConfiguration().zoneId();
        this.tenantId = TenantContext.getRequiredTenantId();
        addClassName("civic-polls-desk");

        grid.addColumn(Poll::title).setHeader(getTranslation("admin.polls.titleField")).setFlexGrow(2);
        grid.addColumn(p -> getTranslation("admin.polls.status." + p.status().name()))
                .setHeader(getTranslation("admin.polls.status")).setAutoWidth(true);
        grid.addColumn(p -> DAY.format(p.startsOn()) + " – " + DAY.format(p.endsOn()))
                .setHeader(getTranslation("admin.polls.period")).setAutoWidth(true);
        grid.addColumn(p -> p.moderationDueAt() == null ? ""
                        : WHEN.format(p.moderationDueAt().atZone(zone))
                        + (p.moderationOverdue() ? " — " + getTranslation("admin.polls.overdue") : ""))
                .setHeader(getTranslation("admin.polls.moderationDue")).setAutoWidth(true)
                .setPartNameGenerator(p -> p.moderationOverdue() ? "civic-overdue" : null);
        grid.addColumn(Poll::votes).setHeader(getTranslation("admin.polls.votes")).setAutoWidth(true);
        grid.setHeight("35vh");
        grid.addClassName("civic-polls-grid");
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        kind.setLabel(getTranslation("admin.polls.kind"));
        kind.setItems(PollKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("admin.polls.kind." + k.name()));
        kind.setValue(PollKind.ORDINARY);
        kind.setHelperText(getTranslation("admin.polls.kind.help"));
        title.setLabel(getTranslation("admin.polls.titleField"));
        title.setMaxLength(300);
        title.setWidthFull();
        description.setLabel(getTranslation("admin.polls.description"));
        description.setWidthFull();
        startsOn.setLabel(getTranslation("admin.polls.startsOn"));
        endsOn.setLabel(getTranslation("admin.polls.endsOn"));
        endsOn.setHelperText(getTranslation("admin.polls.endsOn.help"));
        startsOn.addValueChangeListener(e -> {
            if (endsOn.isEmpty()) {
                polls.recommendedEnd(e.getValue()).ifPresent(endsOn::setValue);
            }
        });
        questionsError.addClassName("civic-field-error");
        questionsError.setVisible(false);
        Button addQuestion = new Button(getTranslation("admin.polls.addQuestion"), click -> addQuestion(null));
        addQuestion.addClassName("civic-polls-add-question");
        save.setText(getTranslation("admin.polls.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button fresh = new Button(getTranslation("admin.polls.new"), click -> edit(null));
        done.addClassName("civic-polls-done");
        done.setVisible(false);
        selected.addClassName("civic-polls-selected");
        refusalReason.setLabel(getTranslation("admin.polls.refusalReason"));
        refusalReason.setWidthFull();

        FormLayout form = new FormLayout(kind, title, description, startsOn, endsOn);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        add(new H1(getTranslation("admin.polls.title")), fresh, grid, done, selected, editorTitle, form, questions,
                questionsError, addQuestion, save);
        edit(null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        grid.setItems(polls.all());
    }

    /** One question of the editor: its text, its answers one per line, and how many may be chosen. */
    final class QuestionEditor extends Div {
        final TextField text = new TextField(getTranslation("admin.polls.question"));
        final TextArea options = new TextArea(getTranslation("admin.polls.options"));
        final IntegerField min = new IntegerField(getTranslation("admin.polls.minChoices"));
        final IntegerField max = new IntegerField(getTranslation("admin.polls.maxChoices"));

        QuestionEditor(Poll.Question q) {
            addClassName("civic-polls-question");
            text.setWidthFull();
            options.setWidthFull();
            options.setHelperText(getTranslation("admin.polls.options.help"));
            min.setValue(q == null ? 1 : q.minChoices());
            max.setValue(q == null ? 1 : q.maxChoices());
            if (q != null) {
                text.setValue(q.text());
                options.setValue(String.join("\n", q.options().stream().map(Poll.Option::text).toList()));
            }
            Button remove = new Button(getTranslation("admin.polls.removeQuestion"), click -> {
                questionEditors.remove(this);
                questions.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(text, options, min, max, remove);
        }

        QuestionDraft draft() {
            List<String> answers = Arrays.stream(options.getValue().split("\n")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            return new QuestionDraft(text.getValue(), answers, min.getValue() == null ? 0 : min.getValue(),
                    max.getValue() == null ? 0 : max.getValue());
        }
    }

    private void addQuestion(Poll.Question q) {
        QuestionEditor editor = new QuestionEditor(q);
        questionEditors.add(editor);
        questions.add(editor);
    }

    private void edit(Poll poll) {
        editing = poll == null ? null : poll.id();
        editorTitle.setText(getTranslation(poll == null ? "admin.polls.new" : "admin.polls.edit"));
        kind.setValue(poll == null ? PollKind.ORDINARY : poll.kind());
        title.setValue(poll == null ? "" : poll.title());
        description.setValue(poll == null ? "" : poll.description());
        startsOn.setValue(poll == null ? null : poll.startsOn());
        endsOn.setValue(poll == null ? null : poll.endsOn());
        questionEditors.clear();
        questions.removeAll();
        if (poll == null) {
            addQuestion(null);
        } else {
            poll.questions().forEach(this::addQuestion);
        }
    }

    private void save() {
        clearErrors();
        PollDraft draft = new PollDraft(kind.getValue(), title.getValue(), description.getValue(),
                questionEditors.stream().map(QuestionEditor::draft).toList(), startsOn.getValue(), endsOn.getValue(),
                List.of());
        try {
            if (editing == null) {
                editing = polls.create(draft);
            } else {
                polls.update(editing, draft);
            }
            done.setText(getTranslation("admin.polls.saved", draft.title()));
            done.setVisible(true);
            refresh();
            select(polls.find(editing));
        } catch (InvalidInputException e) {
            e.problems().forEach(this::show);
        }
    }

    private void clearErrors() {
        List<HasValidation> fields = new ArrayList<>(List.of(title, startsOn, endsOn, refusalReason));
        questionEditors.forEach(q -> fields.addAll(List.of(q.text, q.options, q.max)));
        fields.forEach(f -> f.setInvalid(false));
        questionsError.setVisible(false);
    }

    /** Puts a problem next to its field, so the author sees where, and keeps everything typed. */
    private void show(FieldProblem problem) {
        String text = getTranslation(problem.code(), problem.args().toArray());
        String field = problem.field();
        HasValidation target = switch (field) {
            case "title" -> title;
            case "startsOn" -> startsOn;
            case "endsOn" -> endsOn;
            case "reason" -> refusalReason;
            default -> null;
        };
        if (field.startsWith("questions[") && field.indexOf(']') > 0) {
            int i = Integer.parseInt(field.substring(10, field.indexOf(']')));
            if (i < questionEditors.size()) {
                QuestionEditor q = questionEditors.get(i);
                target = field.endsWith(".text") ? q.text : field.endsWith(".choices") ? q.max : q.options;
            }
        }
        if (target != null) {
            target.setErrorMessage(text);
            target.setInvalid(true);
        } else {
            questionsError.setText(text);
            questionsError.setVisible(true);
        }
    }

    private void select(Poll summary) {
        selected.removeAll();
        if (summary == null) {
            return;
        }
        Poll poll = polls.find(summary.id());
        selected.add(new H2(poll.title()), new Paragraph(getTranslation("admin.polls.status." + poll.status().name())
                + " · " + DAY.format(poll.startsOn()) + " – " + DAY.format(poll.endsOn())
                + (poll.authorName() == null ? "" : " · " + poll.authorName())
                + " · " + getTranslation("admin.polls.initiator." + poll.initiator().name())));
        if (poll.moderationOverdue()) {
            Span overdue = new Span(getTranslation("admin.polls.moderationOverdue",
                    WHEN.format(poll.moderationDueAt().atZone(zone))));
            overdue.addClassName("civic-overdue");
            selected.add(overdue);
        }
        if (poll.refusalReason() != null) {
            selected.add(new Paragraph(getTranslation("admin.polls.refusedBecause", poll.refusalReason())));
        }
        if (poll.status().isEditable()) {
            Button edit = new Button(getTranslation("admin.polls.edit"), click -> edit(poll));
            selected.add(edit);
        }
        if (poll.status() == PollStatus.DRAFT || poll.status() == PollStatus.REFUSED) {
            selected.add(action("admin.polls.submit", "civic-polls-submit", () -> polls.submit(poll.id())));
        }
        if (poll.status() == PollStatus.ON_MODERATION) {
            refusalReason.clear();
            refusalReason.setInvalid(false);
            selected.add(action("admin.polls.approve", "civic-polls-approve", () -> polls.approve(poll.id())),
                    refusalReason,
                    action("admin.polls.refuse", "civic-polls-refuse",
                            () -> polls.refuse(poll.id(), refusalReason.getValue())));
        }
        if (poll.status() == PollStatus.OPEN || poll.status() == PollStatus.CLOSED) {
            selected.add(results(polls.results(poll.id())));
            if (poll.status() == PollStatus.CLOSED && poll.resultsPublishedAt() == null
                    && poll.resultsDueAt() != null) {
                selected.add(new Paragraph(getTranslation("admin.polls.resultsDue",
                        WHEN.format(poll.resultsDueAt().atZone(zone)))));
                selected.add(action("admin.polls.publishResults", "civic-polls-publish",
                        () -> polls.publishResults(poll.id())));
            }
        }
    }

    private Button action(String key, String className, Runnable work) {
        Button button = new Button(getTranslation(key));
        button.addClassName(className);
        button.addClickListener(click -> {
            clearErrors();
            try {
                work.run();
                done.setText(getTranslation(key + ".done"));
                done.setVisible(true);
                refresh();
                selected.removeAll();
            } catch (InvalidInputException e) {
                e.problems().forEach(this::show);
                if (e.problems().stream().noneMatch(p -> p.field().equals("reason"))) {
                    done.setText(questionsError.getText());
                    done.setVisible(true);
                }
            }
        });
        return button;
    }

    private Component results(PollResults results) {
        Div block = new Div();
        block.addClassName("civic-polls-results");
        block.add(new H3(getTranslation("admin.polls.results")));
        block.add(new Paragraph(getTranslation("admin.polls.resultsVotes", results.votes(), results.guestVotes())
                + (results.quorum() == null ? "" : " " + getTranslation(results.quorumReached()
                ? "admin.polls.quorumReached" : "admin.polls.quorumMissed", results.quorum()))));
        for (PollResults.QuestionResult q : results.questions()) {
            block.add(new Paragraph(q.text()));
            for (PollResults.OptionResult o : q.options()) {
                Span line = new Span(results.kind() == PollKind.RANKED
                        ? getTranslation("admin.polls.rankedLine", o.text(), o.score(), o.firsts(), o.total(),
                                o.signedIn(), o.guests())
                        : o.text() + ": " + o.total() + " (" + o.signedIn() + " + " + o.guests() + ")");
                line.addClassName("civic-polls-result-line");
                block.add(new Div(line));
            }
        }
        UUID id = results.pollId();
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csv(TenantContext.callAs(tenantId, () -> polls.results(id)));
            return new DownloadResponse(new ByteArrayInputStream(bytes), "poll-results.csv", "text/csv", bytes.length);
        }), getTranslation("admin.polls.exportCsv"));
        csv.addClassName("civic-polls-csv");
        block.add(csv);
        return block;
    }

    /**
     * One line per answer: question, answer, signed-in, guests, total, and for a ranked vote the Borda score and the
     * first places (best first, as counted); UTF-8 with a BOM so Excel reads Cyrillic.
     */
    static byte[] csv(PollResults results) {
        boolean ranked = results.kind() == PollKind.RANKED;
        StringBuilder out = new StringBuilder("\uFEFFquestion;answer;signed_in;guests;total"
                + (ranked ? ";borda_score;first_places" : "") + "\n");
        for (PollResults.QuestionResult q : results.questions()) {
            for (PollResults.OptionResult o : q.options()) {
                out.append(cell(q.text())).append(';').append(cell(o.text())).append(';').append(o.signedIn())
                        .append(';').append(o.guests()).append(';').append(o.total());
                if (ranked) {
                    out.append(';').append(o.score()).append(';').append(o.firsts());
                }
                out.append('\n');
            }
        }
        out.append(cell("votes")).append(";;").append(results.votes() - results.guestVotes()).append(';')
                .append(results.guestVotes()).append(';').append(results.votes()).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.polls.title");
    }

    // For the browserless tests of this package.
    Grid<Poll> grid() { return grid; }
    RadioButtonGroup<PollKind> kind() { return kind; }
    TextField titleField() { return title; }
    DatePicker startsOn() { return startsOn; }
    DatePicker endsOn() { return endsOn; }
    List<QuestionEditor> questionEditors() { return questionEditors; }
    Button saveButton() { return save; }
    Div selected() { return selected; }
    TextArea refusalReason() { return refusalReason; }
    Span done() { return done; }
}
