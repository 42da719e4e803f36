package org.learningmap.network.methods;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/** Files in a directory ({@code learningmap.files.directory}, by default {@code ./data/files}). */
@Component
@ConditionalOnMissingBean(value = FileStore.class, ignored = FilesystemFileStore.class)
public class FilesystemFileStore implements FileStore {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9/.\\-]{0,200}");

    private final Path root;

    public FilesystemFileStore(@Value("${learningmap.files.directory:./data/files}") String directory) {
        this.root = Path.of(directory).toAbsolutePath().normalize();
    }

    private Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a file key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a file key: " + key);
        }
        return path;
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Path path = pathOf(key);
        Files.createDirectories(path.getParent());
        Path temporary = Files.createTempFile(path.getParent(), ".upload-", ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }
}
