package org.learningmap.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** What a hostile visitor types into fields, puts into JSON and uploads as files. */
final class HostileValues {

    private HostileValues() {
    }

    record Value(String category, String text) {
    }

    record Upload(String label, String filename, String contentType, byte[] bytes) {
    }

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String SVG = "<svg onload=alert(1)>";
    static final String JS_URL = "javascript:alert(1)";

    /** The raw markup that must never reach a page unescaped. */
    static final List<String> MARKUP = List.of("<script>alert(1)", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
            "href=\"javascript:alert(1)", "src=\"javascript:alert(1)");

    static final String OVERSIZED = "A".repeat(100_000);

    /** Values for any field, grouped by what they try. */
    static List<Value> texts() {
        List<Value> all = new ArrayList<>();
        all.add(new Value("oversized", OVERSIZED));
        all.add(new Value("oversized", "Ž".repeat(50_000)));
        all.add(new Value("wrong type", "abc"));
        all.add(new Value("wrong type", "-1"));
        all.add(new Value("wrong type", "-9223372036854775809"));
        all.add(new Value("wrong type", "99999999999999999999999999"));
        all.add(new Value("wrong type", "1e309"));
        all.add(new Value("wrong type", "NaN"));
        all.add(new Value("wrong type", "0"));
        all.add(new Value("wrong type", "2147483648"));
        all.add(new Value("wrong type", "2026-13-45"));
        all.add(new Value("wrong type", "31/12/2026 25:61"));
        all.add(new Value("wrong type", "0000-00-00T00:00"));
        all.add(new Value("wrong type", "+999999999-12-31"));
        all.add(new Value("empty", ""));
        all.add(new Value("empty", "   "));
        all.add(new Value("control", "a\u0000b"));
        all.add(new Value("control", "\u0007\u001b[31mred\u001b[0m\b\u007f"));
        all.add(new Value("control", "line\r\nSet-Cookie: hostile=1"));
        all.add(new Value("unicode", "\u202Egnp.exe\u200B\uFEFF"));
        all.add(new Value("unicode", "\uD800lonely surrogate\uDFFF"));
        all.add(new Value("unicode", "Ą̸̛̰̈́".repeat(200) + "🙂"));
        all.add(new Value("markup", SCRIPT));
        all.add(new Value("markup", IMG));
        all.add(new Value("markup", SVG + "'\"`"));
        all.add(new Value("markup", JS_URL));
        all.add(new Value("markup", "JaVaScRiPt:alert(1)//https://example.org"));
        all.add(new Value("sql", "' OR 1=1 --"));
        all.add(new Value("sql", "'; DROP TABLE x; --"));
        all.add(new Value("sql", "1) UNION SELECT password_hash FROM account --"));
        all.add(new Value("sql", "%_\\%' AND '1'='1"));
        all.add(new Value("traversal", "../../../../etc/passwd"));
        all.add(new Value("traversal", "..\\..\\..\\windows\\win.ini"));
        all.add(new Value("traversal", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"));
        all.add(new Value("template", "{0}{1}${7*7}#{7*7}*{7*7}[[${7*7}]]%s%n%x"));
        all.add(new Value("template", "__${T(Runtime).getRuntime()}__::.x"));
        all.add(new Value("url", "//evil.example/"));
        all.add(new Value("url", "https://evil.example/\\@localhost"));
        return all;
    }

    /** Values for a path variable. */
    static List<String> pathValues() {
        return List.of("abc", "-1", "0", "99999999999999999999", "9223372036854775807", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201=1%20--", "%C3%28", "A".repeat(3000), "%00", "1.5", "00000000-0000-0000-0000-00000000000g");
    }

    /** Form bodies with invalid UTF-8, written as raw bytes and as percent escapes. */
    static List<byte[]> brokenUtf8Bodies(String field) {
        List<byte[]> bodies = new ArrayList<>();
        byte[] name = (field + "=").getBytes(StandardCharsets.US_ASCII);
        for (byte[] raw : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28},
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x41}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(name);
            out.writeBytes(raw);
            bodies.add(out.toByteArray());
        }
        bodies.add((field + "=%C3%28%F0%28%8C%28%ED%A0%80%00&" + field + "=%").getBytes(StandardCharsets.US_ASCII));
        return bodies;
    }

    /** Broken JSON bodies of every shape. */
    static List<byte[]> brokenJson() {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("{\"name\":", "{", "[", "null", "\"text\"", "42", "[]", "{\"a\":1,\"a\":2,\"a\":\"x\"}",
                "{\"organisationId\":1,\"organisationId\":\"abc\"}", "{\"x\":1e999999}", "{'single':'quotes'}", "{\"a\":\"\\uD800\"}",
                "{\"a\":NaN}", "{\"a\":\"" + OVERSIZED + "\"}", "")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, (byte) 0xFF, '"', '}'});
        bodies.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        bodies.add(new byte[] {0x00, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00, 0x7D});
        return bodies;
    }

    // ------------------------------------------------------------ files

    static byte[] png(int width, int height, boolean withPixels, List<byte[]> extraChunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        extraChunks.forEach(out::writeBytes);
        if (withPixels) {
            byte[] raw = new byte[height * (1 + width * 3)];
            Deflater deflater = new Deflater();
            deflater.setInput(raw);
            deflater.finish();
            byte[] buffer = new byte[raw.length + 64];
            int length = deflater.deflate(buffer);
            byte[] idat = new byte[length];
            System.arraycopy(buffer, 0, idat, 0, length);
            chunk(out, "IDAT", idat);
        } else {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            deflater.setInput(new byte[1_000_000]);
            deflater.finish();
            byte[] buffer = new byte[20_000];
            int length = deflater.deflate(buffer);
            byte[] idat = new byte[length];
            System.arraycopy(buffer, 0, idat, 0, length);
            chunk(out, "IDAT", idat);
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunk(out, type, data);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] itxt(String keyword, String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 0, 0, 0, 0});
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return chunk("iTXt", data.toByteArray());
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads any file field gets. */
    static List<Upload> anyFile() {
        List<Upload> all = new ArrayList<>();
        byte[] tiny = png(2, 2, true, List.of());
        all.add(new Upload("zero bytes", "empty.png", "image/png", new byte[0]));
        all.add(new Upload("wrong magic bytes", "photo.png", "image/png", "GIF89a not really a picture".getBytes(StandardCharsets.US_ASCII)));
        all.add(new Upload("script named png", "cat.png", "image/png",
                ("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("svg with script named png", "logo.png", "image/png",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("svg with script", "logo.svg", "image/svg+xml",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8)));
        byte[] truncated = new byte[tiny.length / 2];
        System.arraycopy(tiny, 0, truncated, 0, truncated.length);
        all.add(new Upload("truncated png", "half.png", "image/png", truncated));
        all.add(new Upload("decompression bomb header", "bomb.png", "image/png", png(60_000, 60_000, false, List.of())));
        all.add(new Upload("path traversal name", "../../../../etc/passwd.png", "image/png", tiny));
        all.add(new Upload("windows traversal name", "..\\..\\boot.ini\u0000.png", "image/png", tiny));
        all.add(new Upload("markup in name", SCRIPT + IMG + ".png", "text/html", tiny));
        all.add(new Upload("oversized name", "A".repeat(5_000) + ".pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
        all.add(new Upload("executable", "setup.exe", "application/x-msdownload", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}));
        all.add(new Upload("broken pdf", "guide.pdf", "application/pdf", "%PDF-1.7\n1 0 obj << /Length 99999999 >> stream\n".getBytes(StandardCharsets.US_ASCII)));
        all.add(new Upload("over the size limit", "huge.png", "image/png", huge()));
        return all;
    }

    private static byte[] huge;

    private static synchronized byte[] huge() {
        if (huge == null) {
            byte[] header = png(2, 2, true, List.of());
            huge = new byte[7 * 1024 * 1024];
            System.arraycopy(header, 0, huge, 0, header.length);
        }
        return huge;
    }

    /** Broken CSV files for the imports. */
    static List<Upload> csvFiles() {
        List<Upload> all = new ArrayList<>();
        all.add(csv("unclosed quote", "title,description,starts\n\"Never closed,text,2026-01-01\nsecond,row,x\n"));
        all.add(csv("missing columns", "title\nOnly a title\n"));
        all.add(csv("wrong columns", "a,b,c\n1,2,3\n"));
        all.add(csv("no header", ""));
        all.add(csv("only separators", ",,,,,,\n,,,,,,\n;;;;\n"));
        all.add(csv("ten thousand columns", "c,".repeat(10_000) + "\n" + "x,".repeat(10_000) + "\n"));
        all.add(csv("one huge cell", "title,email\n\"" + OVERSIZED + "\",a@example.org\n"));
        all.add(csv("formula injection", "title,email,name\n=HYPERLINK(\"http://evil.example\"),=1+1@example.org,+cmd|' /C calc'!A0\n"));
        all.add(csv("markup and sql", "title,email,name\n" + SCRIPT + ",\"" + IMG + "\",' OR 1=1 --\n"));
        all.add(csv("control characters", "title,email\na\u0000b,\u001b[31m@example.org\n"));
        all.add(new Upload("utf-8 bom", "bom.csv", "text/csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "title,email\nBOM,bom@example.org\n".getBytes(StandardCharsets.UTF_8))));
        all.add(new Upload("utf-16 bom", "bom16.csv", "text/csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "title,email\nBOM,bom@example.org\n".getBytes(StandardCharsets.UTF_16LE))));
        all.add(new Upload("utf-32 bom", "bom32.csv", "text/csv", concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
                "title,email\n".getBytes(java.nio.charset.Charset.forName("UTF-32BE")))));
        all.add(new Upload("invalid utf-8", "bytes.csv", "text/csv", new byte[] {'t', ',', 'e', '\n', (byte) 0xC3, 0x28, ',', (byte) 0xFF, '\n'}));
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        all.add(new Upload("binary", "random.csv", "text/csv", binary));
        all.add(new Upload("png named csv", "people.csv", "text/csv", png(2, 2, true, List.of())));
        all.add(csv("many rows", "title,email\n" + "x,x@example.org\n".repeat(60_000)));
        return all;
    }

    private static Upload csv(String label, String text) {
        return new Upload(label, label.replace(' ', '-') + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Forged badges for the verifier. */
    static List<Upload> badgeFiles() {
        String assertion = """
                {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"http://localhost/lietuva/credentials/00000000-0000-0000-0000-000000000000",
                 "recipient":{"type":"email","hashed":false,"identity":"%s"},"badge":"http://localhost/lietuva/badges/1","issuedOn":"2026-01-01T00:00:00Z",
                 "verification":{"type":"hosted"}}""".formatted(SCRIPT);
        String foreign = """
                {"@context":["https://www.w3.org/2018/credentials/v1","https://evil.example/context.jsonld"],"type":["VerifiableCredential","OpenBadgeCredential"],
                 "issuer":{"id":"https://evil.example/issuer","name":"%s"},"credentialSubject":{"id":"mailto:a@example.org","achievement":{"name":"%s"}},
                 "issuanceDate":"2026-01-01T00:00:00Z","proof":{"type":"Ed25519Signature2020","proofValue":"zForged"}}""".formatted(IMG, SCRIPT);
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"https://evil.example\",\"vc\":" + foreign + "}");
        String none = header + "." + payload + ".";
        String wrongSignature = b64("{\"alg\":\"RS256\",\"kid\":\"http://localhost/lietuva/keys/1\"}") + "." + payload + "."
                + b64("not a signature at all");
        String hmac = b64("{\"alg\":\"HS256\"}") + "." + payload + "." + b64("forged");
        List<Upload> all = new ArrayList<>();
        all.add(new Upload("png with forged assertion", "forged.png", "image/png",
                png(2, 2, true, List.of(itxt("openbadges", assertion)))));
        all.add(new Upload("png with jwt alg none", "none.png", "image/png", png(2, 2, true, List.of(itxt("openbadgecredential", none)))));
        all.add(new Upload("png with two payloads", "two.png", "image/png",
                png(2, 2, true, List.of(itxt("openbadges", assertion), itxt("openbadges", "https://evil.example/assertion")))));
        all.add(new Upload("png with oversized payload", "big.png", "image/png", png(2, 2, true, List.of(itxt("openbadges", "{\"a\":\"" + OVERSIZED + "\"}")))));
        all.add(new Upload("png with nested payload", "nested.png", "image/png",
                png(2, 2, true, List.of(itxt("openbadges", "[".repeat(10_000) + "]".repeat(10_000))))));
        all.add(new Upload("svg with script and assertion", "badge.svg", "image/svg+xml", ("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" onload="alert(1)">
                <openbadges:assertion verify="https://evil.example/a.json"><![CDATA[%s]]></openbadges:assertion>
                <script>alert(1)</script></svg>""".formatted(assertion)).getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("svg with external entity", "xxe.svg", "image/svg+xml", ("""
                <?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">
                <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
                <openbadges:assertion verify="&x;&c;"></openbadges:assertion></svg>""").getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("jwt alg none", "badge.jwt", "application/jwt", none.getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("jwt wrong signature", "badge.jwt", "application/jwt", wrongSignature.getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("jwt hmac forged", "badge.jwt", "text/plain", hmac.getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("jwt three dots", "badge.jwt", "text/plain", "...".getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("json-ld foreign context", "badge.json", "application/ld+json", foreign.getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("json forged hosted assertion", "badge.json", "application/json", assertion.getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("json deeply nested", "badge.json", "application/json",
                ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8)));
        all.add(new Upload("json wrong types", "badge.json", "application/json",
                "{\"@context\":42,\"type\":{\"x\":[]},\"issuer\":[1,2],\"credentialSubject\":\"x\",\"proof\":[null]}".getBytes(StandardCharsets.UTF_8)));
        return all;
    }
}
