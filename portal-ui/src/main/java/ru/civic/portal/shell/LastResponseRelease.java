package ru.civic.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.ApplicationConstants;
import org.springframework.stereotype.Component;

/**
 * Keeps no copy of a page's last response in the session.
 *
 * <p>Vaadin keeps the full text of each page's last UIDL response ({@code UIInternals.lastRequestResponse}), so it can
 * answer the same again if the browser repeats a request whose answer it lost. For a visitor who only reads, that
 * last response is the one that built the page, and it stays until the session ends: about 110 KB of heap for the
 * feed (a Java string of 55 KB of mostly Cyrillic JSON), more than the rest of the page's state together
 * (docs/benchmarks/portal-pages.md).
 *
 * <p>Once the response has been written, this replaces the copy with the answer Vaadin itself gives when it cannot
 * resynchronise a page: reload it. A repeated request after a lost answer, which is rare, then reloads the page
 * instead of replaying the answer; everything else is unchanged.
 */
@Component
class LastResponseRelease implements VaadinServiceInitListener {

    /** Vaadin's own "refresh the page" answer (a critical notification without text or URL). */
    static final String RELOAD = VaadinService.createCriticalNotificationJSON(null, null, null, null);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(new VaadinRequestInterceptor() {
            @Override
            public void requestStart(VaadinRequest request, VaadinResponse response) {
            }

            @Override
            public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession session,
                    Exception exception) {
            }

            @Override
            public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
                if (session != null && ApplicationConstants.REQUEST_TYPE_UIDL.equals(
                        request.getParameter(ApplicationConstants.REQUEST_TYPE_PARAMETER))) {
                    release(session, request.getParameter(ApplicationConstants.UI_ID_PARAMETER));
                }
            }
        });
    }

    private static void release(VaadinSession session, String uiId) {
        if (uiId == null || uiId.isEmpty() || !uiId.chars().allMatch(Character::isDigit) || uiId.length() > 9) {
            return;
        }
        session.lock();
        try {
            UI ui = session.getUIById(Integer.parseInt(uiId));
            if (ui != null && ui.getInternals().getLastRequestResponse() != null) {
                ui.getInternals().setLastRequestResponse(RELOAD);
            }
        } finally {
            session.unlock();
        }
    }
}
