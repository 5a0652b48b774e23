package ru.civic.platform.photo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import ru.civic.platform.photo.PhotoStorage;

/**
 * Photos as files under one directory, the key being the relative path. For a single node or a shared volume;
 * a cluster without a shared volume uses {@link S3PhotoStorage}. The content type is not kept: it follows from the
 * key's extension.
 */
public final class LocalDirectoryPhotoStorage implements PhotoStorage {

    private final Path root;

    public LocalDirectoryPhotoStorage(Path directory) {
        // Nothing is created here: the directory appears with the first photo, so a node that never stores photos
        // (or a test context) leaves no trace on disk.
        this.root = directory.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            // Written next to the target and then moved over it, so a reader sees the old file or the whole new
            // one, never a half-written photo, and a crash leaves at most a stray temp file.
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                Files.write(temp, content);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store photo " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path file = resolve(key);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read photo " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete photo " + key, e);
        }
    }

    /**
     * The file for a key, refusing any key that could leave the directory. Keys are made by the platform, but
     * {@code read} takes them from URLs, so a {@code ../} must never reach the file system.
     */
    Path resolve(String key) {
        Path file = root.resolve(new StorageKey(key).value()).normalize();
        // StorageKey already excludes "..", absolute paths and backslashes; this is the second lock on the door.
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("Invalid photo key: " + key);
        }
        return file;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
