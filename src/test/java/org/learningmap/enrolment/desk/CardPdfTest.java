package org.learningmap.enrolment.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The card prints Ukrainian and Lithuanian letters with its own font, on one A6 page. */
class CardPdfTest {

    @Test
    void aUkrainianCardKeepsEveryLetterAndFitsOnePage() throws Exception {
        byte[] pdf = CardPdf.render(new CardPdf.Card("uk", "Картка: Олена Ковальчук", "Бібліотека · Мапа навчання",
                "Олена Ковальчук-Їжакевич", "Основи комп’ютера для початківців, які ніколи не користувалися мишею та клавіатурою",
                "субота, 12 грудня 2026 р., 10:00–11:30", "Центральна бібліотека, вул. Гедиміно 1, Вільнюс",
                "Покажіть цей код, коли прийдете", "ABCD-EFGH", "Ваш код для облікового запису онлайн", "KLMN-PQRS",
                "https://lietuva.example.org/claim", "Щоб бачити свої заняття онлайн, відскануйте код праворуч.",
                "Код діє один раз, 60 днів.", null));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A6.getWidth());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Олена Ковальчук-Їжакевич", "Основи комп’ютера", "KLMN-PQRS", "ABCD-EFGH", "Вільнюс");
        }
    }

    @Test
    void lettersTheFontLacksBecomeQuestionMarksInsteadOfFailing() throws Exception {
        byte[] pdf = CardPdf.render(new CardPdf.Card("lt", "Kortelė", "Biblioteka", "Žemaitė 😀 Šarūnė", "Kursas",
                "šiandien", "Vilnius", "Atvykimo kodas", "ABCD-EFGH", "Kodas", null, "https://x.example.org/claim", "", "",
                "Savo užsiėmimus matysite prisijungę"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Žemaitė", "Šarūnė", "Savo užsiėmimus matysite prisijungę");
        }
    }
}
