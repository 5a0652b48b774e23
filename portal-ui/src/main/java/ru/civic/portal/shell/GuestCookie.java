package ru.civic.portal.shell;

import java.util.UUID;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;

/**
 * The random id a guest is known by for supports and guest votes: read from the platform's cookie (the same one the
 * REST API reads), issued for a year when the browser has none. It identifies a browser, not a person.
 */
public final class GuestCookie {

    public static final String NAME = "civic_guest";

    private GuestCookie() {
    }

    public static UUID id() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (NAME.equals(cookie.getName())) {
                    try {
                        return UUID.fromString(cookie.getValue());
                    } catch (IllegalArgumentException ignored) {
                        // a broken value is replaced below
                    }
                }
            }
        }
        UUID id = UUID.randomUUID();
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(NAME, id.toString());
            cookie.setHttpOnly(true);
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            response.addCookie(cookie);
        }
        return id;
    }
}
