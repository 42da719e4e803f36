package org.learningmap.recognition.verification;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Baked badges: an Open Badge carried inside its own image, so that the picture a learner keeps or
 * shares can be verified on its own.
 *
 * <ul>
 *   <li>PNG (Open Badges 3.0 "Baked Badge" and the 2.0 baking specification): one uncompressed
 *   {@code iTXt} chunk with the keyword {@code openbadgecredential} (3.0: the signed credential as
 *   JSON, or a compact JWS) or {@code openbadges} (2.0: the assertion JSON or its URL), placed before
 *   {@code IEND}. Reading also accepts the legacy {@code tEXt} "openbadges" chunk and compressed
 *   {@code iTXt} written by other issuers.</li>
 *   <li>SVG: an {@code <openbadges:credential>} element in the namespace
 *   {@code https://purl.imsglobal.org/ob/v3p0} (3.0), or {@code <openbadges:assertion verify="URL">}
 *   in {@code http://openbadges.org} (2.0), each carrying the JSON in a CDATA section, right after
 *   the opening {@code <svg>} tag.</li>
 * </ul>
 * Only the chunk format is handled here; no image is decoded or re-encoded, so the picture itself
 * stays byte-for-byte what it was.
 */
public final class BakedBadges {

    /** Which Open Badges version a baked payload belongs to. */
    public enum Version { OB3, OB2 }

    /** What was found inside an image: the version and the text (JSON, a compact JWS or a URL). */
    public record Baked(Version version, String text) {
    }

    /** The image is not what it claims to be (not a PNG, a chunk cut short, a wrong checksum). */
    public static final class BrokenImage extends RuntimeException {
        BrokenImage(String message) {
            super(message, null, false, false);
        }
    }

    public static final String OB3_PNG_KEYWORD = "openbadgecredential";
    public static final String OB2_PNG_KEYWORD = "openbadges";
    public static final String OB3_SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    public static final String OB2_SVG_NAMESPACE = "http://openbadges.org";

    private static final byte[] PNG_SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int MAX_INFLATED = 2 * 1024 * 1024;

    private BakedBadges() {
    }

    // ---------------------------------------------------------------- PNG

    public static boolean isPng(byte[] bytes) {
        if (bytes == null || bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The PNG with the payload baked in: any Open Badges chunk already there is removed (a badge
     * carries one credential), then one uncompressed {@code iTXt} chunk goes in before {@code IEND}.
     */
    public static byte[] bakePng(byte[] png, Version version, String text) {
        List<Chunk> chunks = chunks(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length() + 64);
        out.writeBytes(PNG_SIGNATURE);
        boolean written = false;
        for (Chunk chunk : chunks) {
            if (isBadgeChunk(chunk)) {
                continue;
            }
            if (chunk.type().equals("IEND")) {
                writeChunk(out, "iTXt", iTXt(keyword(version), text));
                written = true;
            }
            writeChunk(out, chunk.type(), chunk.data());
        }
        if (!written) {
            throw new BrokenImage("PNG without IEND");
        }
        return out.toByteArray();
    }

    /** The Open Badges payload of a PNG, if it carries one (3.0 first, then 2.0, then the legacy tEXt). */
    public static Optional<Baked> unbakePng(byte[] png) {
        String ob3 = null;
        String ob2 = null;
        String legacy = null;
        for (Chunk chunk : chunks(png)) {
            if (chunk.type().equals("iTXt")) {
                TextChunk text = parseITXt(chunk.data());
                if (text.keyword().equals(OB3_PNG_KEYWORD) && ob3 == null) {
                    ob3 = text.text();
                } else if (text.keyword().equals(OB2_PNG_KEYWORD) && ob2 == null) {
                    ob2 = text.text();
                }
            } else if (chunk.type().equals("tEXt")) {
                int zero = indexOf(chunk.data(), 0, 0);
                if (zero > 0 && new String(chunk.data(), 0, zero, StandardCharsets.ISO_8859_1).equals(OB2_PNG_KEYWORD)
                        && legacy == null) {
                    legacy = new String(chunk.data(), zero + 1, chunk.data().length - zero - 1, StandardCharsets.ISO_8859_1);
                }
            }
        }
        if (ob3 != null) {
            return Optional.of(new Baked(Version.OB3, ob3.strip()));
        }
        if (ob2 != null) {
            return Optional.of(new Baked(Version.OB2, ob2.strip()));
        }
        return Optional.ofNullable(legacy).map(text -> new Baked(Version.OB2, text.strip()));
    }

    private static String keyword(Version version) {
        return version == Version.OB3 ? OB3_PNG_KEYWORD : OB2_PNG_KEYWORD;
    }

    private static boolean isBadgeChunk(Chunk chunk) {
        if (!chunk.type().equals("iTXt") && !chunk.type().equals("tEXt")) {
            return false;
        }
        int zero = indexOf(chunk.data(), 0, 0);
        if (zero < 0) {
            return false;
        }
        String keyword = new String(chunk.data(), 0, zero, StandardCharsets.ISO_8859_1);
        return keyword.equals(OB3_PNG_KEYWORD) || keyword.equals(OB2_PNG_KEYWORD);
    }

    record Chunk(String type, byte[] data) {
    }

    private record TextChunk(String keyword, String text) {
    }

    /** Every chunk of a PNG, checked: signature, lengths and CRC. */
    static List<Chunk> chunks(byte[] png) {
        if (!isPng(png)) {
            throw new BrokenImage("not a PNG (signature)");
        }
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.position(PNG_SIGNATURE.length);
        while (true) {
            if (buffer.remaining() < 12) {
                throw new BrokenImage("PNG cut short");
            }
            long length = Integer.toUnsignedLong(buffer.getInt());
            if (length > buffer.remaining() - 8) {
                throw new BrokenImage("PNG chunk longer than the file");
            }
            byte[] typeAndData = new byte[4 + (int) length];
            buffer.get(typeAndData);
            long crc = Integer.toUnsignedLong(buffer.getInt());
            CRC32 check = new CRC32();
            check.update(typeAndData);
            if (check.getValue() != crc) {
                throw new BrokenImage("PNG chunk checksum wrong");
            }
            String type = new String(typeAndData, 0, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new BrokenImage("PNG chunk type invalid");
            }
            byte[] data = new byte[(int) length];
            System.arraycopy(typeAndData, 4, data, 0, data.length);
            chunks.add(new Chunk(type, data));
            if (type.equals("IEND")) {
                return chunks;
            }
            if (chunks.size() == 1 && !type.equals("IHDR")) {
                throw new BrokenImage("PNG does not start with IHDR");
            }
        }
    }

    private static byte[] iTXt(String keyword, String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(text.length() + 32);
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0); // end of keyword
        data.write(0); // compression flag: none (compression MUST NOT be used)
        data.write(0); // compression method
        data.write(0); // empty language tag
        data.write(0); // empty translated keyword
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    private static TextChunk parseITXt(byte[] data) {
        int keywordEnd = indexOf(data, 0, 0);
        if (keywordEnd < 1 || keywordEnd + 3 > data.length) {
            throw new BrokenImage("iTXt chunk malformed");
        }
        String keyword = new String(data, 0, keywordEnd, StandardCharsets.ISO_8859_1);
        int compressed = data[keywordEnd + 1];
        int languageEnd = indexOf(data, 0, keywordEnd + 3);
        int translatedEnd = languageEnd < 0 ? -1 : indexOf(data, 0, languageEnd + 1);
        if (translatedEnd < 0) {
            throw new BrokenImage("iTXt chunk malformed");
        }
        byte[] raw = new byte[data.length - translatedEnd - 1];
        System.arraycopy(data, translatedEnd + 1, raw, 0, raw.length);
        if (compressed == 1) {
            raw = inflate(raw);
        }
        return new TextChunk(keyword, new String(raw, StandardCharsets.UTF_8));
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new BrokenImage("iTXt chunk compressed data cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new BrokenImage("iTXt chunk too large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new BrokenImage("iTXt chunk compressed data invalid");
        } finally {
            inflater.end();
        }
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static int indexOf(byte[] data, int value, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- SVG

    private static final Pattern SVG_START = Pattern.compile("<svg\\b[^>]*?(/?)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMESPACES = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*([\"'])(.*?)\\2");
    private static final Pattern OLD_BAKE = Pattern.compile(
            "\\s*<openbadges:(credential|assertion)\\b[^>]*?(/>|>[\\s\\S]*?</openbadges:\\1\\s*>)");

    /**
     * The SVG with the payload baked in as the first child of {@code <svg>}: for 3.0 the credential
     * JSON (or, for a compact JWS, a {@code verify} attribute); for 2.0 the assertion JSON with its
     * hosted URL in {@code verify}.
     *
     * @param verifyUrl 2.0 only: the hosted assertion's URL ({@code null} for 3.0)
     */
    public static String bakeSvg(String svg, Version version, String text, String verifyUrl) {
        String clean = OLD_BAKE.matcher(svg).replaceAll("");
        Matcher start = SVG_START.matcher(clean);
        if (!start.find()) {
            throw new BrokenImage("no <svg> element");
        }
        String namespace = version == Version.OB3 ? OB3_SVG_NAMESPACE : OB2_SVG_NAMESPACE;
        String element = version == Version.OB3 ? "credential" : "assertion";
        String tag = start.group();
        boolean selfClosing = !start.group(1).isEmpty();
        String open = selfClosing ? tag.substring(0, tag.length() - 2).stripTrailing() : tag.substring(0, tag.length() - 1);
        open = NAMESPACES.matcher(open).replaceAll(m -> m.group(1).equals("openbadges") ? "" : Matcher.quoteReplacement(m.group()));
        open = open.stripTrailing() + " xmlns:openbadges=\"" + namespace + "\">";
        String trimmed = text.strip();
        StringBuilder baked = new StringBuilder("\n<openbadges:").append(element);
        boolean jws = !trimmed.startsWith("{");
        if (verifyUrl != null) {
            baked.append(" verify=\"").append(attribute(verifyUrl)).append('"');
        }
        if (jws) {
            if (verifyUrl == null) {
                baked.append(" verify=\"").append(attribute(trimmed)).append('"');
            }
            baked.append("/>");
        } else {
            // "]]>" would end the CDATA section; in JSON it can only sit inside a string, where \u003e is the same text.
            baked.append("><![CDATA[").append(trimmed.replace("]]>", "]]\\u003e")).append("]]></openbadges:")
                    .append(element).append('>');
        }
        String rest = clean.substring(start.end());
        String close = selfClosing ? "\n</svg>" : "";
        return clean.substring(0, start.start()) + open + baked + close + rest;
    }

    /** The Open Badges payload of an SVG, if it carries one. */
    public static Optional<Baked> unbakeSvg(String svg) {
        Matcher start = SVG_START.matcher(svg);
        if (!start.find()) {
            throw new BrokenImage("no <svg> element");
        }
        Map<String, String> namespaces = new HashMap<>();
        Matcher ns = NAMESPACES.matcher(start.group());
        while (ns.find()) {
            namespaces.put(ns.group(1), ns.group(3));
        }
        for (Version version : Version.values()) {
            String namespace = version == Version.OB3 ? OB3_SVG_NAMESPACE : OB2_SVG_NAMESPACE;
            String element = version == Version.OB3 ? "credential" : "assertion";
            Pattern pattern = Pattern.compile("<([A-Za-z_][\\w.-]*):" + element + "\\b([^>]*?)(/>|>([\\s\\S]*?)</\\1:" + element
                    + "\\s*>)");
            Matcher found = pattern.matcher(svg);
            while (found.find()) {
                String prefix = found.group(1);
                if (!namespace.equals(namespaces.get(prefix)) && !prefix.equals("openbadges")) {
                    continue;
                }
                String body = found.group(4) == null ? "" : found.group(4);
                Matcher cdata = Pattern.compile("<!\\[CDATA\\[([\\s\\S]*?)]]>").matcher(body);
                if (cdata.find() && !cdata.group(1).isBlank()) {
                    return Optional.of(new Baked(version, cdata.group(1).strip()));
                }
                if (!body.isBlank()) {
                    return Optional.of(new Baked(version, unescape(body.strip())));
                }
                Matcher verify = Pattern.compile("\\bverify\\s*=\\s*([\"'])(.*?)\\1", Pattern.DOTALL).matcher(found.group(2));
                if (verify.find()) {
                    return Optional.of(new Baked(version, unescape(verify.group(2)).strip()));
                }
            }
        }
        return Optional.empty();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String value) {
        Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|quot|apos|lt|gt|amp);").matcher(value);
        return entity.replaceAll(m -> {
            String name = m.group(1);
            String replacement = switch (name) {
                case "quot" -> "\"";
                case "apos" -> "'";
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                default -> {
                    try {
                        int cp = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                        yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
                    } catch (NumberFormatException e) {
                        yield "";
                    }
                }
            };
            return Matcher.quoteReplacement(replacement);
        });
    }
}
