package ru.civic.platform.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.tenancy.TenantConfiguration;

/**
 * The absolute address of an invitation page on the tenant's own host: the link is only accepted there (the page looks
 * the token up in the host's tenant). The host the operator is working on when it is one of the tenant's; otherwise
 * the tenant's first production domain, or its local name where it has none.
 */
@Component
class InvitationLinks {

    static final String PATH = "/invitation/";

    private final String localDomain;
    private final int serverPort;

    InvitationLinks(PlatformProperties properties, @Value("${server.port:8080}") int serverPort) {
        this.localDomain = properties.localDomain();
        this.serverPort = serverPort;
    }

    String link(TenantConfiguration tenant, String token) {
        return base(tenant) + PATH + token;
    }

    private String base(TenantConfiguration tenant) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        if (request != null) {
            String host = request.getServerName().toLowerCase(Locale.ROOT);
            // Production domains are served over HTTPS by the ingress; the request itself arrives as plain HTTP there
            // (forwarded headers are not trusted), so its scheme says nothing.
            if (tenant.hosts().stream().anyMatch(host::equalsIgnoreCase)) {
                return "https://" + host;
            }
            if (tenant.allHosts(localDomain).contains(host)) {
                return request.getScheme() + "://" + host + port(request.getServerPort());
            }
        }
        if (!tenant.hosts().isEmpty()) {
            return "https://" + tenant.hosts().getFirst().toLowerCase(Locale.ROOT);
        }
        return "http://" + tenant.id() + "." + localDomain + port(serverPort);
    }

    private static String port(int port) {
        return port == 80 || port == 443 || port <= 0 ? "" : ":" + port;
    }
}
