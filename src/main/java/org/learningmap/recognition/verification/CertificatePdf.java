package org.learningmap.recognition.verification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.learningmap.platform.PdfText;
import org.learningmap.platform.PdfText.Writer;

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
            PDFont regular = PdfText.font(document, "fonts/dejavu/DejaVuSans.ttf");
            PDFont bold = PdfText.font(document, "fonts/dejavu/DejaVuSans-Bold.ttf");
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
                Writer w = new Writer(out, textLeft, pageHeight - MARGIN, 1.25f);
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
                PdfText.qr(out, c.verificationUrl(), qrX, qrY, QR);
                Writer under = new Writer(out, MARGIN, MARGIN + 44, 1.25f);
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
}
