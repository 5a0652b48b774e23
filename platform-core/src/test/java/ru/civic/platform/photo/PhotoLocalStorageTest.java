package ru.civic.platform.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.civic.platform.photo.internal.LocalDirectoryPhotoStorage;

class PhotoLocalStorageTest {

    @TempDir
    Path parent;

    @Test
    void localStorageRefusesPathTraversal() throws IOException {
        Path root = parent.resolve("photos");
        Files.writeString(parent.resolve("secret.txt"), "outside the photo directory");
        LocalDirectoryPhotoStorage storage = new LocalDirectoryPhotoStorage(root);

        for (String key : List.of("../secret.txt", "tomsk/../../secret.txt", "tomsk/./x.jpg", "/etc/passwd",
                "tomsk\\..\\..\\secret.txt", "tomsk//x.jpg", "", "tomsk/", ".hidden", "tomsk/..", "..",
                "tomsk/x.jpg\0.png", "C:/x.jpg", "tomsk/%2e%2e/x.jpg")) {
            assertThatThrownBy(() -> storage.get(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.put(key, new byte[] {1}, "image/jpeg")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> storage.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(parent.resolve("secret.txt"))).isEqualTo("outside the photo directory");
        assertThat(root).doesNotExist();
    }

    @Test
    void storesReplacesReadsAndDeletes() throws IOException {
        Path root = parent.resolve("photos");
        LocalDirectoryPhotoStorage storage = new LocalDirectoryPhotoStorage(root);
        String key = "tomsk/2026/03/0b9f1c4e-0000-4000-8000-000000000001.jpg";

        assertThat(storage.get(key)).isEmpty();
        storage.put(key, new byte[] {1, 2, 3}, "image/jpeg");
        storage.put(key, new byte[] {4, 5}, "image/jpeg");

        assertThat(storage.get(key)).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
        assertThat(root.resolve(key)).exists();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).as("no temp files left behind")
                    .containsExactly(root.resolve(key));
        }
        storage.delete(key);
        storage.delete(key);
        assertThat(storage.get(key)).isEmpty();
    }
}
