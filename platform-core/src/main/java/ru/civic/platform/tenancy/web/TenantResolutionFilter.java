package ru.civic.platform.tenancy.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Resolves the tenant of each request from its host, before anything else runs, and fails closed: an unknown host
 * gets 404 and never a default tenant; a suspended tenant gets 503. The host is the only input: no header or
 * parameter a browser sets can choose a tenant. The context is cleared when the request ends.
 *
 * <p>Actuator endpoints answer on any host (Kubernetes probes call the pod's address) and run with no tenant.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TenantResolutionFilter extends OncePerRequestFilter {

    private final TenantRegistry registry;
    private final MeterRegistry meters;
    private final MessageSource messages;

    public TenantResolutionFilter(TenantRegistry registry, MeterRegistry meters, MessageSource messages) {
        this.registry = registry;
        this.meters = meters;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getServerName();
        TenantContext.Scope scope;
        if (registry.isPlatformHost(host)) {
            scope = new TenantContext.PlatformScope();
        } else {
            Optional<Tenant> tenant = registry.findByHost(host);
            if (tenant.isEmpty()) {
                meters.counter("civic.tenant.unknown.host").increment();
                refuse(request, response, HttpStatus.NOT_FOUND, "host.unknown");
                return;
            }
            if (!tenant.get().isActive()) {
                refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "host.suspended");
                return;
            }
            scope = new TenantContext.TenantScope(tenant.get().id());
        }
        try {
            TenantContext.callInChecked(scope, () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /**
     * A person in a browser gets a short page in Russian saying what happened; a program gets RFC 9457 Problem
     * Details. Both in the platform's language: there is no tenant to take one from.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        Locale locale = Locale.of("ru");
        String title = messages.getMessage(key + ".title", null, locale);
        String detail = messages.getMessage(key + ".detail", null, locale);
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                    + HtmlUtils.htmlEscape(title) + "</title></head><body style=\"font-family:system-ui,sans-serif;"
                    + "max-width:40rem;margin:4rem auto;padding:0 1rem\"><h1>" + HtmlUtils.htmlEscape(title)
                    + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p></body></html>");
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title)
                    + ",\"status\":" + status.value() + ",\"detail\":" + json(detail) + "}");
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
