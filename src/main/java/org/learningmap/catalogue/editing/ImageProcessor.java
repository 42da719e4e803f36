package org.learningmap.catalogue.editing;

import org.learningmap.platform.Images;

/**
 * Checks and shrinks activity pictures: only JPEG, PNG and WebP (by their first bytes, never by the
 * name), at most 5 MB, written anew at most 1200 pixels wide, which also drops hidden metadata such as
 * a camera's GPS position (see {@link Images}).
 */
final class ImageProcessor {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_WIDTH = 1200;
    /** Refuses decompression bombs: a small file that claims an enormous picture. */
    static final long MAX_PIXELS = 50_000_000L;
    private static final float JPEG_QUALITY = 0.82f;

    /** A picture ready to store. */
    record Processed(String contentType, int width, int height, byte[] bytes) {
    }

    enum Type { JPEG, PNG, WEBP }

    private ImageProcessor() {
    }

    /** The type by content sniffing, or null when it is none of the accepted ones. */
    static Type sniff(byte[] bytes) {
        Images.Format format = Images.sniff(bytes);
        return format == null ? null : Type.valueOf(format.name());
    }

    static Processed process(byte[] bytes) throws InvalidInput {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput(FieldProblem.of("image", "image.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput(FieldProblem.of("image", "image.too-large", MAX_BYTES / (1024 * 1024)));
        }
        try {
            Images.Processed image = Images.fit(bytes, MAX_PIXELS, MAX_WIDTH, Integer.MAX_VALUE, JPEG_QUALITY);
            return new Processed(image.contentType(), image.width(), image.height(), image.bytes());
        } catch (Images.Refused refused) {
            throw new InvalidInput(FieldProblem.of("image", switch (refused.problem()) {
                case TYPE -> "image.type";
                case DIMENSIONS -> "image.dimensions";
                case UNREADABLE -> "image.unreadable";
            }));
        }
    }
}
