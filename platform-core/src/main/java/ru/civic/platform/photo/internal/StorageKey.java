package ru.civic.platform.photo.internal;

import java.util.regex.Pattern;

/**
 * A key a {@link ru.civic.platform.photo.PhotoStorage} accepts: {@code /}-separated segments of letters, digits,
 * dot, dash and underscore, no segment starting with a dot. This rules out {@code ..}, {@code .}, empty segments,
 * absolute paths and backslashes, whatever the store does with keys underneath.
 */
public record StorageKey(String value) {

    private static final Pattern FORMAT =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final int MAX_LENGTH = 512;

    public StorageKey {
        if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid photo key: " + value);
        }
    }

    public String[] segments() {
        return value.split("/");
    }
}
