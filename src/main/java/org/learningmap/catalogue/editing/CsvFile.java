package org.learningmap.catalogue.editing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strict reader of UTF-8 CSV files (RFC 4180), with comma or semicolon separators as spreadsheets
 * in Lithuania and Ukraine write them. A file that is not valid UTF-8, has an unclosed or stray
 * quote, or has no header is refused as a whole with a message key, so nobody imports half a file
 * by accident.
 */
final class CsvFile {

    /** A data row and its number as a spreadsheet shows it (the header is row 1). */
    record Row(int number, List<String> cells) {
        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
        }
    }

    /** The whole file was refused; {@code key} says why, {@code args} where. */
    static final class Malformed extends Exception {
        private final String key;
        private final transient Object[] args;

        Malformed(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }

        String key() {
            return key;
        }

        Object[] args() {
            return args;
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvFile(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** The index of a header column (case-insensitive), or -1. */
    int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads a file.
     *
     * @param maxRows the most data rows accepted
     * @throws Malformed {@code import.error.empty}, {@code import.error.encoding}, {@code import.error.quotes}
     *                   (row), {@code import.error.too-many-rows} (limit)
     */
    static CsvFile parse(byte[] bytes, int maxRows) throws Malformed {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new Malformed("import.error.empty");
        }
        char separator = separator(text);
        List<List<String>> records = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int row = 1;
        int recordStart = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean cellStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        row++;
                    }
                    cell.append(c);
                }
            } else if (c == separator) {
                record.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                cellStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                cellStarted = false;
                if (!(record.size() == 1 && record.get(0).isBlank())) {
                    records.add(record);
                    numbers.add(recordStart);
                    if (records.size() - 1 > maxRows) {
                        throw new Malformed("import.error.too-many-rows", maxRows);
                    }
                }
                record = new ArrayList<>();
                row++;
                recordStart = row;
            } else if (c == '"') {
                if ((cellStarted && !cell.toString().isBlank()) || afterQuote) {
                    throw new Malformed("import.error.quotes", row);
                }
                cell.setLength(0);
                quoted = true;
                cellStarted = true;
            } else if (afterQuote && (c == ' ' || c == '\t')) {
                continue;
            } else {
                if (afterQuote) {
                    throw new Malformed("import.error.quotes", row);
                }
                cell.append(c);
                cellStarted = true;
            }
        }
        if (quoted) {
            throw new Malformed("import.error.quotes", recordStart);
        }
        if (cellStarted || afterQuote || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
            numbers.add(recordStart);
        }
        if (records.size() - 1 > maxRows) {
            throw new Malformed("import.error.too-many-rows", maxRows);
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            rows.add(new Row(numbers.get(i), List.copyOf(records.get(i))));
        }
        return new CsvFile(header, List.copyOf(rows));
    }

    private static String decode(byte[] bytes) throws Malformed {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("import.error.encoding");
        }
    }

    /** Semicolons when the header line has them and no commas (spreadsheets set to a decimal comma write these). */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    }
}
