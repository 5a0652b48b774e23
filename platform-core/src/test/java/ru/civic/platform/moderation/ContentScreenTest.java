package ru.civic.platform.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** What the moderators are shown: obscene words and personal data, each flagged in place and masked. */
class ContentScreenTest {

    private final ContentScreen screen = new ContentScreen();

    // --- Obscenity ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"хуй", "Хуйня", "ХУЁВЫЙ", "нахуя", "похуй", "нехуй", "дохуя", "охуеть", "пизда", "пиздец",
            "спиздили", "ебать", "ёбаный", "ебнуть", "еблан", "заебал", "заебись", "уебок", "уёбище", "выебан",
            "выёбываться", "наебали", "доебался", "отъебись", "съебался", "сьебался", "разъебали", "подъебка",
            "переебать", "проебали", "долбоёб", "бля", "блять", "блядь", "выблядок", "мудак", "мудила", "пидор",
            "пидарас", "залупа", "манда", "мандавошка", "сука", "суки", "сукин", "шлюха", "гандон", "гондон"})
    void flagsTheClassicRootsInTheirCommonForms(String word) {
        String text = "Опять " + word + " во дворе";

        assertThat(screen.containsObscenity(text)).as(word).isTrue();
        assertThat(screen.screen(text)).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.OBSCENITY);
            assertThat(text.substring(flag.start(), flag.end())).isEqualTo(word);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "xyй", // Latin x and y
            "хyйня", // Latin y only
            "CYKA", // all Latin look-alikes
            "мaндa", // Latin a in a whole-word root
            "пи3да", // 3 for з
            "6лять", // 6 for б
            "3аеб@л", // 3 and @
            "ПИЗДEЦ" // Latin E among Cyrillic capitals
    })
    void flagsObscenityWithLatinLookalikes(String word) {
        assertThat(screen.containsObscenity("Управляющая компания — " + word)).as(word).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"хуууууй", "бляяяя", "ссссука", "заееебал", "х у й", "х.у.й", "б л я т ь", "х-у-й",
            "п*зда", "х*й", "бл*ть", "б**дь", "с*ка", "ху\u200Bй", "от'ебись", "ху\u0301й"})
    void flagsObscenityDisguisedByRepeatsSpacesAndAsterisks(String disguised) {
        String text = "Ну это " + disguised + " просто";

        assertThat(screen.screen(text)).as(disguised).singleElement().satisfies(flag ->
                assertThat(text.substring(flag.start(), flag.end())).isEqualTo(disguised));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // манда, сука only as whole words
            "мандарин", "команда", "командир", "мандат", "мандолина", "мандраж", "сукно", "суконный", "сукровица",
            "сук", "суккуб",
            // бля only at the word start, not бляха
            "оскорблять", "употреблять", "рубля", "корабля", "сабля", "колеблющийся", "бляха", "бляшка",
            // еб only in the verb family
            "небеса", "колеблет", "ребёнок", "тебя", "хлеба", "хлебало", "себе", "требовать", "учебник", "гребень",
            "загребать", "погребальный", "пребывание", "вебинар", "подъезд", "съехать", "объединение", "ЕБРР",
            "подебатировать",
            // хуй only at the start or after a prefix
            "хулиган", "художник", "хутор", "хуже", "чихуахуа", "страхуй", "застрахуй", "перестрахуйся",
            "не психуй", "заштрихуй", "плохую", "сухую", "тихую",
            // the rest
            "скипидар", "лапидарный", "подорожник", "шлюз", "гондола", "мудрый", "премудрость"})
    void doesNotFlagMandarinOrInsult(String innocent) {
        assertThat(screen.screen(innocent)).as(innocent).isEmpty();
        assertThat(screen.containsObscenity(innocent)).as(innocent).isFalse();
    }

    @Test
    void findsSpelledOutLettersNextToRealOneLetterWords() {
        String text = "а я и х у й в ответ получил";

        assertThat(screen.screen(text)).singleElement().satisfies(flag ->
                assertThat(text.substring(flag.start(), flag.end())).startsWith("х у й"));
    }

    @Test
    void doesNotJoinInitialsOrAbbreviationsIntoWords() {
        String text = "Ответственный: Е. Б. Петрова, и т. д., и т.п., г. Сургут, ул. Мира, д. 5, кв. 3, корп. А, Е, Б";

        assertThat(screen.screen(text)).isEmpty();
    }

    @Test
    void doesNotReadHexIdsOrCodesAsRussianWords() {
        String text = "Заявка e6a3f0c1, цвет #e6a, трасса A30, квадрат Е6, ссылка https://example.org/x?id=a8xyejk";

        assertThat(screen.containsObscenity(text)).isFalse();
    }

    @Test
    void realCivicMessagesProduceNoObscenityFlags() {
        List<String> corpus = List.of(
                "Во дворе дома 5 по ул. Мира неделю не вывозят мусор, команда управляющей компании не отвечает.",
                "На пересечении Ленина и Гагарина огромная яма, вчера там пробило колесо, ребёнок в машине испугался.",
                "Просим заменить перегоревшие фонари на детской площадке, вечером там темно и небезопасно.",
                "В подъезде №2 с октября нет отопления, батареи холодные, жильцы употребляют обогреватели.",
                "Подрядчик обещал засыпать ямы щебнем, но гравий так и не привезли, колеблется с ответом уже месяц.",
                "Хулиганы снова разбили остановку на Садовой, просим установить камеру и усилить патрулирование.",
                "Из-за прорыва трубы во дворе стоит вода, дети ходят в школу через лужи, учебники промокли.",
                "Контейнерная площадка переполнена, мешки с мусором лежат на тротуаре, запах невыносимый.",
                "Тарифы на вывоз ТКО выросли до 180 рублей с человека, хотя график вывоза нарушается постоянно.",
                "Депутат говорил, что мандат обязывает его заниматься дорогами, но ремонт так и не начался.",
                "Прошу проверить асфальт: через месяц после укладки покрытие крошится и колеблется под ногами.",
                "На остановке у рынка продают мандарины прямо с земли, торговцы оставляют после себя коробки и мусор.",
                "Соседи употребляют оскорбления в общем чате, но проблема в другом: лифт не работает третью неделю.",
                "Управляющая компания требует оплатить замену стояка, хотя это общедомовое имущество.",
                "В сквере у школы сломаны скамейки, небо видно только сквозь сухие ветки, деревья не обрезают.",
                "Прошу застраховать детскую площадку или хотя бы заменить сломанные качели, дети травмируются.",
                "Снег с крыши не убирают, сосульки висят над входом в поликлинику, страшно проходить с ребёнком.",
                "Автобус №12 ходит раз в час вместо обещанных пятнадцати минут, люди мёрзнут на остановке.",
                "Во дворе на ул. Гребенщикова уже год стоит брошенная машина без колёс, просим эвакуировать.",
                "Горячую воду отключают без предупреждения, жалобы в диспетчерскую ни к чему не приводят.",
                "Тротуар вдоль Хлебозаводской улицы разбит, пешеходы идут по проезжей части, особенно опасно вечером.",
                "Корабельная улица осталась без освещения после замены столбов, подрядчик ссылается на кабель.",
                "В сквере у реки высадили сукно-подобный газон, но полив не наладили, всё выгорело.",
                "Жители требовали убрать свалку у гаражей, администрация обещала, но команда так и не приехала.",
                "Мусоропровод забит, в подъезде тараканы, управляющая компания ссылается на нехватку средств.",
                "Просим проверить работу котельной: температура в квартирах 16 градусов, дети болеют.");

        assertThat(corpus).allSatisfy(message -> {
            assertThat(screen.containsObscenity(message)).as(message).isFalse();
            assertThat(screen.screen(message)).as(message).noneMatch(f -> f.kind() == FlagKind.OBSCENITY);
        });
    }

    // --- Personal data -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"+7 (912) 345-67-89", "+79123456789", "+7 912 345 67 89", "+7-912-345-67-89",
            "89123456789", "8-912-345-67-89", "8 (912) 345-67-89", "8(912)3456789", "8 912 345-6789",
            "8 (3452) 12-34-56", "8 800 555-35-35"})
    void flagsPhoneInEveryCommonFormat(String phone) {
        String text = "Мой телефон " + phone + ", звоните вечером";

        assertThat(screen.screen(text)).filteredOn(f -> f.kind() == FlagKind.PHONE).singleElement()
                .satisfies(flag -> assertThat(text.substring(flag.start(), flag.end())).isEqualTo(phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Лицевой счёт 4089123456789012", "Кадастровый номер 1289123456789",
            "Номер заявки 891234567890", "Показания 89123456789123", "Дата 8.03.2024 в 12:00", "Счёт №7891234567890"})
    void ignoresLongDigitRunsThatAreNotPhones(String text) {
        assertThat(screen.screen(text)).noneMatch(f -> f.kind() == FlagKind.PHONE);
    }

    @Test
    void flagsSnilsOnlyWithValidChecksum() {
        String valid = "112-233-445 " + snilsChecksum("112233445");
        assertThat(valid).isEqualTo("112-233-445 95");
        String anotherValid = "123 456 789 " + snilsChecksum("123456789");
        String contiguous = "987654321" + snilsChecksum("987654321");

        assertThat(kinds("СНИЛС " + valid)).containsExactly(FlagKind.SNILS);
        assertThat(kinds("СНИЛС " + anotherValid)).containsExactly(FlagKind.SNILS);
        assertThat(kinds("СНИЛС " + contiguous)).contains(FlagKind.SNILS);
        assertThat(kinds("СНИЛС 112-233-445 96")).isEmpty();
        assertThat(kinds("СНИЛС 123-456-789 01")).isEmpty();
        assertThat(kinds("СНИЛС 000-000-000 00")).as("passes the arithmetic, but is no SNILS").isEmpty();
    }

    /** Weighted sums 99, 100, 101, 150 and 201: the sum itself, 00, 00, mod 101, and mod 101 = 100 read as 00. */
    @ParameterizedTest
    @CsvSource({"001239570, 99", "001326679, 00", "001508816, 00", "002894641, 49", "017996174, 00"})
    void snilsCheckNumberFollowsTheOfficialRule(String nineDigits, String check) {
        assertThat(snilsChecksum(nineDigits)).isEqualTo(check);
        assertThat(Checksum.SNILS.accepts(nineDigits + check)).isTrue();
        assertThat(Checksum.SNILS.accepts(nineDigits + (check.equals("00") ? "01" : "00"))).isFalse();
    }

    @Test
    void flagsPassportAfterTheWordPassport() {
        assertThat(flagged("Паспорт 4506 123456 выдан ОВД Центрального района", FlagKind.PASSPORT))
                .containsExactly("4506 123456");
        assertThat(flagged("мои паспортные данные: 4506123456", FlagKind.PASSPORT)).containsExactly("4506123456");
        assertThat(flagged("серия 4506 № 123456", FlagKind.PASSPORT)).containsExactly("4506 № 123456");
        assertThat(flagged("Паспорт 45 06 123456", FlagKind.PASSPORT)).containsExactly("45 06 123456");
    }

    @Test
    void flagsPassportInItsPrintedSpacedFormatWithoutAnyWord() {
        assertThat(flagged("данные 45 06 123456 прилагаю", FlagKind.PASSPORT)).containsExactly("45 06 123456");
    }

    @Test
    void ignoresTenDigitsFarFromTheWordPassport() {
        assertThat(flagged("Номер обращения 4506123456", FlagKind.PASSPORT)).isEmpty();
        assertThat(flagged("Паспорт меняла в МФЦ, там сказали ждать месяц, номер талона 4506123456",
                FlagKind.PASSPORT)).isEmpty();
    }

    @Test
    void flagsEmail() {
        String text = "Пишите на ivan.petrov-1983@mail.ru или в приёмную priemnaya@adm.surgut.ru. Не на @mail.ru";

        assertThat(flagged(text, FlagKind.EMAIL))
                .containsExactly("ivan.petrov-1983@mail.ru", "priemnaya@adm.surgut.ru");
        assertThat(flagged("почта: глава@город.рф", FlagKind.EMAIL)).containsExactly("глава@город.рф");
        assertThat(flagged("ivan@localhost и ivan@", FlagKind.EMAIL)).isEmpty();
    }

    @Test
    void flagsInnOnlyWithValidChecksum() {
        assertThat(flagged("ИНН УК 7707083893", FlagKind.INN)).containsExactly("7707083893");
        assertThat(flagged("мой ИНН 500100732259", FlagKind.INN)).containsExactly("500100732259");
        assertThat(flagged("ИНН 7707083894", FlagKind.INN)).isEmpty();
        assertThat(flagged("ИНН 500100732258", FlagKind.INN)).isEmpty();
        assertThat(flagged("номер 77070838930", FlagKind.INN)).as("11 digits").isEmpty();
    }

    @Test
    void flagsCardOnlyWhenLuhnValid() {
        assertThat(flagged("Переведите на карту 2200 1234 5678 9019", FlagKind.BANK_CARD))
                .containsExactly("2200 1234 5678 9019");
        assertThat(flagged("карта 4111-1111-1111-1111", FlagKind.BANK_CARD)).containsExactly("4111-1111-1111-1111");
        assertThat(flagged("карта 4111111111111111", FlagKind.BANK_CARD)).containsExactly("4111111111111111");
        assertThat(flagged("карта 2200 1234 5678 9010", FlagKind.BANK_CARD)).isEmpty();
        assertThat(flagged("карта 4111 1111-1111 1111", FlagKind.BANK_CARD)).as("mixed grouping").isEmpty();
        assertThat(flagged("счётчик 0000 0000 0000 0000", FlagKind.BANK_CARD)).isEmpty();
    }

    // --- Masking, offsets, order -------------------------------------------------------------------------------------

    @Test
    void masksFlaggedText() {
        assertThat(masked("звоните +7 912 345-67-67")).containsExactly("+7 9** ***-**-67");
        assertThat(masked("звоните 8 (912) 345-67-89")).containsExactly("8 (9**) ***-**-89");
        assertThat(masked("СНИЛС 112-233-445 95")).containsExactly("***-***-*** 95");
        assertThat(masked("карта 2200 1234 5678 9019")).containsExactly("**** **** **** **19");
        assertThat(masked("паспорт 4506 123456")).containsExactly("**** ****56");
        assertThat(masked("ИНН 7707083893")).containsExactly("********93");
        assertThat(masked("пишите ivan@mail.ru")).containsExactly("i***@mail.ru");
        assertThat(masked("это хуй")).containsExactly("х**");
        assertThat(masked("это х у й")).containsExactly("х * *");
        assertThat(masked("это Пи3дец")).containsExactly("П*****");
    }

    @Test
    void offsetsPointIntoOriginalText() {
        String text = "Сосед, х у й, на связи по +7 (912) 345-67-89\nи ivan@mail.ru; ИНН 7707083893, а ещё xyйня";

        List<ContentFlag> flags = screen.screen(text);

        assertThat(flags).extracting(ContentFlag::kind, f -> text.substring(f.start(), f.end())).containsExactly(
                tuple(FlagKind.OBSCENITY, "х у й"),
                tuple(FlagKind.PHONE, "+7 (912) 345-67-89"),
                tuple(FlagKind.EMAIL, "ivan@mail.ru"),
                tuple(FlagKind.INN, "7707083893"),
                tuple(FlagKind.OBSCENITY, "xyйня"));
    }

    @Test
    void flagsAreSortedByStartAndNeverOverlapWithinAKind() {
        String text = "паспорт 45 06 123456, сука, СНИЛС 112-233-445 95 и 89123456789, карта 4111111111111111 бля";

        List<ContentFlag> flags = screen.screen(text);

        assertThat(flags).isSortedAccordingTo(Comparator.comparingInt(ContentFlag::start));
        assertThat(flags).filteredOn(f -> f.kind() == FlagKind.PASSPORT).hasSize(1);
        for (ContentFlag a : flags) {
            for (ContentFlag b : flags) {
                if (a != b && a.kind() == b.kind()) {
                    assertThat(a.end() <= b.start() || b.end() <= a.start()).as(a + " / " + b).isTrue();
                }
            }
        }
    }

    @Test
    void anEmptyOrCleanTextHasNoFlags() {
        assertThat(screen.screen("")).isEmpty();
        assertThat(screen.screen("   \n ")).isEmpty();
        assertThat(screen.containsObscenity("")).isFalse();
    }

    @Test
    void aMessageOfAsterisksCannotMakeScreeningSlow() {
        String text = "п*зда бл*ть с**а ".repeat(5_000);

        List<ContentFlag> flags = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> screen.screen(text));

        assertThat(flags).isNotEmpty();
    }

    @Test
    void theVocabularyRefusesAPatternThatWouldFlagEveryWord() {
        assertThatThrownBy(() -> ObsceneVocabulary.parse("test", List.of("# comment", "хуй", "а*")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test:3");
        assertThatThrownBy(() -> ObsceneVocabulary.parse("test", List.of("# only a comment", "!exception")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no roots");
    }

    @Test
    void isASpringServiceThatNeedsNothingElseOfThePlatform() {
        try (var context = new AnnotationConfigApplicationContext(ContentScreen.class.getPackageName())) {
            assertThat(context.getBean(ContentScreen.class).containsObscenity("пиздец")).isTrue();
        }
    }

    // --- Helpers -----------------------------------------------------------------------------------------------------

    /** The official SNILS check number, computed here independently of the code under test. */
    private static String snilsChecksum(String nineDigits) {
        int sum = weightedSnilsSum(nineDigits);
        int check = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101;
        return "%02d".formatted(check == 100 ? 0 : check);
    }

    private static int weightedSnilsSum(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        return sum;
    }

    private List<FlagKind> kinds(String text) {
        return screen.screen(text).stream().map(ContentFlag::kind).toList();
    }

    private List<String> flagged(String text, FlagKind kind) {
        return screen.screen(text).stream().filter(f -> f.kind() == kind).map(f -> text.substring(f.start(), f.end()))
                .toList();
    }

    private List<String> masked(String text) {
        return screen.screen(text).stream().map(ContentFlag::masked).toList();
    }
}
