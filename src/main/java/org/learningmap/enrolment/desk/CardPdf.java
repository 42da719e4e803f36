package org.learningmap.enrolment.desk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.learningmap.platform.PdfText;
import org.learningmap.platform.PdfText.Writer;

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
            PDFont regular = PdfText.font(document, "fonts/dejavu/DejaVuSans.ttf");
            PDFont bold = PdfText.font(document, "fonts/dejavu/DejaVuSans-Bold.ttf");
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float top = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Writer w = new Writer(out, MARGIN, top, 1.22f);
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
                PdfText.qr(out, card.checkInCode(), MARGIN, qrTop - QR, QR);
                if (claimable) {
                    PdfText.qr(out, card.claimUrl() + "?code=" + card.claimCode(), rightX, qrTop - QR, QR);
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
}
