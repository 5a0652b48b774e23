package ru.civic.platform.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

/**
 * Screens a citizen's message for what a moderator should look at before it is published: obscene language (мат) and
 * personal data (phone numbers, e-mail addresses, SNILS, passport, INN and bank card numbers).
 *
 * <p>A moderator aid, not a filter: it flags and never refuses, edits or blocks. Both halves guess (a word list, digit
 * checksums) and a citizen complaining about a broken pipe must never be turned away by a guess, so the decision stays
 * with a person. Offsets point into the text as given, so a screen can highlight the fragments in place; the masked
 * form is what may be shown or logged without repeating the word or leaking the data.
 *
 * <p>Stateless and thread-safe. The obscene vocabulary is read once, from {@code moderation/obscene-roots.txt}.
 */
@Service
public class ContentScreen {

    private static final Comparator<ContentFlag> READING_ORDER = Comparator.comparingInt(ContentFlag::start)
            .thenComparingInt(ContentFlag::end)
            .thenComparing(ContentFlag::kind);

    private final ObscenityFinder obscenity;
    private final PersonalDataFinder personalData;

    public ContentScreen() {
        this.obscenity = new ObscenityFinder(ObsceneVocabulary.fromClasspath(ObsceneVocabulary.DEFAULT_LOCATION));
        this.personalData = new PersonalDataFinder();
    }

    /**
     * Everything worth a moderator's look, sorted by start offset. Fragments of different kinds may overlap (an
     * 11-digit number can be both a phone and a SNILS); fragments of one kind never do.
     */
    public List<ContentFlag> screen(String text) {
        Objects.requireNonNull(text, "text");
        List<ContentFlag> flags = new ArrayList<>(obscenity.find(text));
        flags.addAll(personalData.find(text));
        flags.sort(READING_ORDER);
        return withoutOverlapsOfOneKind(flags);
    }

    /** Whether the text contains at least one obscene word; cheaper than {@link #screen} when that is all one needs. */
    public boolean containsObscenity(String text) {
        Objects.requireNonNull(text, "text");
        return obscenity.anyIn(text);
    }

    /**
     * Two patterns of one kind can find the same number ("45 06 123456" is both the printed form of a passport and ten
     * digits after "паспорт"): the first, and on a tie the longest, is kept.
     */
    private static List<ContentFlag> withoutOverlapsOfOneKind(List<ContentFlag> sorted) {
        Map<FlagKind, ContentFlag> lastKept = new EnumMap<>(FlagKind.class);
        List<ContentFlag> kept = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ContentFlag flag = sorted.get(i);
            ContentFlag previous = lastKept.get(flag.kind());
            if (previous != null && flag.start() < previous.end()) {
                continue;
            }
            ContentFlag longest = flag;
            for (int j = i + 1; j < sorted.size() && sorted.get(j).start() == flag.start(); j++) {
                if (sorted.get(j).kind() == flag.kind() && sorted.get(j).end() > longest.end()) {
                    longest = sorted.get(j);
                }
            }
            lastKept.put(flag.kind(), longest);
            kept.add(longest);
        }
        return List.copyOf(kept);
    }
}
