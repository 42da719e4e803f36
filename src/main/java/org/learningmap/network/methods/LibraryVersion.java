package org.learningmap.network.methods;

import java.time.Instant;

/** One uploaded file of an item; older versions stay downloadable. */
public record LibraryVersion(long id, long itemId, int number, String fileKey, String fileName, FileType fileType,
                             long sizeBytes, String sha256, String note, long downloads, Instant uploadedAt) {

    /** The size for people: kilobytes below a megabyte, else megabytes with one decimal. */
    public String size() {
        if (sizeBytes < 1024 * 1024) {
            return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
