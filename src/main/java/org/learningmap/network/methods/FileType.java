package org.learningmap.network.methods;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.learningmap.platform.Images;

/**
 * The files the library accepts, each recognised by its content (never by its name) and with its own
 * size limit. The name's extension must agree with the content: a program renamed {@code .pdf} is refused.
 */
public enum FileType {
    PDF("application/pdf", 20, "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 20, "docx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", 50, "pptx"),
    ODT("application/vnd.oasis.opendocument.text", 20, "odt"),
    ZIP("application/zip", 50, "zip"),
    PNG("image/png", 5, "png"),
    JPG("image/jpeg", 5, "jpg", "jpeg"),
    MP4("video/mp4", 200, "mp4");

    private final String contentType;
    private final int maxMegabytes;
    private final List<String> extensions;

    FileType(String contentType, int maxMegabytes, String... extensions) {
        this.contentType = contentType;
        this.maxMegabytes = maxMegabytes;
        this.extensions = List.of(extensions);
    }

    public String contentType() {
        return contentType;
    }

    public int maxMegabytes() {
        return maxMegabytes;
    }

    public long maxBytes() {
        return maxMegabytes * 1024L * 1024L;
    }

    public String extension() {
        return extensions.getFirst();
    }

    public boolean named(String fileName) {
        return extensions.contains(extensionOf(fileName));
    }

    static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    /** What the bytes are, by their signature and, for zip containers, the entries inside. */
    public static Optional<FileType> sniff(byte[] bytes) {
        if (bytes == null || bytes.length < 8) {
            return Optional.empty();
        }
        if (bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-') {
            return Optional.of(PDF);
        }
        Images.Format image = Images.sniff(bytes);
        if (image == Images.Format.PNG) {
            return Optional.of(PNG);
        }
        if (image == Images.Format.JPEG) {
            return Optional.of(JPG);
        }
        if (bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p') {
            return Optional.of(MP4);
        }
        if (bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return zipKind(bytes);
        }
        return Optional.empty();
    }

    /**
     * A zip, or one of the office formats that are zips with known entries inside; empty when unreadable.
     * Only the central directory is read (and the few bytes of an OpenDocument's "mimetype"), so a
     * zip bomb is never inflated.
     */
    private static Optional<FileType> zipKind(byte[] bytes) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile("library-", ".zip");
            Files.write(temporary, bytes);
            try (ZipFile zip = new ZipFile(temporary.toFile())) {
                ZipEntry mimetype = zip.getEntry("mimetype");
                if (mimetype != null) {
                    try (InputStream in = zip.getInputStream(mimetype)) {
                        if (new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip().equals(ODT.contentType)) {
                            return Optional.of(ODT);
                        }
                    }
                }
                if (zip.size() == 0) {
                    return Optional.empty();
                }
                if (zip.getEntry("word/document.xml") != null) {
                    return Optional.of(DOCX);
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return Optional.of(PPTX);
                }
                return Optional.of(ZIP);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }
}
