package ru.civic.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves {@code localhost} and every {@code *.localhost} name to the loopback address, as RFC 6761 (6.3) asks and
 * browsers do, but the system resolver here does not. Used for the server-to-server calls of the sign-in flow
 * (the portal redeeming its authorization code at {@code http://tomsk.localhost:8080/oauth2/token}); every other
 * name goes to the system resolver.
 */
public final class LocalHostResolver implements DnsResolver {

    private final DnsResolver system = SystemDefaultDnsResolver.INSTANCE;

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        return system.resolve(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") ? h : system.resolveCanonicalHostname(host);
    }
}
