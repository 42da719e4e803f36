package org.learningmap.recognition.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bulk award file: a malformed row is reported on its own line, only an unreadable file is refused whole. */
class AwardCsvTest {

    private static List<AwardCsv.Row> parse(String text) throws AwardCsv.Malformed {
        return AwardCsv.parse(text.getBytes(StandardCharsets.UTF_8), 100);
    }

    @Test
    void rowsAreReadWithQuotedCellsInAnyColumnOrder() throws Exception {
        List<AwardCsv.Row> rows = parse("\uFEFFname;email;narrative\r\n\"Petraitienė, Ona\";ona@example.org;\"Said \"\"hello\"\"\nand more\"\r\n");
        assertThat(rows).hasSize(1);
        AwardCsv.Row ona = rows.getFirst();
        assertThat(ona.valid()).isTrue();
        assertThat(ona.number()).isEqualTo(2);
        assertThat(ona.name()).isEqualTo("Petraitienė, Ona");
        assertThat(ona.email()).isEqualTo("ona@example.org");
        assertThat(ona.narrative()).isEqualTo("Said \"hello\"\nand more");
    }

    @Test
    void malformedRowsAreReportedAndTheRowsAfterThemStillRead() throws Exception {
        List<AwardCsv.Row> rows = parse("""
                email,name,narrative,evidence_url
                good@example.org,Good,,
                bad-address,Bad,,
                stray@example.org,Str"ay,,
                link@example.org,Link,,ftp://example.org/x
                too@example.org,Many,,,extra
                ,Nobody,,
                open@example.org,"Never closed,,
                last@example.org,Last,,https://example.org/last
                """);
        assertThat(rows).extracting(AwardCsv.Row::problem).containsExactly(null, "recognition-earning.bulk.row.email-invalid",
                "recognition-earning.bulk.row.quotes", "recognition-earning.bulk.row.evidence-url", "recognition-earning.bulk.row.cells",
                "recognition-earning.bulk.row.email-missing", "recognition-earning.bulk.row.unclosed-quote", null);
        assertThat(rows).extracting(AwardCsv.Row::number).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(rows.getLast().evidenceUrl()).isEqualTo("https://example.org/last");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWhole() {
        assertThatThrownBy(() -> parse("name,narrative\nOna,hi\n")).isInstanceOf(AwardCsv.Malformed.class)
                .hasMessage("recognition-earning.bulk.file.no-email-column");
        assertThatThrownBy(() -> parse("email,age\nona@example.org,3\n")).hasMessage("recognition-earning.bulk.file.unknown-column");
        assertThatThrownBy(() -> parse("email\n")).hasMessage("recognition-earning.bulk.file.no-rows");
        assertThatThrownBy(() -> parse("  \n")).hasMessage("recognition-earning.bulk.file.empty");
        assertThatThrownBy(() -> AwardCsv.parse(new byte[] {'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xC3, (byte) 0x28}, 10))
                .hasMessage("recognition-earning.bulk.file.encoding");
        assertThatThrownBy(() -> AwardCsv.parse("email\na@example.org\nb@example.org\nc@example.org\n".getBytes(StandardCharsets.UTF_8), 2))
                .hasMessage("recognition-earning.bulk.file.too-many-rows");
    }
}
