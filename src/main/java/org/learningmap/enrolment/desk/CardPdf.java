package org.learningmap.enrolment.desk;

import com.google.zxing.common.BitMatrix;
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
import org.learningmap.platform.QrCodes;
import org.springframework.core.io.ClassPathResource;

/**
 * The printed card, one A6 page (105 × 148 mm) drawn with Apache PDFBox: the person's name, their
 * session, their check-in QR with its code and, until they take over their account, the claim QR
 * with the claim code and one line on how to claim. Text is set in DejaVu Sans, bundled in
 * {@code resources/fonts/dejavu} (Bitstream Vera licence, see its LICENSE), embedded as a subset, so
 * Lithuanian and Ukrainian letters print on any machine. QR codes are drawn as vector squares.
 */
final class CardPdf {

    /** What a card says, every text already in the person's language. */
    record Card(String language, String documentTitle, String organisation, String personName, String sessionTitle,
                String when, String place, String checkInLabel, String checkInCode, String claimLabel, String claimCode,
                String claimUrl, String claimHow, String claimValid, String noClaim) {
    }

    private static final float MARGIN = 17f;
    private static final float QR = 118f;
    private static final float DARK = 0.1f;
    private static final float MUTED = 0.33f;

    private CardPdf() {
    }

    static byte[] render(Card card) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(card.documentTitle());
            info.setCreator("Learning Map");
            document.getDocumentCatalog().setLanguage(card.language());
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            PDFont regular = font(document, "fonts/dejavu/DejaVuSans.ttf");
            PDFont bold = font(document, "fonts/dejavu/DejaVuSans-Bold.ttf");
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float top = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Writer w = new Writer(out, top);
                w.lines(regular, 8f, MUTED, card.organisation(), width, 1);
                w.gap(6);
                w.lines(bold, 16f, DARK, card.personName(), width, 2);
                w.gap(6);
                w.lines(bold, 11f, DARK, card.sessionTitle(), width, 3);
                w.lines(regular, 9.5f, DARK, card.when(), width, 2);
                w.lines(regular, 9f, MUTED, card.place(), width, 2);
                w.gap(8);
                out.setStrokingColor(0.75f, 0.75f, 0.75f);
                out.setLineWidth(0.5f);
                out.moveTo(MARGIN, w.y);
                out.lineTo(MARGIN + width, w.y);
                out.stroke();
                w.gap(10);

                float rightX = MARGIN + width - QR;
                float labelsY = w.y;
                w.lines(bold, 8.5f, DARK, card.checkInLabel(), QR + 8, 2);
                float afterLeftLabel = w.y;
                boolean claimable = card.claimCode() != null;
                w.y = labelsY;
                w.x = rightX;
                if (claimable) {
                    w.lines(bold, 8.5f, DARK, card.claimLabel(), QR, 2);
                }
                float qrTop = Math.min(afterLeftLabel, w.y) - 2;
                w.x = MARGIN;
                qr(out, card.checkInCode(), MARGIN, qrTop - QR, QR);
                if (claimable) {
                    qr(out, card.claimUrl() + "?code=" + card.claimCode(), rightX, qrTop - QR, QR);
                }
                w.y = qrTop - QR - 4;
                w.lines(bold, 13f, DARK, card.checkInCode(), QR + 8, 1);
                if (claimable) {
                    w.y = qrTop - QR - 4;
                    w.x = rightX;
                    w.lines(bold, 13f, DARK, card.claimCode(), QR, 1);
                    w.x = MARGIN;
                }
                w.gap(6);
                if (claimable) {
                    w.lines(regular, 8.5f, DARK, card.claimHow(), width, 4);
                    w.lines(bold, 8.5f, DARK, card.claimUrl(), width, 2);
                    w.lines(regular, 7.5f, MUTED, card.claimValid(), width, 1);
                } else if (card.noClaim() != null) {
                    w.lines(regular, 8.5f, DARK, card.noClaim(), width, 3);
                }
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

    /** Writes lines downwards from the top, wrapping words to a width. */
    private static final class Writer {
        final PDPageContentStream out;
        float x = MARGIN;
        float y;

        Writer(PDPageContentStream out, float top) {
            this.out = out;
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
                y -= size * 1.22f;
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

    /** The text without line breaks and with a question mark for any letter the font has no shape for. */
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
