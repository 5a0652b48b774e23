package ru.civic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every text exists in Russian (the default) and English, and none is empty. */
class I18nBundleSyncTest {

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundleSyncTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void russianAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties ru = load("/i18n/messages.properties");
        Properties en = load("/i18n/messages_en.properties");

        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        assertThat(ru.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(ru.getProperty("login.submit")).isEqualTo("Войти");
    }
}
