package ru.civic.platform.tenancy.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

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

    /** Request attribute holding the resolved {@link Tenant}, for views that render branding. */
    public static final String TENANT_ATTRIBUTE = TenantResolutionFilter.class.getName() + ".tenant";

    private final TenantRegistry registry;
    private final MeterRegistry meters;

    public TenantResolutionFilter(TenantRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
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
                refuse(response, HttpStatus.NOT_FOUND, "Unknown host", "No portal is served on this address.");
                return;
            }
            if (!tenant.get().isActive()) {
                refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "Portal suspended",
                        "This portal is temporarily unavailable.");
                return;
            }
            request.setAttribute(TENANT_ATTRIBUTE, tenant.get());
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

    private static void refuse(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
