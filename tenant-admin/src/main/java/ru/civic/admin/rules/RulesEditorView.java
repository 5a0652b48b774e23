package ru.civic.admin.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.admin.shell.ProblemTexts;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.ConfigurationProblem;
import ru.civic.platform.tenancy.TenantConfigurationException;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.tenancy.TenantRules;
import ru.civic.platform.tenancy.TenantRulesConflictException;

/**
 * The regional operator's rules editor: the tenant's configuration as forms (one tab per part), the whole document
 * as YAML, export and import, and the versions with their diff and roll-back. Forms edit a copy of the document's
 * JSON tree; a save sends the whole of it to the core, which checks it exactly like a file in
 * {@code config/tenants}; each problem is then shown at its field (the others in a list at the top), and nothing typed
 * is lost. A save on top of a version someone else saved meanwhile is refused, not merged.
 */
@Route(value = "admin/rules", layout = AdminLayout.class)
@Menu(title = "admin.menu.rules", order = 50)
@RolesAllowed(Permissions.OPERATOR)
class RulesEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TenantRules rules;
    private final TenantRegistry tenants;
    private final AuthenticationContext authentication;
    private final RulesForm form = new RulesForm();
    private final RulesSections sections;
    private final Span version = new Span();
    private final Div problems = new Div();
    private final TabSheet tabs = new TabSheet();
    private final List<Runnable> rebuilds = new ArrayList<>();
    private final java.util.Map<String, VerticalLayout> sectionContents = new java.util.LinkedHashMap<>();
    private final TextField comment = new TextField();
    private final Button save = new Button();
    private final TextArea yaml = new TextArea();
    private final Div yamlProblems = new Div();
    private final Div importPreview = new Div();
    private RulesVersions versions;
    private long baseVersion;

    RulesEditorView(TenantRules rules, TenantRegistry tenants, AuthenticationContext authentication) {
        this.rules = rules;
        this.tenants = tenants;
        this.authentication = authentication;
        this.sections = new RulesSections(form, this::getTranslation);
        addClassName("civic-rules");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.rules.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (TenantContext.isPlatformScope() || !AdminLayout.issuedForThisHost(authentication)) {
            event.rerouteToError(AccessDeniedException.class, getTranslation("admin.denied"));
            return;
        }
        if (versions == null) {
            build();
        }
    }

    private String t(String key, Object... args) {
        return getTranslation("admin.rules." + key, args);
    }

    private void build() {
        version.addClassName("civic-rules-version");
        problems.addClassName("civic-rules-problems");
        problems.setVisible(false);
        problems.getElement().setAttribute("role", "alert");

        formTab("branding", sections::branding);
        formTab("categories", tab -> sections.categories(tab, rebuild("categories")));
        formTab("deadlines", tab -> sections.deadlines(tab, rebuild("deadlines")));
        formTab("photos", sections::photos);
        formTab("reasons", tab -> sections.refusalReasons(tab, rebuild("reasons")));
        formTab("roles", sections::rolesAndGuests);
        formTab("polls", sections::polls);
        formTab("campaigns", sections::campaigns);
        formTab("points", tab -> sections.points(tab, rebuild("points")));
        formTab("shop", sections::shop);
        formTab("ratings", sections::ratings);
        formTab("organisations", tab -> sections.organisations(tab, rebuild("organisations")));
        formTab("faq", tab -> sections.faq(tab, rebuild("faq")));
        formTab("templates", tab -> sections.answerTemplates(tab, rebuild("templates")));
        tabs.add(tab("yaml"), yamlTab());
        tabs.add(tab("import"), importTab());
        versions = new RulesVersions(rules, tenants.currentConfiguration().zoneId(), this::getTranslation,
                this::rollBack);
        tabs.add(tab("versions"), versions);
        tabs.setWidthFull();
        tabs.addClassName("civic-rules-tabs");

        comment.setLabel(t("comment"));
        comment.setMaxLength(500);
        comment.addClassName("civic-rules-comment");
        comment.setWidth("30em");
        save.setText(t("save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("civic-rules-save");
        save.addClickListener(e -> saveForms());
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = rules.exportYaml().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    TenantContext.getRequiredTenantId().value() + ".yaml", "application/yaml", bytes.length);
        }), t("export"));
        export.addClassName("civic-rules-export");
        FlexLayout bar = new FlexLayout(comment, save, export);
        bar.setAlignItems(FlexLayout.Alignment.BASELINE);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        bar.addClassName("civic-rules-bar");

        add(new H1(t("title")), new Paragraph(t("intro")), version, problems, bar, tabs);
        load(rules.current());
    }

    private Tab tab(String key) {
        Tab tab = new Tab(t("tab." + key));
        tab.setId("rules-tab-" + key);
        return tab;
    }

    /** A form tab: built from the working tree now, and again whenever the tree is reloaded or a list changes. */
    private void formTab(String key, Consumer<VerticalLayout> builder) {
        VerticalLayout content = new VerticalLayout();
        content.addClassName("civic-rules-section");
        content.setPadding(false);
        String section = t("tab." + key);
        rebuilds.add(() -> {
            content.removeAll();
            form.section(section);
            builder.accept(content);
        });
        sectionContents.put(key, content);
        tabs.add(tab(key), content);
    }

    /** Rebuilds one tab (after adding or removing an element of a list), keeping the errors shown on its fields. */
    private Runnable rebuild(String key) {
        return () -> {
            int index = new ArrayList<>(sectionContents.keySet()).indexOf(key);
            // The indices after the changed element moved: errors marked before would now sit on the wrong fields.
            rebuilds.get(index).run();
        };
    }

    private void load(TenantRules.Document document) {
        baseVersion = document.version();
        form.reset(document.tree());
        rebuilds.forEach(Runnable::run);
        version.setText(t("version", document.version()));
        yaml.setValue(document.yaml());
        yamlProblems.removeAll();
        importPreview.removeAll();
        versions.refresh(document.version());
        clearProblems();
    }

    private void clearProblems() {
        form.clearErrors();
        problems.removeAll();
        problems.setVisible(false);
    }

    private void saveForms() {
        try {
            TenantRules.Document saved = rules.save(form.root(), baseVersion, comment.getValue());
            saved(saved);
        } catch (TenantConfigurationException e) {
            showProblems(e.problems());
        } catch (TenantRulesConflictException e) {
            showConflict(e);
        }
    }

    private void saved(TenantRules.Document saved) {
        load(saved);
        comment.clear();
        Notification.show(t("saved", saved.version()), 4000, Notification.Position.TOP_CENTER)
                .addClassName("civic-rules-saved");
    }

    private void showProblems(List<ConfigurationProblem> all) {
        RulesForm.Shown shown = form.show(all);
        problems.removeAll();
        problems.add(new H3(t("problems.title", all.size())));
        if (!shown.sections().isEmpty()) {
            problems.add(new Paragraph(t("problems.sections", String.join(", ", shown.sections()))));
        }
        if (!shown.unplaced().isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.addClassName("civic-rules-unplaced");
            shown.unplaced().forEach(p -> list.add(new ListItem(p.path() + ": " + ProblemTexts.of(p))));
            problems.add(list);
        }
        problems.setVisible(true);
    }

    private void showConflict(TenantRulesConflictException e) {
        clearProblems();
        Button reload = new Button(t("conflict.reload"), click -> load(rules.current()));
        reload.addClassName("civic-rules-reload");
        problems.add(new H3(t("conflict.title")),
                new Paragraph(t("conflict.text", e.basedOnVersion(), e.currentVersion())), reload);
        problems.setVisible(true);
    }

    private Component yamlTab() {
        yaml.setLabel(t("yaml.label"));
        yaml.setWidthFull();
        yaml.setHeight("60vh");
        yaml.addClassName("civic-rules-yaml");
        yaml.getStyle().set("font-family", "monospace");
        yamlProblems.addClassName("civic-rules-yaml-problems");
        Button check = new Button(t("yaml.check"), e -> {
            List<ConfigurationProblem> found = rules.validateYaml(yaml.getValue());
            listProblems(yamlProblems, found);
        });
        check.addClassName("civic-rules-yaml-check");
        Button saveYaml = new Button(t("yaml.save"), e -> {
            try {
                saved(rules.saveYaml(yaml.getValue(), baseVersion, "yaml", comment.getValue()));
            } catch (TenantConfigurationException ex) {
                listProblems(yamlProblems, ex.problems());
            } catch (TenantRulesConflictException ex) {
                showConflict(ex);
            }
        });
        saveYaml.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveYaml.addClassName("civic-rules-yaml-save");
        VerticalLayout tab = new VerticalLayout(new Paragraph(t("yaml.hint")), yaml, yamlProblems,
                new FlexLayout(check, saveYaml));
        tab.setPadding(false);
        return tab;
    }

    private void listProblems(Div target, List<ConfigurationProblem> found) {
        target.removeAll();
        if (found.isEmpty()) {
            target.add(new Paragraph(t("valid")));
            return;
        }
        target.add(new H3(t("problems.title", found.size())));
        UnorderedList list = new UnorderedList();
        found.forEach(p -> list.add(new ListItem(p.path() + ": " + ProblemTexts.of(p))));
        target.add(list);
    }

    private Component importTab() {
        importPreview.addClassName("civic-rules-import-preview");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) ->
                preview(new String(data, StandardCharsets.UTF_8))));
        upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
        upload.setMaxFileSize(1024 * 1024);
        upload.addClassName("civic-rules-import");
        VerticalLayout tab = new VerticalLayout(new Paragraph(t("import.hint")), upload, importPreview);
        tab.setPadding(false);
        return tab;
    }

    /** Shows what an uploaded document would change, or why it cannot be saved; saves only when asked. */
    void preview(String uploaded) {
        TenantRules.ImportPreview preview = rules.previewImport(uploaded);
        importPreview.removeAll();
        if (!preview.valid()) {
            listProblems(importPreview, preview.problems());
            return;
        }
        if (preview.changes().stream().allMatch(l -> l.change() == TenantRules.Change.SAME)) {
            importPreview.add(new Paragraph(t("import.same")));
            return;
        }
        Button apply = new Button(t("import.save"), e -> {
            try {
                saved(rules.saveYaml(uploaded, baseVersion, "import", comment.getValue()));
            } catch (TenantConfigurationException ex) {
                listProblems(importPreview, ex.problems());
            } catch (TenantRulesConflictException ex) {
                showConflict(ex);
            }
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClassName("civic-rules-import-save");
        importPreview.add(new H3(t("import.changes")), RulesVersions.render(preview.changes()), apply);
    }

    private void rollBack(long toVersion) {
        try {
            saved(rules.rollBack(toVersion, baseVersion, comment.getValue()));
        } catch (TenantConfigurationException e) {
            showProblems(e.problems());
        } catch (TenantRulesConflictException e) {
            showConflict(e);
        }
    }

    // For the browserless tests.
    TabSheet tabs() {
        return tabs;
    }

    RulesVersions versions() {
        return versions;
    }

    Div problems() {
        return problems;
    }

    TextField comment() {
        return comment;
    }

    TextArea yaml() {
        return yaml;
    }

    long baseVersion() {
        return baseVersion;
    }
}
