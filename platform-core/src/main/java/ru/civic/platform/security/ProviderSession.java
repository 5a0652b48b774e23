package ru.civic.platform.security;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import ru.civic.platform.account.Account;

/**
 * Signs a person in at the platform's OpenID provider without the password form (just registered, or back from
 * ESIA) and continues where the provider left off: the remembered authorization request, so the portal receives its
 * ID token as after any sign-in. With nothing remembered, the portal's own sign-in is started, which the provider
 * now answers at once.
 */
@Component
public class ProviderSession {

    private final ScopedUserDetailsService users;
    private final SecurityContextRepository contexts = AuthorizationServerConfiguration.providerContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SavedRequestAwareAuthenticationSuccessHandler resume = new SavedRequestAwareAuthenticationSuccessHandler();

    ProviderSession(ScopedUserDetailsService users) {
        this.users = users;
        resume.setRequestCache(AuthorizationServerConfiguration.providerRequestCache());
        resume.setDefaultTargetUrl(PortalSignIn.AUTHORIZATION_PATH);
    }

    /**
     * The account must belong to the tenant of the current host (it was just found or created there).
     *
     * @param factor how the person proved who they are ({@link FactorGrantedAuthority#PASSWORD_AUTHORITY} or
     *               {@link FactorGrantedAuthority#AUTHORIZATION_CODE_AUTHORITY}); its time is the ID token's auth_time
     */
    public void signInAndContinue(Account account, String factor, HttpServletRequest request,
            HttpServletResponse response) throws IOException, ServletException {
        UserDetails user = users.forAccount(account);
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(Instant.now()).build());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation across the sign-in
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        resume.onAuthenticationSuccess(request, response, authentication);
    }
}
