package ru.civic.platform.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data citizens put into public messages: phone numbers, e-mail addresses, SNILS, passport, INN and bank
 * card numbers. Numbers are told apart by format and control digits; what is flagged is always a digit run that stands
 * alone, never a piece cut out of a longer one (an order number, a cadastral number).
 */
final class PersonalDataFinder {

    /** What may stand between the digits of one number: spaces, hyphens, dots and brackets. */
    private static final String SEPARATOR = "[ \\t\\u00A0\\-.()]";

    /**
     * +7 or 8, then ten digits in any common grouping ("+7 (912) 345-67-89", "8-912-345-67-89", "89123456789",
     * "8 (3452) 12-34-56"). Russian codes start with 3 to 9, which keeps dates like "8.03.2024" out.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+7|8)" + SEPARATOR + "{0,2}[3-9](?:" + SEPARATOR + "{0,2}\\d){9}(?!\\d)");

    /** Possessive quantifiers: a long run of dots or letters must not make the e-mail search backtrack. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}-]++(?:\\.[\\p{L}\\p{N}-]++)++");
    private static final Pattern TOP_LEVEL_DOMAIN = Pattern.compile("\\.\\p{L}{2,}$");

    /** "123-456-789 01", "123 456 789 01", "12345678901". */
    private static final Pattern SNILS = Pattern.compile(
            "(?<!\\d)\\d{3}[- \\u00A0]?\\d{3}[- \\u00A0]?\\d{3}[- \\u00A0]?\\d{2}(?!\\d)");

    /** "45 06 123456": the form printed in the passport itself, distinctive enough to flag on its own. */
    private static final Pattern PASSPORT_SPACED = Pattern.compile(
            "(?<!\\d)\\d{2}[ \\u00A0]\\d{2}[ \\u00A0]\\d{6}(?!\\d)");
    /** "4506 123456", "4506123456", "4506 № 123456": any ten digits, so only after a word that says what they are. */
    private static final Pattern PASSPORT_ANY = Pattern.compile(
            "(?<!\\d)\\d{2}[ \\u00A0]?\\d{2}[ \\u00A0]?(?:№[ \\u00A0]?)?\\d{6}(?!\\d)");
    private static final Pattern PASSPORT_WORD = Pattern.compile(
            "паспорт|серия|серии|серию|сер\\.|пасп\\.", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How far before the number "паспорт" or "серия" may stand: "паспорт гражданина РФ серия 4506 123456". */
    private static final int PASSPORT_WORD_REACH = 30;

    /** INN is written as one run of digits; 10 for an organisation, 12 for a person. */
    private static final Pattern INN = Pattern.compile("(?<!\\d)(?:\\d{12}|\\d{10})(?!\\d)");

    /** Four groups of four, separated the same way throughout or not at all. */
    private static final Pattern BANK_CARD = Pattern.compile(
            "(?<!\\d)\\d{4}([ \\u00A0-]?)\\d{4}\\1\\d{4}\\1\\d{4}(?!\\d)");

    List<ContentFlag> find(String text) {
        List<ContentFlag> flags = new ArrayList<>();
        phones(text, flags);
        emails(text, flags);
        numbers(text, SNILS, FlagKind.SNILS, Checksum.SNILS, flags);
        passports(text, flags);
        numbers(text, INN, FlagKind.INN, Checksum.INN, flags);
        cards(text, flags);
        return flags;
    }

    private static void phones(String text, List<ContentFlag> flags) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            // The country or trunk prefix and the first digit of the code stay visible: they tell a mobile number
            // (9xx) from a city one without identifying anybody.
            flags.add(new ContentFlag(FlagKind.PHONE, m.start(), m.end(), maskDigits(m.group(), 2)));
        }
    }

    private static void emails(String text, List<ContentFlag> flags) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String address = m.group();
            int at = address.indexOf('@');
            if (at == 0 || !TOP_LEVEL_DOMAIN.matcher(address).find()) {
                continue;
            }
            // The domain stays visible: "a****@mos.ru" tells a moderator it is an official's address.
            String masked = address.charAt(0) + "*".repeat(at - 1) + address.substring(at);
            flags.add(new ContentFlag(FlagKind.EMAIL, m.start(), m.end(), masked));
        }
    }

    private static void numbers(String text, Pattern pattern, FlagKind kind, Checksum checksum,
            List<ContentFlag> flags) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (checksum.accepts(digitsOf(m.group()))) {
                flags.add(new ContentFlag(kind, m.start(), m.end(), maskDigits(m.group(), 0)));
            }
        }
    }

    private static void passports(String text, List<ContentFlag> flags) {
        Matcher spaced = PASSPORT_SPACED.matcher(text);
        while (spaced.find()) {
            flags.add(new ContentFlag(FlagKind.PASSPORT, spaced.start(), spaced.end(), maskDigits(spaced.group(), 0)));
        }
        Matcher any = PASSPORT_ANY.matcher(text);
        while (any.find()) {
            String before = text.substring(Math.max(0, any.start() - PASSPORT_WORD_REACH), any.start());
            if (PASSPORT_WORD.matcher(before).find()) {
                flags.add(new ContentFlag(FlagKind.PASSPORT, any.start(), any.end(), maskDigits(any.group(), 0)));
            }
        }
    }

    private static void cards(String text, List<ContentFlag> flags) {
        Matcher m = BANK_CARD.matcher(text);
        while (m.find()) {
            String digits = digitsOf(m.group());
            // Cards issued in Russia are Мир (2), Visa (4), Mastercard (2, 5), Maestro (5, 6), UnionPay (6), JCB (3):
            // other first digits are not cards, and 0000 0000 0000 0000 passes Luhn.
            if (digits.charAt(0) >= '2' && digits.charAt(0) <= '6' && Checksum.LUHN.accepts(digits)) {
                flags.add(new ContentFlag(FlagKind.BANK_CARD, m.start(), m.end(), maskDigits(m.group(), 0)));
            }
        }
    }

    private static String digitsOf(String fragment) {
        StringBuilder digits = new StringBuilder(fragment.length());
        for (int i = 0; i < fragment.length(); i++) {
            if (Character.isDigit(fragment.charAt(i))) {
                digits.append(fragment.charAt(i));
            }
        }
        return digits.toString();
    }

    /**
     * Every digit but the first {@code keepLeading} and the last two becomes an asterisk; the formatting stays, so the
     * moderator still sees what kind of number it was: "***-***-*** 95", "**** **** **** **67".
     */
    static String maskDigits(String fragment, int keepLeading) {
        int total = digitsOf(fragment).length();
        StringBuilder masked = new StringBuilder(fragment.length());
        int seen = 0;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen <= keepLeading || seen > total - 2 ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
