package org.learningmap.platform;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * Text and QR codes on Apache PDFBox pages: fonts loaded from the classpath and embedded as a subset,
 * words wrapped to a width, lines cut with an ellipsis, letters the font cannot draw shown as a question
 * mark, and QR codes drawn as vector squares.
 */
public final class PdfText {

    private PdfText() {
    }

    /** A TrueType font from the classpath (e.g. {@code fonts/dejavu/DejaVuSans.ttf}), embedded as a subset. */
    public static PDFont font(PDDocument document, String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return PDType0Font.load(document, in, true);
        }
    }

    /** Writes lines downwards from {@code y}, wrapping words to a width; {@code x} and {@code y} may be moved. */
    public static final class Writer {
        private final PDPageContentStream out;
        private final float leading;
        public float x;
        public float y;

        /** {@code leading} is the distance between baselines as a multiple of the font size. */
        public Writer(PDPageContentStream out, float x, float top, float leading) {
            this.out = out;
            this.x = x;
            this.y = top;
            this.leading = leading;
        }

        public void gap(float points) {
            y -= points;
        }

        /** The text in at most {@code maxLines} lines, the last ending with an ellipsis when it does not fit. */
        public void lines(PDFont font, float size, float grey, String text, float width, int maxLines) throws IOException {
            if (text == null || text.isBlank()) {
                return;
            }
            List<String> lines = wrap(font, size, printable(font, text), width);
            if (lines.size() > maxLines) {
                lines = new ArrayList<>(lines.subList(0, maxLines));
                lines.set(maxLines - 1, fit(font, size, lines.get(maxLines - 1) + "…", width));
            }
            out.setNonStrokingColor(grey, grey, grey);
            for (String line : lines) {
                y -= size * leading;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(x, y);
                out.showText(line);
                out.endText();
            }
            y -= size * 0.25f;
        }
    }

    /** The text in lines no wider than {@code width}; a word longer than a line is cut. */
    public static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String fit(PDFont font, float size, String text, float width) throws IOException {
        String fitted = text;
        while (fitted.length() > 2 && width(font, size, fitted) > width) {
            fitted = fitted.substring(0, fitted.length() - 2) + "…";
        }
        return fitted;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /** The text without line breaks and with a question mark for any letter the font has no shape for. */
    public static String printable(PDFont font, String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.strip().codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                clean.append(' ');
                return;
            }
            String letter = new String(Character.toChars(cp));
            try {
                font.encode(letter);
                clean.append(letter);
            } catch (IOException | IllegalArgumentException missing) {
                clean.append('?');
            }
        });
        return clean.toString();
    }

    /** A QR code of the text as black squares, {@code size} points wide, its lower left corner at (x, y). */
    public static void qr(PDPageContentStream out, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix = QrCodes.matrix(text, 1);
        int modules = matrix.getWidth();
        float unit = size / modules;
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < modules; row++) {
            for (int col = 0; col < modules; col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + col * unit, y + size - (row + 1) * unit, unit, unit);
                }
            }
        }
        out.fill();
    }
}
