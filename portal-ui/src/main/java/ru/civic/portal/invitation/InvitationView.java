package ru.civic.portal.invitation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import ru.civic.platform.account.AccountService.ProfileProblem;
import ru.civic.platform.account.InvalidAccountException;
import ru.civic.platform.account.PasswordPolicy;
import ru.civic.platform.account.StaffInvitations;
import ru.civic.platform.account.StaffInvitations.Link;
import ru.civic.platform.account.StaffInvitations.LinkStatus;
import ru.civic.platform.security.PortalSignIn;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.portal.shell.PortalLayout;

/**
 * Where a staff member invited by e-mail chooses their password ({@code invitation/<token>}): public, since they
 * cannot sign in yet; the token is the authority and is looked up in the host's tenant only. An expired, used,
 * replaced or unknown link gets its reason and no form.
 */
@Route(value = "invitation", layout = PortalLayout.class)
@AnonymousAllowed
class InvitationView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final StaffInvitations invitations;
    private final TenantRegistry tenants;

    private final PasswordField password = new PasswordField();
    private final PasswordField passwordRepeat = new PasswordField();
    private final Button submit = new Button();
    private final Paragraph outcome = new Paragraph();
    private final Map<String, HasValidation> fields = Map.of("password", password, "passwordRepeat", passwordRepeat);
    private String token;

    InvitationView(StaffInvitations invitations, TenantRegistry tenants) {
        this.invitations = invitations;
        this.tenants = tenants;
        addClassName("civic-invitation");
        password.setLabel(getTranslation("portal.invitation.password"));
        password.setHelperText(getTranslation("portal.invitation.password.help", PasswordPolicy.MIN_LENGTH));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        passwordRepeat.setLabel(getTranslation("portal.invitation.passwordRepeat"));
        passwordRepeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        submit.setText(getTranslation("portal.invitation.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> accept());
        outcome.addClassName("civic-invitation-outcome");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        removeAll();
        add(new H2(getPageTitle()));
        Optional<Tenant> tenant = TenantContext.currentTenant().flatMap(tenants::find);
        Link link = tenant.isEmpty() ? new Link(LinkStatus.UNKNOWN, null, null) : invitations.check(token);
        if (link.status() != LinkStatus.OPEN) {
            refuse(link.status());
            return;
        }
        Paragraph intro = new Paragraph(getTranslation("portal.invitation.intro", link.displayName(),
                tenant.get().configuration().name(), link.username()));
        intro.addClassName("civic-invitation-intro");
        VerticalLayout form = new VerticalLayout(password, passwordRepeat, submit);
        form.setPadding(false);
        form.addClassName("civic-invitation-form");
        add(intro, form);
    }

    private void accept() {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            Link link = invitations.accept(token, password.getValue(), passwordRepeat.getValue());
            removeAll();
            add(new H2(getPageTitle()));
            if (link.status() != LinkStatus.OPEN) {
                refuse(link.status());
                return;
            }
            outcome.setText(getTranslation("portal.invitation.done", link.username()));
            Anchor signIn = new Anchor(PortalSignIn.AUTHORIZATION_PATH, getTranslation("portal.invitation.signIn"));
            signIn.setRouterIgnore(true);
            signIn.addClassName("civic-invitation-sign-in");
            add(outcome, signIn);
        } catch (InvalidAccountException e) {
            showProblems(e.problems());
        }
    }

    private void refuse(LinkStatus status) {
        outcome.setText(getTranslation("portal.invitation." + status.name()));
        add(outcome);
    }

    private void showProblems(List<ProfileProblem> problems) {
        for (ProfileProblem p : problems) {
            HasValidation field = fields.get(p.field());
            if (field != null) {
                field.setErrorMessage(getTranslation(p.code(), p.args().toArray()));
                field.setInvalid(true);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.invitation.title");
    }

    // For the browserless tests of this package.
    PasswordField password() { return password; }
    PasswordField passwordRepeat() { return passwordRepeat; }
    Button submit() { return submit; }
    Paragraph outcome() { return outcome; }
}
