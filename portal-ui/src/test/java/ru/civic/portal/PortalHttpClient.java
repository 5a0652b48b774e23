package ru.civic.portal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.cookie.BasicClientCookie;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.message.BasicNameValuePair;

import ru.civic.platform.security.LocalHostResolver;

/**
 * A browser stand-in for HTTP-level tests: resolves {@code *.localhost} to this machine as browsers do, keeps
 * host-only cookies per host, and follows redirects one by one so tests can see where they lead.
 */
final class PortalHttpClient implements AutoCloseable {

    record Page(int status, String url, String body, String location) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final BasicCookieStore cookies = new BasicCookieStore();
    /** Every request made, with its status and redirect target: shown when an assertion fails. */
    final List<String> trail = new ArrayList<>();
    private final CloseableHttpClient http;

    PortalHttpClient() {
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new LocalHostResolver())
                        .build())
                .setDefaultCookieStore(cookies)
                // What a browser sends for a page navigation (Vaadin only remembers such requests to return to).
                .setDefaultHeaders(List.of(
                        new BasicHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                        new BasicHeader("Accept-Language", "en-US,en;q=0.9"),
                        new BasicHeader("Sec-Fetch-Dest", "document"),
                        new BasicHeader("Sec-Fetch-Mode", "navigate")))
                .disableRedirectHandling()
                .build();
    }

    Page get(String url) throws IOException {
        return execute(new HttpGet(url));
    }

    /** Follows redirects from {@code url} until a page that is not a redirect; returns it. */
    Page follow(String url) throws IOException {
        Page page = get(url);
        for (int hops = 0; hops < 15 && page.location() != null; hops++) {
            page = get(URI.create(page.url()).resolve(page.location()).toString());
        }
        return page;
    }

    /** Signs in on the provider's form the flow has arrived at, and follows the redirects that come after. */
    Page signIn(Page loginPage, String username, String password) throws IOException {
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No sign-in form at " + loginPage.url() + ": " + loginPage.body());
        }
        HttpPost post = new HttpPost(URI.create(loginPage.url()).resolve("/login"));
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("username", username));
        form.add(new BasicNameValuePair("password", password));
        form.add(new BasicNameValuePair("_csrf", csrf.group(1)));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        Page page = execute(post);
        for (int hops = 0; hops < 15 && page.location() != null; hops++) {
            page = get(URI.create(page.url()).resolve(page.location()).toString());
        }
        return page;
    }

    /**
     * Submits a form to {@code path} on the host of {@code formPage}, with the CSRF token found on that page, and
     * follows the redirects that come after; returns the page it ends on.
     */
    Page submit(Page formPage, String path, java.util.Map<String, String> fields) throws IOException {
        Matcher csrf = CSRF.matcher(formPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No form at " + formPage.url() + ": " + formPage.body());
        }
        HttpPost post = new HttpPost(URI.create(formPage.url()).resolve(path));
        List<NameValuePair> form = new ArrayList<>();
        fields.forEach((name, value) -> form.add(new BasicNameValuePair(name, value)));
        form.add(new BasicNameValuePair("_csrf", csrf.group(1)));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        Page page = execute(post);
        for (int hops = 0; hops < 15 && page.location() != null; hops++) {
            page = get(URI.create(page.url()).resolve(page.location()).toString());
        }
        return page;
    }

    /** Copies this client's cookies for one host to another host, as a stolen or shared cookie would travel. */
    void copyCookies(String fromHost, String toHost) {
        cookies.getCookies().stream().filter(c -> c.getDomain().equals(fromHost)).toList().forEach(c -> {
            BasicClientCookie copy = new BasicClientCookie(c.getName(), c.getValue());
            copy.setDomain(toHost);
            copy.setPath(c.getPath());
            copy.setAttribute("domain", toHost);
            cookies.addCookie(copy);
        });
    }

    /** A JSON POST with a bearer token, as a mobile app or an integration sends it. */
    Page postJson(String url, String json, String bearer) throws IOException {
        HttpPost post = new HttpPost(URI.create(url));
        post.setHeader("Authorization", "Bearer " + bearer);
        post.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(json,
                org.apache.hc.core5.http.ContentType.APPLICATION_JSON));
        return execute(post);
    }

    private Page execute(HttpUriRequestBase request) throws IOException {
        String url = request.getRequestUri().startsWith("http") ? request.getRequestUri()
                : request.getScheme() + "://" + request.getAuthority() + request.getRequestUri();
        return http.execute(request, response -> {
            var location = response.getFirstHeader("Location");
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                    StandardCharsets.UTF_8);
            int code = response.getCode();
            trail.add(request.getMethod() + " " + url + " -> " + code + (location == null ? "" : " " + location.getValue()));
            return new Page(code, url, body, code >= 300 && code < 400 && location != null ? location.getValue() : null);
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
