package ru.civic.admin.platform;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.console.PlatformConsole;
import ru.civic.platform.console.PlatformConsole.NewTenant;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.ConfigurationProblem;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfigurationException;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * A new tenant in under a minute: an id, a name, its domains, time zone and region, and another tenant's
 * configuration (or the shipped blank one) to start from. Checked exactly like a configuration file; each problem is
 * shown at its field and nothing typed is lost. The new portal answers on its hosts at once, on every instance.
 */
@Route(value = "admin/platform/new", layout = AdminLayout.class)
@Menu(title = "admin.menu.platformNew", order = 91)
@RolesAllowed(Permissions.PLATFORM_OWNER)
class NewTenantView extends Div implements HasDynamicTitle {

    /** A template choice: another tenant, or (null) the shipped blank configuration. */
    record Template(TenantId tenant, String label) {
    }

    private final PlatformConsole console;
    private final AuthenticationContext authentication;
    private final TextField id = new TextField();
    private final TextField name = new TextField();
    private final TextField hosts = new TextField();
    private final ComboBox<String> timeZone = new ComboBox<>();
    private final TextField regionCode = new TextField();
    private final TextField regionName = new TextField();
    private final ComboBox<Template> template = new ComboBox<>();
    private final TextField operator = new TextField();
    private final Paragraph otherProblems = new Paragraph();
    private final Button create = new Button();

    NewTenantView(PlatformConsole console, TenantRegistry tenants, AuthenticationContext authentication) {
        this.console = console;
        this.authentication = authentication;
        addClassName("civic-platform-new");
        add(new H1(getTranslation("admin.platform.new.title")));
        add(new Paragraph(getTranslation("admin.platform.new.intro")));

        id.setLabel(getTranslation("admin.platform.new.id"));
        id.setHelperText(getTranslation("admin.platform.new.id.help"));
        id.setRequiredIndicatorVisible(true);
        name.setLabel(getTranslation("admin.platform.new.name"));
        name.setRequiredIndicatorVisible(true);
        hosts.setLabel(getTranslation("admin.platform.new.hosts"));
        hosts.setHelperText(getTranslation("admin.platform.new.hosts.help"));
        timeZone.setLabel(getTranslation("admin.platform.new.timeZone"));
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.startsWith("Europe/") || z.startsWith("Asia/")).sorted().toList());
        timeZone.setAllowCustomValue(true);
        timeZone.addCustomValueSetListener(e -> timeZone.setValue(e.getDetail()));
        timeZone.setValue("Europe/Moscow");
        regionCode.setLabel(getTranslation("admin.platform.new.regionCode"));
        regionCode.setHelperText(getTranslation("admin.platform.new.regionCode.help"));
        regionName.setLabel(getTranslation("admin.platform.new.regionName"));
        template.setLabel(getTranslation("admin.platform.new.template"));
        List<Template> templates = new ArrayList<>();
        templates.add(new Template(null, getTranslation("admin.platform.new.blank")));
        tenants.all().stream().sorted(Comparator.comparing(Tenant::id)).forEach(t -> templates.add(
                new Template(t.id(), getTranslation("admin.platform.new.fromTenant", t.configuration().name(),
                        t.id().value()))));
        template.setItems(templates);
        template.setItemLabelGenerator(Template::label);
        template.setValue(templates.getFirst());

        // Problems come from the server's check of the whole document; the fields must not clear them on their own.
        id.setManualValidation(true);
        name.setManualValidation(true);
        hosts.setManualValidation(true);
        timeZone.setManualValidation(true);
        regionCode.setManualValidation(true);
        regionName.setManualValidation(true);
        operator.setLabel(getTranslation("admin.platform.new.operator"));
        operator.setHelperText(getTranslation("admin.platform.new.operator.help"));
        operator.setValue("operator");
        operator.setManualValidation(true);
        id.addClassName("civic-new-id");
        name.addClassName("civic-new-name");
        hosts.addClassName("civic-new-hosts");
        regionCode.addClassName("civic-new-region-code");
        regionName.addClassName("civic-new-region-name");
        template.addClassName("civic-new-template");
        operator.addClassName("civic-new-operator");
        FormLayout form = new FormLayout(id, name, hosts, timeZone, regionCode, regionName, template, operator);
        otherProblems.addClassName("civic-form-error");
        otherProblems.setVisible(false);
        create.setText(getTranslation("admin.platform.new.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("civic-platform-new-create");
        create.addClickListener(e -> create());
        add(form, otherProblems, create);
    }

    private void create() {
        for (HasValidation field : fields()) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        otherProblems.setVisible(false);
        NewTenant request = new NewTenant(id.getValue(), name.getValue(),
                Arrays.stream(hosts.getValue().split("[,;\\s]+")).filter(h -> !h.isBlank()).toList(),
                timeZone.getValue(), regionCode.getValue(), regionName.getValue(),
                Optional.ofNullable(template.getValue()).map(Template::tenant).orElse(null));
        try {
            Tenant created = console.create(request, authentication.getPrincipalName().orElse("platform-owner"));
            Notification.show(getTranslation("admin.platform.new.created", created.configuration().name()));
            if (operator.getValue().isBlank()) {
                getUI().ifPresent(ui -> ui.navigate("admin/platform/tenant/" + created.id().value()));
            } else {
                try {
                    String password = console.createFirstOperator(created.id(), operator.getValue(),
                            getTranslation("admin.platform.new.operator.name"));
                    showCredentials(created, operator.getValue().strip(), password);
                } catch (IllegalArgumentException taken) {
                    // Only where demo accounts are seeded into every new tenant: the portal is there all the same.
                    Notification.show(getTranslation("admin.platform.new.operatorExists", operator.getValue().strip()));
                    getUI().ifPresent(ui -> ui.navigate("admin/platform/tenant/" + created.id().value()));
                }
            }
        } catch (TenantConfigurationException e) {
            List<String> unplaced = new ArrayList<>();
            for (ConfigurationProblem problem : e.problems()) {
                if (!place(problem)) {
                    unplaced.add(problem.path() + ": " + ru.civic.admin.shell.ProblemTexts.of(problem));
                }
            }
            if (!unplaced.isEmpty()) {
                otherProblems.setText(getTranslation("admin.platform.new.otherProblems", String.join("; ", unplaced)));
                otherProblems.setVisible(true);
            }
        }
    }

    /** The operator's password exists only here and now: shown once, to be handed over, then gone. */
    private void showCredentials(Tenant created, String username, String password) {
        Dialog dialog = new Dialog();
        dialog.addClassName("civic-platform-credentials");
        dialog.setCloseOnOutsideClick(false);
        dialog.setHeaderTitle(getTranslation("admin.platform.new.credentials.title", created.configuration().name()));
        Span user = new Span(username);
        user.addClassName("civic-credentials-username");
        Span secret = new Span(password);
        secret.addClassName("civic-credentials-password");
        dialog.add(new Paragraph(getTranslation("admin.platform.new.credentials.text", created.id().value())),
                new Paragraph(new Span(getTranslation("admin.platform.new.credentials.username") + ": "), user),
                new Paragraph(new Span(getTranslation("admin.platform.new.credentials.password") + ": "), secret));
        Button done = new Button(getTranslation("admin.platform.new.credentials.done"), e -> {
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate("admin/platform/tenant/" + created.id().value()));
        });
        done.addClassName("civic-credentials-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        add(dialog);
        dialog.open();
    }

    /** Shows a problem at the field it is about, in the owner's words; false when no field is about it. */
    private boolean place(ConfigurationProblem problem) {
        String path = problem.path();
        if (path.equals("$.id")) {
            return mark(id, "tenantExists".equals(problem.code()) ? getTranslation(
                    "admin.platform.new.error.idTaken", id.getValue()) : getTranslation("admin.platform.new.error.id"));
        }
        if (path.equals("$.name") || path.equals("$.shortName") || path.equals("$.branding.title")) {
            return mark(name, getTranslation("admin.platform.new.error.name"));
        }
        if (path.startsWith("$.hosts")) {
            return mark(hosts, !"hostTaken".equals(problem.code()) ? getTranslation("admin.platform.new.error.host")
                    : getTranslation("admin.platform.new.error.hostTaken", hostAt(path), problem.args().get(1)));
        }
        if (path.equals("$.timeZone")) {
            return mark(timeZone, getTranslation("admin.platform.new.error.timeZone"));
        }
        if (path.equals("$.region.code")) {
            return mark(regionCode, getTranslation("admin.platform.new.error.regionCode"));
        }
        if (path.equals("$.region.name")) {
            return mark(regionName, getTranslation("admin.platform.new.error.regionName"));
        }
        return false;
    }

    /** The host a path such as {@code $.hosts[1]} points at, as typed. */
    private String hostAt(String path) {
        List<String> typed = Arrays.stream(hosts.getValue().split("[,;\\s]+")).filter(h -> !h.isBlank()).toList();
        try {
            int index = Integer.parseInt(path.replaceAll("\\D", ""));
            return index < typed.size() ? typed.get(index) : hosts.getValue();
        } catch (NumberFormatException e) {
            return hosts.getValue();
        }
    }

    private static boolean mark(HasValidation field, String message) {
        // Several problems may concern one field: keep them all.
        String shown = field.isInvalid() && field.getErrorMessage() != null ? field.getErrorMessage() + " " + message
                : message;
        field.setErrorMessage(shown);
        field.setInvalid(true);
        return true;
    }

    private List<HasValidation> fields() {
        return List.of(id, name, hosts, timeZone, regionCode, regionName);
    }

    TextField id() {
        return id;
    }

    TextField name() {
        return name;
    }

    TextField hosts() {
        return hosts;
    }

    ComboBox<String> timeZone() {
        return timeZone;
    }

    TextField regionCode() {
        return regionCode;
    }

    TextField regionName() {
        return regionName;
    }

    TextField operator() {
        return operator;
    }

    ComboBox<Template> template() {
        return template;
    }

    Button createButton() {
        return create;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.platform.new.title");
    }
}
