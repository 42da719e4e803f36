package org.learningmap.recognition.verification;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.learningmap.platform.QrCodes;
import org.springframework.core.io.ClassPathResource;

/**
 * The printable certificate of an award: one A4 landscape page drawn with Apache PDFBox, every
 * text already in the learner's language, set in DejaVu Sans (bundled in
 * {@code resources/fonts/dejavu}, embedded as a subset) so Lithuanian and Ukrainian letters print
 * anywhere; the badge picture, and a QR code (ZXing) to the award's public verification page.
 */
final class CertificatePdf {

    /** What the certificate says, every text in the learner's language. */
    record Certificate(String language, String documentTitle, String heading, String certifies, String recipientName,
                       String earned, String badgeName, String description, String issuedLine, String expiresLine,
                       String competencesLabel, List<String> competences, String checkLabel, String verificationUrl,
                       byte[] badgePng) {
    }

    private static final float MARGIN = 48f;
    private static final float QR = 120f;
    private static final float DARK = 0.1f;
    private static final float MUTED = 0.35f;

    private CertificatePdf() {
    }

    static byte[] render(Certificate c) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(c.documentTitle());
            info.setCreator("Learning Map");
            document.getDocumentCatalog().setLanguage(c.language());
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4);
            document.addPage(page);
            PDFont regular = font(document, "fonts/dejavu/DejaVuSans.ttf");
            PDFont bold = font(document, "fonts/dejavu/DejaVuSans-Bold.ttf");
            float pageWidth = a4.getWidth();
            float pageHeight = a4.getHeight();
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.setStrokingColor(0.2f, 0.35f, 0.6f);
                out.setLineWidth(3f);
                out.addRect(20, 20, pageWidth - 40, pageHeight - 40);
                out.stroke();
                out.setLineWidth(0.7f);
                out.addRect(28, 28, pageWidth - 56, pageHeight - 56);
                out.stroke();

                float imageSize = 110f;
                float textLeft = MARGIN;
                if (c.badgePng() != null) {
                    try {
                        PDImageXObject image = LosslessFactory.createFromImage(document,
                                javax.imageio.ImageIO.read(new ByteArrayInputStream(c.badgePng())));
                        out.drawImage(image, pageWidth - MARGIN - imageSize, pageHeight - MARGIN - imageSize, imageSize, imageSize);
                    } catch (IOException | RuntimeException unreadable) {
                        // a certificate without its picture is still a certificate
                    }
                }
                float width = pageWidth - 2 * MARGIN - imageSize - 20;
                Writer w = new Writer(out, textLeft, pageHeight - MARGIN);
                w.lines(bold, 26f, DARK, c.heading(), width, 1);
                w.gap(14);
                w.lines(regular, 13f, MUTED, c.certifies(), width, 1);
                w.gap(4);
                w.lines(bold, 24f, DARK, c.recipientName(), width, 2);
                w.gap(8);
                w.lines(regular, 13f, MUTED, c.earned(), width, 1);
                w.gap(4);
                w.lines(bold, 20f, DARK, c.badgeName(), width, 2);
                w.gap(4);
                float fullWidth = pageWidth - 2 * MARGIN - QR - 24;
                w.lines(regular, 11f, DARK, c.description(), fullWidth, 4);
                w.gap(10);
                w.lines(bold, 12f, DARK, c.issuedLine(), fullWidth, 2);
                w.lines(regular, 11f, DARK, c.expiresLine(), fullWidth, 1);
                if (!c.competences().isEmpty()) {
                    w.gap(10);
                    w.lines(bold, 11f, DARK, c.competencesLabel(), fullWidth, 1);
                    for (String competence : c.competences().subList(0, Math.min(6, c.competences().size()))) {
                        w.lines(regular, 10f, DARK, "• " + competence, fullWidth, 1);
                    }
                }
                float qrX = pageWidth - MARGIN - QR;
                float qrY = MARGIN + 14;
                qr(out, c.verificationUrl(), qrX, qrY, QR);
                Writer under = new Writer(out, MARGIN, MARGIN + 44);
                under.lines(regular, 9.5f, MUTED, c.checkLabel(), fullWidth, 2);
                under.lines(regular, 9.5f, DARK, c.verificationUrl(), fullWidth, 2);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont font(PDDocument document, String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return PDType0Font.load(document, in, true);
        }
    }

    /** Writes lines downwards, wrapping words to a width. */
    private static final class Writer {
        final PDPageContentStream out;
        final float x;
        float y;

        Writer(PDPageContentStream out, float x, float top) {
            this.out = out;
            this.x = x;
            this.y = top;
        }

        void gap(float points) {
            y -= points;
        }

        void lines(PDFont font, float size, float grey, String text, float width, int maxLines) throws IOException {
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
                y -= size * 1.25f;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(x, y);
                out.showText(line);
                out.endText();
            }
            y -= size * 0.25f;
        }
    }

    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
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

    /** The text on one line, with a question mark for any letter the font has no shape for. */
    static String printable(PDFont font, String text) {
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

    private static void qr(PDPageContentStream out, String text, float x, float y, float size) throws IOException {
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
