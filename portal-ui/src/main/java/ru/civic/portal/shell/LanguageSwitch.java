package ru.civic.portal.shell;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;

/**
 * The RU / EN switch in the header: the chosen language holds for the rest of the visit (the session), on this page
 * at once and on every page opened after it. Until a visitor chooses, pages start in the tenant's default language.
 */
public class LanguageSwitch extends Span {

    /** Where the chosen language is kept in the session; {@link TenantLocale} reads it for every new page. */
    static final String SESSION_ATTRIBUTE = LanguageSwitch.class.getName() + ".locale";

    private static final List<Locale> LANGUAGES = List.of(Locale.of("ru"), Locale.ENGLISH);

    public LanguageSwitch() {
        addClassName("civic-language-switch");
        getStyle().set("display", "inline-flex").set("gap", "var(--lumo-space-xs)");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", getTranslation("portal.language.label"));
        Locale current = UI.getCurrent() == null ? LANGUAGES.getFirst() : UI.getCurrent().getLocale();
        for (Locale language : LANGUAGES) {
            Button button = new Button(language.getLanguage().toUpperCase(Locale.ROOT), e -> choose(language));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            button.getStyle().set("color", "inherit");
            button.getElement().setAttribute("lang", language.getLanguage());
            button.getElement().setAttribute("aria-label", getTranslation("portal.language." + language.getLanguage()));
            boolean selected = language.getLanguage().equals(current.getLanguage());
            button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
            if (selected) {
                button.getStyle().set("font-weight", "700").set("text-decoration", "underline");
            }
            add(button);
        }
    }

    /** The language chosen in this session, if the visitor chose one. */
    static Locale chosen(VaadinSession session) {
        return session == null ? null : (Locale) session.getAttribute(SESSION_ATTRIBUTE);
    }

    private static void choose(Locale language) {
        UI ui = UI.getCurrent();
        ui.getSession().setAttribute(SESSION_ATTRIBUTE, language);
        ui.setLocale(language);
        // Rebuild the page and its frame in the new language, without a reload.
        ui.refreshCurrentRoute(true);
    }
}
