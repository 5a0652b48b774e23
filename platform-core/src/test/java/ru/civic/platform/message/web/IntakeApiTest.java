package ru.civic.platform.message.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.photo.SampleImages;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * The REST intake as a mobile app uses it: each refusal names the field and says, in Russian, what is wrong
 * (RFC 9457 with field errors), and the corrected request goes through.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IntakeApiTest {

    private static final String TOMSK_JSON = """
            {"text": "Яма на дороге у дома 5", "categoryId": "potholes",
             "place": {"latitude": 56.48, "longitude": 84.95, "address": "Томск, ул. Ленина, 5"}}""";
    private static final String ZARECHNY_JSON = """
            {"text": "Не убран мусор во дворе", "categoryId": "garbage", "occurredAt": "2026-01-10T10:00:00Z",
             "place": {"latitude": 53.2, "longitude": 45.17}}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;

    private String tomskCitizen;
    private String zarechnyCitizen;

    @BeforeEach
    void citizens() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        tomskCitizen = "api-tomsk-" + marker;
        zarechnyCitizen = "api-zar-" + marker;
        TenantContext.runAs(TenantId.of("tomsk"), () -> accounts.create(tomskCitizen, "secret", "Житель Томска",
                tomskCitizen + "@example.ru", Set.of(Role.CITIZEN), null));
        TenantContext.runAs(TenantId.of("zarechny"), () -> accounts.create(zarechnyCitizen, "secret",
                "Житель Заречного", zarechnyCitizen + "@example.ru", Set.of(Role.CITIZEN), null));
    }

    private static RequestPostProcessor on(String host) {
        return r -> {
            r.setServerName(host);
            return r;
        };
    }

    private static RequestPostProcessor citizen(String username, String tenant) {
        return jwt().jwt(j -> j.subject(username).claim("tenant", tenant));
    }

    private MockMultipartHttpServletRequestBuilder withPhotos(String json, MockMultipartFile... photos) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/messages");
        request.file(new MockMultipartFile("message", "", MediaType.APPLICATION_JSON_VALUE,
                json.getBytes(StandardCharsets.UTF_8)));
        Arrays.stream(photos).forEach(request::file);
        return request;
    }

    private static MockMultipartFile photo(String name, byte[] content) {
        return new MockMultipartFile("photos", name, "image/jpeg", content);
    }

    @Test
    void acceptsMessageWithPhotoAndNumbersIt() throws Exception {
        mvc.perform(withPhotos(TOMSK_JSON, photo("yama.jpg", SampleImages.jpeg(640, 480)))
                        .with(on("tomsk.localhost")).with(citizen(tomskCitizen, "tomsk")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/messages/TOM-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.number", matchesPattern("TOM-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.status").value("MODERATION"))
                .andExpect(jsonPath("$.stageDueAt").exists());
    }

    @Test
    void refusesTextFileRenamedJpg() throws Exception {
        mvc.perform(withPhotos(TOMSK_JSON, photo("yama.jpg", "это не картинка".getBytes(StandardCharsets.UTF_8)))
                        .with(on("tomsk.localhost")).with(citizen(tomskCitizen, "tomsk")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.title").value("Проверьте введённые данные"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("photos[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("photo.format"))
                .andExpect(jsonPath("$.errors[0].message", containsString("«yama.jpg»")));
    }

    @Test
    void refusesSixthPhotoForTomsk() throws Exception {
        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < 6; i++) {
            six[i] = photo("p" + i + ".jpg", SampleImages.jpeg(64, 48));
        }
        mvc.perform(withPhotos(TOMSK_JSON, six).with(on("tomsk.localhost")).with(citizen(tomskCitizen, "tomsk")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("photos"))
                .andExpect(jsonPath("$.errors[0].code").value("photo.count"))
                .andExpect(jsonPath("$.errors[0].message").value("Можно приложить не более 5 фото, приложено 6."));
    }

    @Test
    void refusesFifthPhotoForZarechnyAndAcceptsFour() throws Exception {
        MockMultipartFile[] five = new MockMultipartFile[5];
        for (int i = 0; i < 5; i++) {
            five[i] = photo("p" + i + ".png", SampleImages.png(64, 48));
        }
        mvc.perform(withPhotos(ZARECHNY_JSON, five).with(on("zarechny.localhost"))
                        .with(citizen(zarechnyCitizen, "zarechny")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("Можно приложить не более 4 фото, приложено 5."));
        // Nothing typed is lost: the same request with four photos goes through.
        mvc.perform(withPhotos(ZARECHNY_JSON, Arrays.copyOf(five, 4)).with(on("zarechny.localhost"))
                        .with(citizen(zarechnyCitizen, "zarechny")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number", matchesPattern("ZAR-\\d{4}-\\d{6}")));
    }

    @Test
    void refusesMoreThan50MegabytesInTotal() throws Exception {
        // Valid JPEGs padded to 9 MB each (decoders ignore trailing bytes): six of them weigh 54 MB.
        byte[] padded = Arrays.copyOf(SampleImages.jpeg(64, 48), 9 * 1024 * 1024);
        MockMultipartFile[] six = new MockMultipartFile[5];
        for (int i = 0; i < 5; i++) {
            six[i] = photo("big" + i + ".jpg", padded);
        }
        byte[] bigger = Arrays.copyOf(SampleImages.jpeg(64, 48), 8 * 1024 * 1024);
        MockMultipartHttpServletRequestBuilder request = withPhotos(TOMSK_JSON, six);
        request.file(photo("big5.jpg", bigger));
        mvc.perform(request.with(on("tomsk.localhost")).with(citizen(tomskCitizen, "tomsk")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.code == 'photo.totalSize')].message")
                        .value(org.hamcrest.Matchers.hasItem(containsString("не должен превышать 50 МБ"))));
    }

    @Test
    void refusesDecompressionBomb() throws Exception {
        mvc.perform(withPhotos(TOMSK_JSON, photo("bomb.png", SampleImages.pngBomb(60000, 60000)))
                        .with(on("tomsk.localhost")).with(citizen(tomskCitizen, "tomsk")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("photo.pixels"))
                .andExpect(jsonPath("$.errors[0].message", containsString("60000×60000")));
    }

    @Test
    void refusesMessageWithoutPlace() throws Exception {
        mvc.perform(post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Яма на дороге\", \"categoryId\": \"potholes\"}")
                        .with(on("tomsk.localhost")).with(citizen(tomskCitizen, "tomsk")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("place"))
                .andExpect(jsonPath("$.errors[0].message").value("Укажите место: точку на карте или адрес."));
    }

    @Test
    void anonymousCannotSubmitAndUnpublishedMessageIsNotFoundForGuests() throws Exception {
        mvc.perform(post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).content(TOMSK_JSON)
                        .with(on("tomsk.localhost")))
                .andExpect(status().isUnauthorized());
        String body = mvc.perform(post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).content(TOMSK_JSON)
                        .with(on("tomsk.localhost")).with(citizen(tomskCitizen, "tomsk")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = body.replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/v1/messages/" + number).with(on("tomsk.localhost")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Сообщение не найдено"));
        mvc.perform(get("/api/v1/messages/" + number).with(on("tomsk.localhost")).with(citizen(tomskCitizen, "tomsk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mine").value(true))
                .andExpect(jsonPath("$.timeline[0].title").value("Сообщение получено"));
        // Another tenant's host does not know the number at all.
        mvc.perform(get("/api/v1/messages/" + number).with(on("zarechny.localhost"))
                        .with(citizen(zarechnyCitizen, "zarechny")))
                .andExpect(status().isNotFound());
        assertThat(number).startsWith("TOM-");
    }
}
