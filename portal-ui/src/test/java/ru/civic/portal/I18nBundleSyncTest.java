package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text of every bundle (core, portal, back office) exists in Russian, the default, and in English, and none
 * is empty.
 */
class I18nBundleSyncTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundleSyncTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "portal", "admin"})
    void russianAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties ru = load("/i18n/" + bundle + ".properties");
        Properties en = load("/i18n/" + bundle + "_en.properties");

        assertThat(en.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        assertThat(ru.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(String.join(" ", ru.values().stream().map(Object::toString).toList()))
                .as("the default bundle is Russian").containsPattern("[А-Яа-яЁё]");
    }
}
