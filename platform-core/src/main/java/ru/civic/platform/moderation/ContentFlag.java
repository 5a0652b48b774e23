package ru.civic.platform.moderation;

import java.util.Objects;

/**
 * A fragment of a message that a moderator should look at.
 *
 * @param kind   what was found
 * @param start  offset of the first character in the original text
 * @param end    offset just past the last character in the original text ({@code text.substring(start, end)})
 * @param masked the fragment as it may be shown in moderation screens and logs, e.g. {@code "+7 9** ***-**-67"} or
 *               {@code "х**"}: enough to judge, not enough to reuse the data or to repeat the word
 */
public record ContentFlag(FlagKind kind, int start, int end, String masked) {

    public ContentFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(masked, "masked");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Invalid range [" + start + ", " + end + ")");
        }
    }
}
