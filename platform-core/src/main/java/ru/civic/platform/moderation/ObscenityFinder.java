package ru.civic.platform.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds obscene words. Works word by word, never on the raw text, so that a root can only be matched where the
 * vocabulary allows it (at a word start, as a whole word, after a prefix): that is what keeps "рубля", "команда" and
 * "оскорблять" clean. Before the vocabulary sees a word, the disguises people use to get past filters are undone:
 * Latin and digit look-alikes, repeated letters, letters spelled out with spaces or dots ("х у й", "б.л.я") and
 * asterisks standing for one letter ("п*зда").
 */
final class ObscenityFinder {

    /** A word may hide at most this many letters behind asterisks; with more there is too little left to judge. */
    private static final int MAX_PLACEHOLDERS = 2;
    /**
     * Filling in asterisks costs up to 32² vocabulary checks per word; past this many disguised words in one message
     * the rest are judged as written, so a message made of asterisks cannot make screening slow.
     */
    private static final int MAX_PLACEHOLDER_WORDS_PER_TEXT = 64;
    /** Letters spelled out one by one are joined when at least this many follow each other ("Е. Б. Петрова" is not). */
    private static final int MIN_SPELLED_LETTERS = 3;
    /** The longest word looked for among spelled-out letters; bounds the work on a long run of one-letter words. */
    private static final int MAX_SPELLED_LETTERS = 12;
    /** The widest gap between spelled-out letters: "х у й", "х. у. й", "х - у - й". */
    private static final int MAX_SPELLING_GAP = 3;
    private static final String SPELLING_SEPARATORS = ".-_*/|+~·•";
    private static final String ALPHABET = "абвгдежзийклмнопрстуфхцчшщъыьэюя";

    /** Latin (and a few Greek) letters that look like Cyrillic ones, lower case, and the letter each stands for. */
    private static final Map<Character, Character> LATIN_LOOKALIKES = Map.ofEntries(
            Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'), Map.entry('o', 'о'), Map.entry('k', 'к'),
            Map.entry('m', 'м'), Map.entry('h', 'н'), Map.entry('t', 'т'), Map.entry('p', 'р'), Map.entry('x', 'х'),
            Map.entry('y', 'у'), Map.entry('u', 'и'), Map.entry('n', 'п'), Map.entry('i', 'и'), Map.entry('r', 'г'),
            Map.entry('α', 'а'), Map.entry('ο', 'о'), Map.entry('ε', 'е'), Map.entry('κ', 'к'), Map.entry('ρ', 'р'),
            Map.entry('χ', 'х'), Map.entry('τ', 'т'), Map.entry('μ', 'м'));
    /** Digits and symbols that stand for letters: "3аебал", "6ля", "д0лбоёб", "cyk@". */
    private static final Map<Character, Character> SYMBOL_LOOKALIKES = Map.of('3', 'з', '0', 'о', '6', 'б', '@', 'а');

    private final ObsceneVocabulary vocabulary;

    ObscenityFinder(ObsceneVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<ContentFlag> find(String text) {
        return scan(text, false);
    }

    boolean anyIn(String text) {
        return !scan(text, true).isEmpty();
    }

    /** A word as written (invisible characters dropped) and where it stands in the original text. */
    private record Word(int start, int end, String written) {
    }

    /** How many more disguised words this screening may spend the expensive check on. */
    private static final class Budget {
        private int placeholderWords = MAX_PLACEHOLDER_WORDS_PER_TEXT;
    }

    private List<ContentFlag> scan(String text, boolean firstOnly) {
        List<ContentFlag> flags = new ArrayList<>();
        Budget budget = new Budget();
        List<Word> words = tokenise(text);
        int i = 0;
        while (i < words.size() && !(firstOnly && !flags.isEmpty())) {
            int last = i;
            while (isSingleLetter(words.get(i)) && last + 1 < words.size() && isSingleLetter(words.get(last + 1))
                    && isSpellingGap(text, words.get(last).end(), words.get(last + 1).start())) {
                last++;
            }
            if (last - i + 1 >= MIN_SPELLED_LETTERS) {
                flagSpelledOut(text, words.subList(i, last + 1), budget, flags);
            } else if (isObscene(words.get(i).written(), budget)) {
                flags.add(flag(text, words.get(i).start(), words.get(i).end()));
            }
            i = last + 1;
        }
        return flags;
    }

    /**
     * Letters spelled out one by one ("х у й", "б.л.я.т.ь"), joined into words. Real one-letter words (и, в, у, с,
     * а, я) often stand right next to them, so every stretch of the run is tried, from the earliest start and the longest
     * stretch: "и х у й" is flagged from "х" on. A following one-letter word may end up inside the flag; it is better
     * to show a moderator one letter too many than to miss the word.
     */
    private void flagSpelledOut(String text, List<Word> run, Budget budget, List<ContentFlag> flags) {
        int from = 0;
        while (from + MIN_SPELLED_LETTERS <= run.size()) {
            int found = -1;
            for (int to = Math.min(run.size(), from + MAX_SPELLED_LETTERS); to - from >= MIN_SPELLED_LETTERS; to--) {
                StringBuilder joined = new StringBuilder();
                run.subList(from, to).forEach(letter -> joined.append(letter.written()));
                if (isObscene(joined.toString(), budget)) {
                    found = to;
                    break;
                }
            }
            if (found < 0) {
                from++;
            } else {
                flags.add(flag(text, run.get(from).start(), run.get(found - 1).end()));
                from = found;
            }
        }
    }

    private static ContentFlag flag(String text, int start, int end) {
        return new ContentFlag(FlagKind.OBSCENITY, start, end, mask(text, start, end));
    }

    // --- Tokenising ------------------------------------------------------------------------------------------------

    private static List<Word> tokenise(String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder written = new StringBuilder();
        int start = -1;
        int end = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                // A decomposed "й" (и + combining breve) must still read as й; other marks (stress) hide nothing.
                if (c == '\u0306' && !written.isEmpty() && Character.toLowerCase(lastOf(written)) == 'и') {
                    written.setCharAt(written.length() - 1, 'й');
                }
                continue;
            }
            boolean partOfWord = Character.isLetterOrDigit(c) || c == '@'
                    // An asterisk hides a letter inside or at the end of a word; on its own or in front it is
                    // emphasis or a footnote.
                    || (c == '*' && !written.isEmpty())
                    // "от'ебись", "под'езд": an apostrophe between letters is typed for the hard sign.
                    || (isApostrophe(c) && !written.isEmpty() && Character.isLetter(lastOf(written))
                            && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)));
            if (partOfWord) {
                if (written.isEmpty()) {
                    start = i;
                }
                written.append(isApostrophe(c) ? 'ъ' : c);
                end = i + 1;
            } else if (!written.isEmpty()) {
                words.add(new Word(start, end, written.toString()));
                written.setLength(0);
            }
        }
        if (!written.isEmpty()) {
            words.add(new Word(start, end, written.toString()));
        }
        return words;
    }

    private static char lastOf(StringBuilder written) {
        return written.charAt(written.length() - 1);
    }

    private static boolean isSingleLetter(Word word) {
        return word.written().length() == 1 && Character.isLetter(word.written().charAt(0));
    }

    /**
     * Spaces, dots, hyphens and the like, at most three: "х у й", "х. у. й", "х - у - й". Not commas or other sentence
     * punctuation, and not a line break: "у, е, б" are three separate words of a list, not one spelled out.
     */
    private static boolean isSpellingGap(String text, int from, int to) {
        if (to - from > MAX_SPELLING_GAP) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c == ' ' || c == '\u00A0' || c == '\t' || SPELLING_SEPARATORS.indexOf(c) >= 0 || isInvisible(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
                || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '`';
    }

    // --- Judging a word ----------------------------------------------------------------------------------------------

    private boolean isObscene(String written, Budget budget) {
        String word = normalise(written);
        int placeholders = 0;
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) == '*') {
                placeholders++;
            } else if (Character.isLetter(word.charAt(i))) {
                letters++;
            }
        }
        if (letters < 2) {
            return false;
        }
        if (placeholders == 0) {
            return matches(word);
        }
        if (placeholders > MAX_PLACEHOLDERS || placeholders >= letters || budget.placeholderWords <= 0) {
            return matches(word.replace("*", ""));
        }
        budget.placeholderWords--;
        return anyFillingMatches(word);
    }

    /** Tries every letter in place of each asterisk: "п*зда" is obscene because "пизда" is. */
    private boolean anyFillingMatches(String word) {
        int hole = word.indexOf('*');
        if (hole < 0) {
            return matches(word);
        }
        for (int i = 0; i < ALPHABET.length(); i++) {
            if (anyFillingMatches(word.substring(0, hole) + ALPHABET.charAt(i) + word.substring(hole + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tries the word with repeated letters collapsed ("хууууй"), and as written too: collapsing would turn the real
     * double letter of "переебать" into "перебать".
     */
    private boolean matches(String word) {
        if (vocabulary.isObscene(word)) {
            return true;
        }
        String collapsed = collapseRepeats(word);
        return !collapsed.equals(word) && vocabulary.isObscene(collapsed);
    }

    /**
     * Lower case, ё as е, and look-alikes read as Cyrillic. Latin look-alikes are read as Cyrillic only in a word that
     * has Cyrillic letters or consists of look-alikes alone ("xyй", "CYKA"); digits only in a word with at least two
     * Cyrillic letters ("3аебал", "6ля"). So a hex id like "e6a3", a reference like "A30" or a grid square "Е6" never
     * turns into a Russian word.
     */
    static String normalise(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        int cyrillicLetters = 0;
        boolean allLookalikes = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                cyrillicLetters++;
            } else if (!LATIN_LOOKALIKES.containsKey(c) && c != '@' && c != '*') {
                allLookalikes = false;
            }
        }
        boolean readLatin = cyrillicLetters > 0 || allLookalikes;
        boolean readSymbols = cyrillicLetters >= 2;
        StringBuilder normal = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == 'ё') {
                normal.append('е');
            } else if (c == 'і') {
                normal.append('и');
            } else if (readLatin && LATIN_LOOKALIKES.containsKey(c)) {
                normal.append(LATIN_LOOKALIKES.get(c));
            } else if (SYMBOL_LOOKALIKES.containsKey(c) && (readSymbols || (readLatin && c == '@'))) {
                normal.append(SYMBOL_LOOKALIKES.get(c));
            } else {
                normal.append(c);
            }
        }
        return normal.toString();
    }

    static String collapseRepeats(String word) {
        StringBuilder collapsed = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i == 0 || c != word.charAt(i - 1) || c == '*') {
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }

    /** The first character as written, every other letter or digit as an asterisk, gaps kept: "х у й" → "х * *". */
    private static String mask(String text, int start, int end) {
        StringBuilder masked = new StringBuilder(end - start);
        boolean first = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            boolean wordChar = Character.isLetterOrDigit(c) || c == '@' || c == '*';
            masked.append(wordChar && !first ? '*' : c);
            first &= !wordChar;
        }
        return masked.toString();
    }
}
