package ru.civic.portal.shell;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Vaadin's texts come from the same Spring message bundles as the server's: Russian by default, English too. */
@Component
class MessageSourceI18NProvider implements I18NProvider {

    private static final List<Locale> LOCALES = List.of(Locale.of("ru"), Locale.ENGLISH);
    private final MessageSource messages;

    MessageSourceI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params, "!" + key, locale == null ? LOCALES.getFirst() : locale);
    }
}
