package ru.civic.admin.staff;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import ru.civic.admin.shell.AdminLayout;
import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService.ProfileProblem;
import ru.civic.platform.account.InvalidAccountException;
import ru.civic.platform.account.StaffAccounts;
import ru.civic.platform.account.StaffDraft;
import ru.civic.platform.account.StaffInvitations;
import ru.civic.platform.account.StaffInvitations.InvitationState;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The operator's reference of the tenant's staff: find a person, create an account with an initial password the
 * operator hands over or with an e-mailed invitation to choose one (sent again from here), change roles, organisation and the categories they handle, disable or enable. Roles,
 * organisations and categories offered are the tenant's own; problems are shown at their fields and nothing typed
 * is lost.
 */
@Route(value = "admin/staff", layout = AdminLayout.class)
@Menu(title = "admin.menu.staff", order = 60)
@RolesAllowed(Permissions.OPERATOR)
class StaffView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final StaffAccounts staff;
    private final StaffInvitations invitations;
    private final TenantConfiguration tenant;

    private final TextField search = new TextField();
    private final Grid<Account> grid = new Grid<>();
    private final H2 formTitle = new H2();
    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final TextField email = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final ComboBox<String> organisation = new ComboBox<>();
    private final MultiSelectComboBox<String> categories = new MultiSelectComboBox<>();
    private final Button save = new Button();
    private final Button toggle = new Button();
    private final Span formError = new Span();
    private final Span saved = new Span();
    private final Span invitation = new Span();
    private final Button resend = new Button();
    /** The invitations of the accounts listed, by account id. */
    private Map<java.util.UUID, InvitationState> invitationStates = Map.of();
    private final Map<String, HasValidation> fields = new HashMap<>();
    /** The account being edited; null while a new one is typed. */
    private Account editing;

    StaffView(StaffAccounts staff, StaffInvitations invitations, TenantRegistry tenants) {
        this.staff = staff;
        this.invitations = invitations;
        this.tenant = tenants.currentConfiguration();
        addClassName("civic-staff");

        search.setLabel(getTranslation("admin.staff.search"));
        search.setPlaceholder(getTranslation("admin.staff.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("admin.staff.new"), e -> startNew());
        create.addClassName("civic-staff-new");
        FlexLayout top = new FlexLayout(search, create);
        top.setAlignItems(FlexLayout.Alignment.BASELINE);
        top.getStyle().set("gap", "var(--lumo-space-s)");

        grid.addColumn(Account::getDisplayName).setHeader(getTranslation("admin.staff.displayName")).setFlexGrow(1);
        grid.addColumn(Account::getUsername).setHeader(getTranslation("admin.staff.username")).setAutoWidth(true);
        grid.addColumn(a -> a.getRoles().stream().map(this::roleName).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.staff.roles")).setAutoWidth(true);
        grid.addColumn(a -> a.getOrganisation() == null ? "" : organisationName(a.getOrganisation()))
                .setHeader(getTranslation("admin.staff.organisation")).setFlexGrow(1);
        grid.addColumn(a -> a.getCategories().isEmpty() ? getTranslation("admin.staff.categories.all")
                : a.getCategories().stream().map(tenant::categoryTitle).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("admin.staff.categories")).setFlexGrow(1);
        grid.addColumn(a -> getTranslation(a.isEnabled() ? "admin.staff.enabled" : "admin.staff.disabled"))
                .setHeader(getTranslation("admin.staff.state")).setAutoWidth(true);
        grid.addColumn(a -> invitationText(invitationStates.get(a.getId())))
                .setHeader(getTranslation("admin.staff.invitation")).setAutoWidth(true);
        grid.addClassName("civic-staff-grid");
        grid.setHeight("40vh");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                startEdit(e.getValue());
            }
        });

        username.setLabel(getTranslation("admin.staff.username"));
        displayName.setLabel(getTranslation("admin.staff.displayName"));
        email.setLabel(getTranslation("admin.staff.email"));
        password.setLabel(getTranslation("admin.staff.password"));
        password.setHelperText(getTranslation("admin.staff.password.help"));
        roles.setLabel(getTranslation("admin.staff.roles"));
        roles.setItems(staff.assignableRoles());
        roles.setItemLabelGenerator(this::roleName);
        organisation.setLabel(getTranslation("admin.staff.organisation"));
        organisation.setClearButtonVisible(true);
        organisation.setItems(tenant.organisations().stream().map(TenantConfiguration.Organisation::id).toList());
        organisation.setItemLabelGenerator(this::organisationName);
        categories.setLabel(getTranslation("admin.staff.categories"));
        categories.setHelperText(getTranslation("admin.staff.categories.help"));
        categories.setItems(tenant.allCategories().stream().map(TenantConfiguration.Category::id).toList());
        categories.setItemLabelGenerator(tenant::categoryTitle);
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("email", email);
        fields.put("password", password);
        fields.put("roles", roles);
        fields.put("organisation", organisation);
        fields.put("categories", categories);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveForm());
        save.addClassName("civic-staff-save");
        toggle.addClickListener(e -> toggleEnabled());
        toggle.addClassName("civic-staff-toggle");
        formError.addClassName("civic-staff-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        saved.addClassName("civic-staff-saved");
        saved.setVisible(false);
        invitation.addClassName("civic-staff-invitation");
        resend.setText(getTranslation("admin.staff.invitation.resend"));
        resend.addClassName("civic-staff-resend");
        resend.addClickListener(e -> resendInvitation());

        FormLayout form = new FormLayout(username, displayName, email, password, roles, organisation, categories);
        form.setColspan(categories, 2);
        form.setColspan(roles, 2);
        FlexLayout buttons = new FlexLayout(save, toggle, resend);
        buttons.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H1(getTranslation("admin.staff.title")), top, grid, formTitle, form, invitation, buttons, formError,
                saved);
        startNew();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        List<Account> accounts = staff.list(search.getValue());
        invitationStates = invitations.states(accounts.stream().map(Account::getId).toList());
        grid.setItems(accounts);
    }

    private void startNew() {
        editing = null;
        grid.asSingleSelect().clear();
        clearMessages();
        formTitle.setText(getTranslation("admin.staff.new"));
        username.clear();
        username.setReadOnly(false);
        displayName.clear();
        email.clear();
        password.clear();
        password.setVisible(true);
        roles.clear();
        organisation.clear();
        categories.clear();
        save.setText(getTranslation("admin.staff.create"));
        toggle.setVisible(false);
        showInvitation(null);
    }

    private void startEdit(Account account) {
        editing = account;
        clearMessages();
        formTitle.setText(getTranslation("admin.staff.edit", account.getDisplayName()));
        username.setValue(account.getUsername());
        username.setReadOnly(true);
        displayName.setValue(account.getDisplayName());
        email.setValue(account.getEmail() == null ? "" : account.getEmail());
        password.clear();
        password.setVisible(false);
        roles.setValue(account.getRoles());
        organisation.setValue(account.getOrganisation());
        categories.setValue(account.getCategories());
        save.setText(getTranslation("admin.staff.save"));
        toggle.setText(getTranslation(account.isEnabled() ? "admin.staff.disable" : "admin.staff.enable"));
        toggle.setVisible(true);
        showInvitation(invitationStates.get(account.getId()));
    }

    private void saveForm() {
        clearMessages();
        StaffDraft draft = new StaffDraft(username.getValue(), displayName.getValue(), email.getValue(),
                password.getValue(), Set.copyOf(roles.getValue()), organisation.getValue(),
                new TreeSet<>(categories.getValue()));
        try {
            boolean invite = editing == null && password.isEmpty();
            Account account = editing == null ? staff.create(draft) : staff.update(editing.getId(), draft);
            refresh();
            startEdit(account);
            if (invite) {
                saved.setText(getTranslation("admin.staff.invitation.sent", account.getEmail()));
                saved.setVisible(true);
            } else {
                showSaved(account);
            }
        } catch (InvalidAccountException e) {
            showProblems(e.problems());
        }
    }

    private void toggleEnabled() {
        if (editing == null) {
            return;
        }
        clearMessages();
        try {
            Account account = staff.setEnabled(editing.getId(), !editing.isEnabled());
            refresh();
            startEdit(account);
            showSaved(account);
        } catch (InvalidAccountException e) {
            showProblems(e.problems());
        }
    }

    private void resendInvitation() {
        if (editing == null) {
            return;
        }
        clearMessages();
        try {
            invitations.resend(editing.getId());
            refresh();
            Account account = editing;
            startEdit(account);
            saved.setText(getTranslation("admin.staff.invitation.sent", account.getEmail()));
            saved.setVisible(true);
        } catch (InvalidAccountException e) {
            showProblems(e.problems());
        }
    }

    /** The invitation of the account being edited: its state, and the resend button while it is not accepted. */
    private void showInvitation(InvitationState state) {
        invitation.setText(state == null ? "" : getTranslation("admin.staff.invitation") + ": " + invitationText(state));
        invitation.setVisible(state != null);
        resend.setVisible(state != null && !state.accepted());
    }

    private String invitationText(InvitationState state) {
        if (state == null) {
            return "";
        }
        if (state.accepted()) {
            return getTranslation("admin.staff.invitation.accepted", when(state.acceptedAt()));
        }
        return getTranslation(state.expired(Instant.now()) ? "admin.staff.invitation.expired"
                : "admin.staff.invitation.pending", when(state.sentAt()), when(state.expiresAt()));
    }

    private String when(Instant instant) {
        return WHEN.format(instant.atZone(tenant.zoneId()));
    }

    private void showSaved(Account account) {
        saved.setText(getTranslation("admin.staff.saved", account.getUsername()));
        saved.setVisible(true);
    }

    private void showProblems(List<ProfileProblem> problems) {
        Map<String, List<String>> byField = problems.stream().collect(Collectors.groupingBy(ProfileProblem::field,
                Collectors.mapping(p -> getTranslation(p.code(), p.args().toArray()), Collectors.toList())));
        StringBuilder unplaced = new StringBuilder();
        byField.forEach((field, texts) -> {
            HasValidation target = fields.get(field);
            if (target == null) {
                unplaced.append(String.join(" ", texts)).append(' ');
            } else {
                target.setErrorMessage(String.join(" ", texts));
                target.setInvalid(true);
            }
        });
        if (!unplaced.isEmpty()) {
            formError.setText(unplaced.toString().strip());
            formError.setVisible(true);
        }
    }

    private void clearMessages() {
        fields.values().forEach(f -> f.setInvalid(false));
        formError.setVisible(false);
        saved.setVisible(false);
    }

    private String roleName(Role role) {
        return getTranslation("admin.role." + role.name());
    }

    private String organisationName(String id) {
        return tenant.organisation(id).map(TenantConfiguration.Organisation::name).orElse(id);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.staff.title");
    }

    // For the browserless tests of this package.
    Grid<Account> grid() { return grid; }
    TextField username() { return username; }
    TextField displayName() { return displayName; }
    TextField email() { return email; }
    PasswordField password() { return password; }
    CheckboxGroup<Role> roles() { return roles; }
    ComboBox<String> organisation() { return organisation; }
    MultiSelectComboBox<String> categories() { return categories; }
    Button saveButton() { return save; }
    Button toggle() { return toggle; }
    Span formError() { return formError; }
    Span invitation() { return invitation; }
    Button resend() { return resend; }
    Span saved() { return saved; }
}
