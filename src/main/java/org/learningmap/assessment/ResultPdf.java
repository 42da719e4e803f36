package org.learningmap.assessment;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A finished check's result as a one- or two-page PDF to print or keep: level and band per area and
 * per competence, what the bands mean, the scoring rule and the framework's attribution. DejaVu Sans
 * is embedded so Lithuanian and Ukrainian print correctly.
 */
@Component
class ResultPdf {

    private static final Color PRIMARY = new Color(0x1d, 0x4e, 0xd8);

    private final MessageSource messages;
    private final BaseFont regular;
    private final BaseFont bold;

    ResultPdf(MessageSource messages) {
        this.messages = messages;
        this.regular = font("fonts/dejavu/DejaVuSans.ttf");
        this.bold = font("fonts/dejavu/DejaVuSans-Bold.ttf");
    }

    byte[] render(Attempt attempt, Framework framework, String siteName, ZoneId zone, String sittingCode, Locale locale) {
        String language = locale.getLanguage();
        Font title = new Font(bold, 18);
        Font heading = new Font(bold, 13);
        Font body = new Font(regular, 10.5f);
        Font small = new Font(regular, 8.5f, Font.NORMAL, Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(text("assessment.result.title", locale));
        document.open();
        document.add(new Paragraph(siteName, small));
        document.add(new Paragraph(text("assessment.result.title", locale), title));
        document.add(new Paragraph(text("assessment.result.lead", locale, text("assessment.kind." + attempt.kind(), locale),
                DateTimeFormatter.ISO_LOCAL_DATE.format(attempt.finishedAt().atZone(zone))), body));
        if (sittingCode != null) {
            document.add(new Paragraph(text("assessment.result.supervised", locale, sittingCode), new Font(bold, 10.5f)));
        }
        document.add(spacer());
        document.add(new Paragraph(text("assessment.result.areas", locale), heading));
        PdfPTable areas = table(locale, "assessment.result.table.area", new Font(bold, 10), body);
        for (Framework.Area area : framework.areas()) {
            Standing standing = attempt.result().areas().get(area.code());
            row(areas, area.code() + ". " + area.title().in(language), standing, locale, body);
        }
        document.add(areas);
        document.add(new Paragraph(text("assessment.result.meaning", locale), heading));
        for (Band band : Band.values()) {
            document.add(new Paragraph("• " + text("assessment.result.explain." + band.name(), locale), body));
        }
        document.add(spacer());
        document.add(new Paragraph(text("assessment.result.competences", locale), heading));
        PdfPTable competences = table(locale, "assessment.result.table.competence", new Font(bold, 10), body);
        for (Framework.Competence competence : framework.competences()) {
            Standing standing = attempt.result().competences().get(competence.code());
            if (standing != null) {
                row(competences, competence.code() + " " + competence.title().in(language), standing, locale, body);
            }
        }
        document.add(competences);
        document.add(new Paragraph(text("assessment.result.rule", locale, attempt.result().rule(), attempt.result().bank(),
                framework.name()), small));
        document.add(new Paragraph(text("assessment.attribution", locale), small));
        document.close();
        return out.toByteArray();
    }

    private PdfPTable table(Locale locale, String firstColumn, Font header, Font body) {
        PdfPTable table = new PdfPTable(new float[] {6, 1.6f, 2.4f, 3});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        for (String key : new String[] {firstColumn, "assessment.result.table.level", "assessment.result.table.band"}) {
            table.addCell(cell(text(key, locale), header));
        }
        table.addCell(cell("", header));
        return table;
    }

    private void row(PdfPTable table, String name, Standing standing, Locale locale, Font body) {
        table.addCell(cell(name, body));
        table.addCell(cell(standing == null ? "–" : String.valueOf(standing.level()), body));
        table.addCell(cell(standing == null ? "–" : text(standing.band().key(), locale), body));
        PdfPTable bar = new PdfPTable(6);
        bar.setWidthPercentage(100);
        for (int level = 1; level <= 6; level++) {
            PdfPCell step = new PdfPCell(new Phrase(" "));
            step.setFixedHeight(10);
            step.setBorderColor(Color.LIGHT_GRAY);
            if (standing != null && level <= standing.level()) {
                step.setBackgroundColor(PRIMARY);
            }
            bar.addCell(step);
        }
        PdfPCell holder = new PdfPCell(bar);
        holder.setPadding(4);
        holder.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(holder);
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        cell.setBorderColor(Color.LIGHT_GRAY);
        return cell;
    }

    private static Paragraph spacer() {
        return new Paragraph(" ");
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private static BaseFont font(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
