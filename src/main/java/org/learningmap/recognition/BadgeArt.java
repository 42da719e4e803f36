package org.learningmap.recognition;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.springframework.core.io.ClassPathResource;

/**
 * The default picture of a badge: a medal in the site's colours with a star emblem, the badge's
 * initials and its short name on a ribbon. Drawn with the DejaVu fonts kept with the application,
 * as a 512 × 512 PNG and as an SVG of the same design.
 */
final class BadgeArt {

    static final int SIZE = 512;
    private static final Font BOLD = load("fonts/dejavu/DejaVuSans-Bold.ttf");

    private BadgeArt() {
    }

    record Design(String initials, String shortName, Color primary, Color accent, Color ink, Color ribbonInk) {
    }

    static Design design(String name, String primaryHex, String accentHex) {
        Color primary = colour(primaryHex, new Color(0x1d4ed8));
        Color accent = colour(accentHex, new Color(0xb45309));
        return new Design(initials(name), shortName(name), primary, accent, readableOn(primary), readableOn(accent));
    }

    static byte[] png(Design d) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(d.accent());
            g.fill(new Ellipse2D.Double(16, 16, 480, 480));
            g.setColor(d.primary());
            g.fill(new Ellipse2D.Double(40, 40, 432, 432));
            g.setColor(d.ink());
            g.setStroke(new BasicStroke(6f));
            g.draw(new Ellipse2D.Double(62, 62, 388, 388));
            g.fill(star(256, 138, 46, 19));
            drawCentred(g, d.initials(), BOLD.deriveFont(d.initials().length() > 2 ? 104f : 128f), 300, 340);
            g.setColor(d.accent());
            g.fill(new RoundRectangle2D.Double(56, 356, 400, 76, 24, 24));
            g.setColor(d.ribbonInk());
            drawCentred(g, d.shortName(), BOLD.deriveFont(34f), 407, 372);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String svg(Design d, String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512" role="img">
                  <title>%1$s</title>
                  <circle cx="256" cy="256" r="240" fill="%2$s"/>
                  <circle cx="256" cy="256" r="216" fill="%3$s"/>
                  <circle cx="256" cy="256" r="194" fill="none" stroke="%4$s" stroke-width="6"/>
                  <path d="%5$s" fill="%4$s"/>
                  <text x="256" y="300" text-anchor="middle" font-family="DejaVu Sans, Verdana, sans-serif" font-weight="bold" font-size="%6$s" fill="%4$s">%7$s</text>
                  <rect x="56" y="356" width="400" height="76" rx="12" fill="%2$s"/>
                  <text x="256" y="407" text-anchor="middle" font-family="DejaVu Sans, Verdana, sans-serif" font-weight="bold" font-size="34" fill="%8$s">%9$s</text>
                </svg>
                """.formatted(xml(title), hex(d.accent()), hex(d.primary()), hex(d.ink()), starPath(256, 138, 46, 19),
                d.initials().length() > 2 ? "104" : "128", xml(d.initials()), hex(d.ribbonInk()), xml(d.shortName()));
    }

    /** An SVG showing an uploaded picture (the SVG version of a badge whose picture was uploaded). */
    static String svgAround(byte[] png, String contentType, String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="512" height="512" viewBox="0 0 512 512" role="img">
                  <title>%s</title>
                  <image width="512" height="512" preserveAspectRatio="xMidYMid meet" href="data:%s;base64,%s"/>
                </svg>
                """.formatted(xml(title), contentType, Base64.getEncoder().encodeToString(png));
    }

    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : (name == null ? "" : name).strip().split("[\\s\\-–—:,.()/]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int first = word.codePointAt(0);
            if (Character.isLetterOrDigit(first)) {
                out.appendCodePoint(Character.toUpperCase(first));
            }
            if (out.codePointCount(0, out.length()) == 3) {
                break;
            }
        }
        return out.isEmpty() ? "★" : out.toString();
    }

    static String shortName(String name) {
        String text = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= 20) {
            return text;
        }
        int cut = text.offsetByCodePoints(0, 19);
        int space = text.lastIndexOf(' ', cut);
        return (space > 8 ? text.substring(0, space) : text.substring(0, cut)).strip() + "…";
    }

    private static void drawCentred(Graphics2D g, String text, Font font, int baseline, int maxWidth) {
        Font fitted = font;
        FontMetrics metrics = g.getFontMetrics(fitted);
        while (metrics.stringWidth(text) > maxWidth && fitted.getSize2D() > 12) {
            fitted = fitted.deriveFont(fitted.getSize2D() - 2f);
            metrics = g.getFontMetrics(fitted);
        }
        g.setFont(fitted);
        g.drawString(text, (SIZE - metrics.stringWidth(text)) / 2f, baseline);
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double angle = Math.PI / 5 * i - Math.PI / 2;
            double x = cx + r * Math.cos(angle);
            double y = cy + r * Math.sin(angle);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static String starPath(double cx, double cy, double outer, double inner) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double angle = Math.PI / 5 * i - Math.PI / 2;
            d.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", cx + r * Math.cos(angle), cy + r * Math.sin(angle)));
        }
        return d.append("Z").toString();
    }

    private static Color colour(String hex, Color fallback) {
        if (hex != null && hex.matches("#[0-9a-fA-F]{6}")) {
            return new Color(Integer.parseInt(hex.substring(1), 16));
        }
        return fallback;
    }

    /** Black or white, whichever reads better on the colour. */
    private static Color readableOn(Color c) {
        double luminance = luminance(c);
        double whiteContrast = 1.05 / (luminance + 0.05);
        double blackContrast = (luminance + 0.05) / 0.05;
        return whiteContrast >= blackContrast ? Color.WHITE : new Color(0x111111);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int value) {
        double v = value / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String xml(String text) {
        return (text == null ? "" : text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Font load(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (Exception e) {
            throw new IllegalStateException("font " + path + " cannot be read", e);
        }
    }
}
