package org.learningmap.platform;

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
 * Uploaded pictures, checked and written anew. The type is decided by the file's first bytes, never by
 * its name; a picture is decoded and re-encoded to fit a box, which drops hidden metadata such as a
 * camera's GPS position: as PNG when it has transparency, else as JPEG. Each feature sets its own
 * limits and turns {@link Refused} into its own translated message.
 */
public final class Images {

    /** The formats accepted. */
    public enum Format { JPEG, PNG, WEBP }

    /** Why a file is not a usable picture. */
    public enum Problem { TYPE, DIMENSIONS, UNREADABLE }

    /** The file cannot be used; {@link #problem()} says why. */
    public static final class Refused extends Exception {
        private final Problem problem;

        Refused(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** A picture ready to store. */
    public record Processed(String contentType, int width, int height, byte[] bytes) {
    }

    private Images() {
    }

    /** The format by content sniffing, or null when it is none of the accepted ones. */
    public static Format sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            return Format.PNG;
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    /**
     * Decodes the picture (refusing one of more than {@code maxPixels}, a decompression bomb), shrinks it
     * to fit {@code maxWidth}×{@code maxHeight} keeping its proportions, and encodes it anew (a JPEG at
     * {@code jpegQuality}, 0 to 1).
     */
    public static Processed fit(byte[] bytes, long maxPixels, int maxWidth, int maxHeight, float jpegQuality) throws Refused {
        Format format = sniff(bytes);
        if (format == null) {
            throw new Refused(Problem.TYPE);
        }
        BufferedImage resized = resize(decode(bytes, format, maxPixels), maxWidth, maxHeight);
        boolean alpha = resized.getColorModel().hasAlpha();
        try {
            byte[] out = alpha ? png(resized) : jpeg(opaque(resized), jpegQuality);
            return new Processed(alpha ? "image/png" : "image/jpeg", resized.getWidth(), resized.getHeight(), out);
        } catch (IOException e) {
            throw new Refused(Problem.UNREADABLE);
        }
    }

    private static BufferedImage decode(byte[] bytes, Format format, long maxPixels) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
            if (!readers.hasNext()) {
                throw new Refused(Problem.TYPE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > maxPixels) {
                    throw new Refused(Problem.DIMENSIONS);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new Refused(Problem.UNREADABLE);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A truncated or forged file fails inside the decoder in many ways; to the person it is one error.
            throw new Refused(Problem.UNREADABLE);
        }
    }

    private static BufferedImage resize(BufferedImage image, int maxWidth, int maxHeight) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / image.getWidth(), (double) maxHeight / image.getHeight()));
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

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
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
