package ru.civic.platform.photo;

import java.util.Optional;

/**
 * Where photo bytes live. Keys are {@code /}-separated paths of letters, digits, {@code . _ -}; implementations refuse
 * anything else (no {@code ..}, no absolute paths) with {@link IllegalArgumentException}. Failures to reach the
 * store are {@link java.io.UncheckedIOException}s.
 */
public interface PhotoStorage {

    /** Stores the bytes under the key, replacing what was there; readers never see a half-written object. */
    void put(String key, byte[] content, String contentType);

    /** The bytes under the key, or empty when there are none. */
    Optional<byte[]> get(String key);

    /** Removes the key; nothing happens when it does not exist. */
    void delete(String key);
}
