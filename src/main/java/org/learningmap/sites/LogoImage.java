package org.learningmap.sites;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

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
    private static final String FIELD = "logo";

    /** A logo ready to store. */
    record Processed(String contentType, int width, int height, byte[] bytes) {
    }

    private LogoImage() {
    }

    /** The format by content sniffing, or null when it is none of the accepted ones. */
    static String sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            return "png";
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "webp";
        }
        return null;
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
        BufferedImage resized = resize(decode(bytes, sniff(bytes)));
        boolean alpha = resized.getColorModel().hasAlpha();
        try {
            byte[] out = alpha ? png(resized) : jpeg(opaque(resized));
            return new Processed(alpha ? "image/png" : "image/jpeg", resized.getWidth(), resized.getHeight(), out);
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private static FieldErrors.Invalid unreadable() {
        FieldErrors errors = new FieldErrors();
        errors.reject(FIELD, "site-admin.error.logo-unreadable");
        return new FieldErrors.Invalid(errors);
    }

    private static BufferedImage decode(byte[] bytes, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.toLowerCase(Locale.ROOT));
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw unreadable();
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw unreadable();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (FieldErrors.Invalid invalid) {
            throw invalid;
        } catch (IOException | RuntimeException e) {
            // A truncated or forged file fails inside the decoder in many ways; to the person it is one error.
            throw unreadable();
        }
    }

    private static BufferedImage resize(BufferedImage image) {
        double scale = Math.min(1.0, Math.min((double) MAX_WIDTH / image.getWidth(), (double) MAX_HEIGHT / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage current = image;
        // Halving step by step keeps detail that a single large bilinear step would lose.
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2), alpha);
        }
        return draw(current, width, height, alpha);
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
            param.setCompressionQuality(0.88f);
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
