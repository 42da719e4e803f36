package org.learningmap.catalogue.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    @Test
    void readsQuotedCellsWithCommasQuotesAndLineBreaks() throws Exception {
        CsvFile file = CsvFile.parse(bytes("\uFEFFkind,title_en\r\nCLASS,\"Hello, \"\"world\"\"\"\nEVENT,\"Two\nlines\"\n"), 10);

        assertThat(file.header()).containsExactly("kind", "title_en");
        assertThat(file.rows()).extracting(CsvFile.Row::cells)
                .containsExactly(List.of("CLASS", "Hello, \"world\""), List.of("EVENT", "Two\nlines"));
        assertThat(file.rows()).extracting(CsvFile.Row::number).containsExactly(2, 3);
    }

    @Test
    void acceptsSemicolonsAsSpreadsheetsWithADecimalCommaWriteThem() throws Exception {
        CsvFile file = CsvFile.parse(bytes("kind;title_lt;price\nCLASS;Kursai;12,50\n"), 10);

        assertThat(file.rows().getFirst().cells()).containsExactly("CLASS", "Kursai", "12,50");
    }

    @Test
    void refusesBadQuotesWithTheRowNumber() {
        assertThatThrownBy(() -> CsvFile.parse(bytes("kind,title_en\nCLASS,ab\"c\"\n"), 10))
                .isInstanceOfSatisfying(CsvFile.Malformed.class, e -> {
                    assertThat(e.key()).isEqualTo("import.error.quotes");
                    assertThat(e.args()).containsExactly(2);
                });
        assertThatThrownBy(() -> CsvFile.parse(bytes("kind,title_en\nCLASS,\"never closed\nEVENT,x\n"), 10))
                .isInstanceOfSatisfying(CsvFile.Malformed.class, e -> assertThat(e.key()).isEqualTo("import.error.quotes"));
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        byte[] windows1257 = {'k', 'i', 'n', 'd', '\n', (byte) 0xDE, (byte) 0xE0, '\n'};
        assertThatThrownBy(() -> CsvFile.parse(windows1257, 10))
                .isInstanceOfSatisfying(CsvFile.Malformed.class, e -> assertThat(e.key()).isEqualTo("import.error.encoding"));
    }

    @Test
    void refusesEmptyFilesAndTooManyRows() {
        assertThatThrownBy(() -> CsvFile.parse(bytes("  \n"), 10))
                .isInstanceOfSatisfying(CsvFile.Malformed.class, e -> assertThat(e.key()).isEqualTo("import.error.empty"));
        assertThatThrownBy(() -> CsvFile.parse(bytes("kind\nA\nB\nC\n"), 2))
                .isInstanceOfSatisfying(CsvFile.Malformed.class, e -> assertThat(e.key()).isEqualTo("import.error.too-many-rows"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
