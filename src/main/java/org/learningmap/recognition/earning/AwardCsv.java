package org.learningmap.recognition.earning;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A bulk award file: UTF-8 CSV (comma or semicolon), a header row naming the columns
 * {@code email} (required), {@code name}, {@code narrative} and {@code evidence_url} in any order.
 * Only a file that cannot be read at all is refused whole (not UTF-8, empty, no {@code email}
 * column, an unknown column, too many rows); a malformed row (a stray or unclosed quote, too many
 * cells, a bad address or link) is kept with its problem so the report names it, and the other
 * rows are awarded.
 */
final class AwardCsv {

    static final List<String> COLUMNS = List.of("email", "name", "narrative", "evidence_url");
    static final int MAX_NAME = 200;
    static final int MAX_NARRATIVE = 4000;
    static final int MAX_URL = 2000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** A data row, numbered as a spreadsheet shows it (the header is row 1); {@code problem} is a message key or null. */
    record Row(int number, String email, String name, String narrative, String evidenceUrl, String problem, List<Object> args) {
        boolean valid() {
            return problem == null;
        }
    }

    /** The whole file was refused; {@code key} says why. */
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

    private AwardCsv() {
    }

    /** One record as read: its cells, the line it starts on, and a problem key when it is malformed. */
    private record Record(int line, List<String> cells, String problem) {
    }

    static List<Row> parse(byte[] bytes, int maxRows) throws Malformed {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("recognition-earning.bulk.file.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new Malformed("recognition-earning.bulk.file.empty");
        }
        int firstEnd = text.indexOf('\n');
        String firstLine = firstEnd < 0 ? text : text.substring(0, firstEnd);
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<Record> records = records(text, separator, maxRows);
        Record headerRecord = records.getFirst();
        List<String> header = headerRecord.cells().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (headerRecord.problem() != null || !header.contains("email")) {
            throw new Malformed("recognition-earning.bulk.file.no-email-column");
        }
        for (String name : header) {
            if (!COLUMNS.contains(name)) {
                throw new Malformed("recognition-earning.bulk.file.unknown-column", name);
            }
        }
        if (records.size() == 1) {
            throw new Malformed("recognition-earning.bulk.file.no-rows");
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (Record record : records.subList(1, records.size())) {
            rows.add(row(record, header));
        }
        return rows;
    }

    private static Row row(Record record, List<String> header) {
        if (record.problem() != null) {
            return new Row(record.line(), "", "", "", "", record.problem(), List.of());
        }
        if (record.cells().size() > header.size()) {
            return new Row(record.line(), "", "", "", "", "recognition-earning.bulk.row.cells",
                    List.of(record.cells().size(), header.size()));
        }
        String email = cell(record, header, "email");
        String name = cell(record, header, "name");
        String narrative = cell(record, header, "narrative");
        String url = cell(record, header, "evidence_url");
        String problem = null;
        List<Object> args = List.of();
        if (email.isEmpty()) {
            problem = "recognition-earning.bulk.row.email-missing";
        } else if (!validEmail(email)) {
            problem = "recognition-earning.bulk.row.email-invalid";
            args = List.of(email);
        } else if (name.length() > MAX_NAME) {
            problem = "recognition-earning.bulk.row.name-too-long";
            args = List.of(MAX_NAME);
        } else if (narrative.length() > MAX_NARRATIVE) {
            problem = "recognition-earning.bulk.row.narrative-too-long";
            args = List.of(MAX_NARRATIVE);
        } else if (!url.isEmpty() && !validUrl(url)) {
            problem = "recognition-earning.bulk.row.evidence-url";
        }
        return new Row(record.line(), email, name, narrative, url, problem, args);
    }

    static boolean validEmail(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /** An absolute http(s) address a person can open. */
    static boolean validUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String cell(Record record, List<String> header, String column) {
        int i = header.indexOf(column);
        return i >= 0 && i < record.cells().size() ? record.cells().get(i).strip() : "";
    }

    /**
     * Splits the text into records (RFC 4180 quoting). A record with a stray quote is kept with its
     * problem; an unclosed quote spoils only the line it starts on, and reading goes on at the next line.
     */
    private static List<Record> records(String text, char separator, int maxRows) throws Malformed {
        List<Record> records = new ArrayList<>();
        int pos = 0;
        int line = 1;
        int n = text.length();
        while (pos < n) {
            int startLine = line;
            int start = pos;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            String problem = null;
            boolean quoted = false;
            boolean afterQuote = false;
            boolean ended = false;
            while (pos < n) {
                char c = text.charAt(pos);
                if (quoted) {
                    if (c == '"') {
                        if (pos + 1 < n && text.charAt(pos + 1) == '"') {
                            cell.append('"');
                            pos++;
                        } else {
                            quoted = false;
                            afterQuote = true;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                    pos++;
                    continue;
                }
                if (c == separator) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos + 1 < n && text.charAt(pos + 1) == '\n') {
                        pos++;
                    }
                    pos++;
                    line++;
                    ended = true;
                    break;
                } else if (c == '"') {
                    if (afterQuote || !cell.toString().isBlank()) {
                        problem = "recognition-earning.bulk.row.quotes";
                        cell.append(c);
                    } else {
                        cell.setLength(0);
                        quoted = true;
                    }
                } else if (afterQuote) {
                    if (c != ' ' && c != '\t') {
                        problem = "recognition-earning.bulk.row.quotes";
                        cell.append(c);
                    }
                } else {
                    cell.append(c);
                }
                pos++;
            }
            if (quoted) {
                // Unclosed quote: only the line where the record began is lost; go on at the next line.
                int next = text.indexOf('\n', start);
                pos = next < 0 ? n : next + 1;
                line = startLine + 1;
                records.add(new Record(startLine, List.of(), "recognition-earning.bulk.row.unclosed-quote"));
            } else {
                cells.add(cell.toString());
                boolean blank = cells.size() == 1 && cells.getFirst().isBlank() && problem == null;
                if (!blank) {
                    records.add(new Record(startLine, cells, problem));
                }
            }
            if (records.size() - 1 > maxRows) {
                throw new Malformed("recognition-earning.bulk.file.too-many-rows", maxRows);
            }
            if (!ended && pos >= n) {
                break;
            }
        }
        if (records.isEmpty()) {
            throw new Malformed("recognition-earning.bulk.file.empty");
        }
        return records;
    }
}
