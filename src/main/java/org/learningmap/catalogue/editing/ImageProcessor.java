package org.learningmap.catalogue.editing;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Checks and shrinks activity pictures. The type is decided by the file's first bytes, never by its
 * name: only JPEG, PNG and WebP are accepted, at most 5 MB. Every picture is decoded and written
 * anew at most 1200 pixels wide, which also drops hidden metadata such as a camera's GPS position:
 * as JPEG, or as PNG when it has transparency.
 */
final class ImageProcessor {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_WIDTH = 1200;
    /** Refuses decompression bombs: a small file that claims an enormous picture. */
    static final long MAX_PIXELS = 50_000_000L;

    /** A picture ready to store. */
    record Processed(String contentType, int width, int height, byte[] bytes) {
    }

    enum Type { JPEG, PNG, WEBP }

    private ImageProcessor() {
    }

    /** The type by content sniffing, or null when it is none of the accepted ones. */
    static Type sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return Type.JPEG;
        }
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            return Type.PNG;
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return Type.WEBP;
        }
        return null;
    }

    static Processed process(byte[] bytes) throws InvalidInput {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput(FieldProblem.of("image", "image.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput(FieldProblem.of("image", "image.too-large", MAX_BYTES / (1024 * 1024)));
        }
        Type type = sniff(bytes);
        if (type == null) {
            throw new InvalidInput(FieldProblem.of("image", "image.type"));
        }
        BufferedImage image = decode(bytes, type);
        BufferedImage resized = resize(image);
        boolean alpha = resized.getColorModel().hasAlpha();
        try {
            byte[] out = alpha ? png(resized) : jpeg(opaque(resized));
            return new Processed(alpha ? "image/png" : "image/jpeg", resized.getWidth(), resized.getHeight(), out);
        } catch (IOException e) {
            throw new InvalidInput(FieldProblem.of("image", "image.unreadable"));
        }
    }

    private static BufferedImage decode(byte[] bytes, Type type) throws InvalidInput {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.name().toLowerCase(java.util.Locale.ROOT));
            if (!readers.hasNext()) {
                throw new InvalidInput(FieldProblem.of("image", "image.type"));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new InvalidInput(FieldProblem.of("image", "image.dimensions"));
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InvalidInput(FieldProblem.of("image", "image.unreadable"));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A truncated or forged file fails inside the decoder in many ways; to the person it is one error.
            throw new InvalidInput(FieldProblem.of("image", "image.unreadable"));
        }
    }

    private static BufferedImage resize(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int targetWidth = Math.min(width, MAX_WIDTH);
        int targetHeight = Math.max(1, (int) Math.round((double) height * targetWidth / width));
        BufferedImage current = image;
        // Halving step by step keeps detail that a single large bilinear step would lose.
        while (current.getWidth() / 2 >= targetWidth) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2), alpha);
        }
        return draw(current, targetWidth, targetHeight, alpha);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return rgb;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.82f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
