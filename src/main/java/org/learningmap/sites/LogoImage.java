package org.learningmap.sites;

import org.learningmap.platform.FieldErrors;
import java.util.Locale;
import org.learningmap.platform.Images;

/**
 * Checks and shrinks a site's logo, the way activity pictures are handled: the type is decided by
 * the file's first bytes, never by its name (PNG, JPEG or WebP, at most 1 MB); the picture is decoded
 * and written anew to fit 512×256 pixels, which drops hidden metadata; as PNG when it has
 * transparency (logos often do), else as JPEG.
 */
final class LogoImage {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_WIDTH = 512;
    static final int MAX_HEIGHT = 256;
    private static final long MAX_PIXELS = 40_000_000L;
    private static final float JPEG_QUALITY = 0.88f;
    private static final String FIELD = "logo";

    /** A logo ready to store. */
    record Processed(String contentType, int width, int height, byte[] bytes) {
    }

    private LogoImage() {
    }

    /** The format by content sniffing ("png", "jpeg" or "webp"), or null when it is none of the accepted ones. */
    static String sniff(byte[] bytes) {
        Images.Format format = Images.sniff(bytes);
        return format == null ? null : format.name().toLowerCase(Locale.ROOT);
    }

    static Processed process(byte[] bytes) {
        FieldErrors errors = new FieldErrors();
        if (bytes == null || bytes.length == 0) {
            errors.reject(FIELD, "site-admin.error.logo-empty");
        } else if (bytes.length > MAX_BYTES) {
            errors.reject(FIELD, "site-admin.error.logo-too-large", 1);
        } else if (sniff(bytes) == null) {
            errors.reject(FIELD, "site-admin.error.logo-type");
        }
        errors.throwIfAny();
        try {
            Images.Processed logo = Images.fit(bytes, MAX_PIXELS, MAX_WIDTH, MAX_HEIGHT, JPEG_QUALITY);
            return new Processed(logo.contentType(), logo.width(), logo.height(), logo.bytes());
        } catch (Images.Refused refused) {
            FieldErrors unreadable = new FieldErrors();
            unreadable.reject(FIELD, "site-admin.error.logo-unreadable");
            throw new FieldErrors.Invalid(unreadable);
        }
    }
}
