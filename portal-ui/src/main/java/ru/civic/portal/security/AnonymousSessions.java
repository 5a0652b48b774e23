package ru.civic.portal.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Anonymous visitors get short sessions; signed-in people the container's normal one.
 *
 * <p>Vaadin keeps each visitor's UI (the component tree of the page) in the HTTP session, and a session lives until it
 * has been idle for its max-inactive interval. Most visitors of the public pages are anonymous and read one or two
 * pages; with the container's 30 minutes, every one of them would hold that memory for half an hour after leaving.
 * So a new session starts with {@code platform.portal.anonymous-session-timeout} (5 minutes by default), and the first
 * request made signed in restores the container's timeout ({@code server.servlet.session.timeout}). Signing in keeps
 * the session object (Spring Security's session-fixation protection changes its id, not its interval), so the
 * restoring happens on the request that follows the sign-in, which is the redirect back to the page.
 *
 * <p>A page left open keeps its session: Vaadin's heartbeat ({@code vaadin.heartbeat-interval}, 2 minutes in the
 * portal's settings) is a request. The timeout must therefore be well above the heartbeat interval; a warning says
 * so at start-up otherwise.
 */
@Configuration(proxyBeanMethods = false)
class AnonymousSessions {

    private static final Logger log = LoggerFactory.getLogger(AnonymousSessions.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final int anonymousSeconds;

    AnonymousSessions(@Value("${platform.portal.anonymous-session-timeout:5m}") Duration anonymousTimeout,
            @Value("${vaadin.heartbeat-interval:${vaadin.heartbeatInterval:300}}") int heartbeatSeconds) {
        if (anonymousTimeout.isNegative() || anonymousTimeout.isZero()) {
            throw new IllegalArgumentException("platform.portal.anonymous-session-timeout must be positive, not "
                    + anonymousTimeout);
        }
        this.anonymousSeconds = (int) Math.min(Integer.MAX_VALUE, anonymousTimeout.toSeconds());
        if (heartbeatSeconds > 0 && anonymousSeconds < 2L * heartbeatSeconds) {
            log.warn("platform.portal.anonymous-session-timeout ({} s) is less than twice Vaadin's heartbeat interval "
                    + "({} s): an anonymous visitor's open page may lose its session", anonymousSeconds,
                    heartbeatSeconds);
        }
    }

    /** Every new session starts as an anonymous one: nobody is signed in to a session that did not exist. */
    @Bean
    HttpSessionListener anonymousSessionTimeout() {
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                HttpSession session = event.getSession();
                int normal = session.getMaxInactiveInterval();
                // Never longer than the container's own timeout (<= 0 there means "never expires").
                if (normal <= 0 || anonymousSeconds < normal) {
                    session.setMaxInactiveInterval(anonymousSeconds);
                }
            }
        };
    }

    /** After Spring Security's filter chain (order -100), so the security context of the request is known. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signedInSessionTimeout() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        HttpSession session = request.getSession(false);
                        if (session != null && session.getMaxInactiveInterval() == anonymousSeconds
                                && TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                            session.setMaxInactiveInterval(normalSeconds(request));
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("signedInSessionTimeout");
        registration.setOrder(0);
        return registration;
    }

    /** The container's timeout ({@code server.servlet.session.timeout}, in minutes there); -1: never expires. */
    private static int normalSeconds(HttpServletRequest request) {
        int minutes = request.getServletContext().getSessionTimeout();
        return minutes <= 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, minutes * 60L);
    }
}
