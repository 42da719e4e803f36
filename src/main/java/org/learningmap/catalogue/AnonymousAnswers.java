package org.learningmap.catalogue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.learningmap.platform.AnswersFromMemory;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Whole answers of the search page and the search API for visitors who are not signed in, kept in
 * memory as the bytes sent (gzip-compressed once), so that the searches asked all the time cost
 * neither a query nor a rendering.
 *
 * <p>An answer is reused only for the same site, address and parameters (for the API in any order; for
 * the page as written, since it repeats its query string in its language and easy-read links), interface language, easy-read choice and htmx request
 * kind, and only while the catalogue version it was made at is still the current one ({@link
 * CatalogueVersion}, as read at most {@code learningmap.catalogue.version-recheck-within} before) and
 * until the moment the search's own answer stops being kept ({@link CachedSearch}: the next end of a
 * session of its matches, at most {@link CachedSearch#KEEP_AT_MOST}), which the page or the API names with
 * {@link #keepUntil}; an answer that names none is kept for half a minute. A signed-in person (whose page shows their account and forms of their own), a
 * request with a server session, a language being chosen with {@code ?lang=} (which sets a cookie) and
 * any answer other than 200 are never taken from or put into memory. Pages are answered here, after
 * the security filters (they need the request's CSRF token); API searches before them, through
 * {@link AnonymousApiAnswers} and {@link #answerApi}.
 *
 * <p>Every page carries the easy-read form and so a CSRF token, which belongs to one visitor. The
 * token is cut out of what is kept, and each answer gets the token of its own request put back in (the
 * answer is compressed for that request then); a kept page that shows a CSRF field whose token could
 * not be cut out is not kept. The API has no token and is sent as kept.
 *
 * <p>Each answer has an ETag; a request whose {@code If-None-Match} names it gets 304. A page's ETag
 * also names the visitor's CSRF cookie, since the page shown again must carry a token that cookie
 * accepts; a visitor without that cookie gets no ETag for a page. Memory is bounded by
 * {@link #MAX_BYTES}, the least recently used answers going first.
 */
@Component
class AnonymousAnswers extends OncePerRequestFilter {

    /** How long an answer that does not say how long it holds ({@link #keepUntil}) is kept. */
    static final Duration KEEP = Duration.ofSeconds(30);
    private static final String KEEP_UNTIL = AnonymousAnswers.class.getName() + ".keepUntil";
    /** How long an answer made from results being computed anew is kept. */
    static final Duration WHILE_REFRESHED = Duration.ofSeconds(1);
    static final long MAX_BYTES = 128L * 1024 * 1024;
    /** The pages kept whole: the search page and the site's home. */
    static final java.util.Set<String> PAGES = java.util.Set.of("/search", "/");
    private static final String CSRF_COOKIE = "XSRF-TOKEN";
    private static final String PAGE_VARY = "Accept-Encoding, Accept-Language, Cookie, HX-Request";
    private static final String API_VARY = "Accept-Encoding";
    private static final byte[] CSRF_FIELD = "name=\"_csrf\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CSRF_VALUE = "value=\"".getBytes(StandardCharsets.US_ASCII);
    private static final String[] NO_HEADERS = {};

    /**
     * What an answer depends on besides the catalogue. A page's key holds the site as this node knows it
     * (name, colours, logo…): a site changed on another node shows here once this node reads it again
     * ({@code Sites}), not only once the kept page runs out.
     */
    record Key(String path, String query, Object site, String language, boolean easyRead, String htmx) {
    }

    /**
     * One kept answer: the body as parts between which the request's CSRF token goes (one part when
     * it has none), and compressed once: whole when it has no token, else each part on its own
     * ({@link #deflatedParts}), so that an answer is compressed without compressing it again.
     */
    record Entry(long version, Instant until, String contentType, String contentLanguage, byte[][] parts, byte[] gzip,
                 byte[][] deflated, String tag, boolean page, String[] headers) {

        long weight() {
            long bytes = 256 + (gzip == null ? 0 : gzip.length) + 64L * headers.length;
            for (byte[] part : parts) {
                bytes += part.length;
            }
            for (byte[] part : deflated) {
                bytes += part.length;
            }
            return bytes;
        }
    }

    private final CatalogueVersion version;
    private final LocaleResolver locales;
    private final Clock clock;
    private final CsrfTokenRepository csrfTokens;
    private final CsrfTokenRequestHandler csrfTokenHandler = new XorCsrfTokenRequestAttributeHandler();
    /** The headers the security filters gave the last visitor's search page that went through them. */
    private volatile String[] pageHeaders;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    AnonymousAnswers(CatalogueVersion version, LocaleResolver locales, Clock clock, CsrfTokenRepository csrfTokens) {
        this.csrfTokens = csrfTokens;
        this.version = version;
        this.locales = locales;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        // The API is answered before the security filters, by AnonymousApiAnswers.
        return !PAGES.contains(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Site site = Sites.current(request);
        if (site == null || !anonymous(request)) {
            chain.doFilter(request, response);
            return;
        }
        Key key = pageKey(site, request);
        long current = version.current();
        Instant now = clock.instant();
        Entry entry = kept(key, current, now);
        if (entry != null) {
            send(entry, request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        entry = captured.getStatus() == HttpServletResponse.SC_OK && anonymous(request) && onlyCsrfCookies(response)
                ? entry(captured, request, true, current, now, NO_HEADERS) : null;
        if (entry == null) {
            captured.copyBodyToResponse();
            return;
        }
        keep(key, entry);
        send(entry, request, response);
    }

    private Key pageKey(Site site, HttpServletRequest request) {
        return new Key(request.getRequestURI(), request.getQueryString() + "\n" + parameters(request, false), site,
                locales.resolveLocale(request).getLanguage(), easyRead(request),
                String.valueOf(request.getHeader("HX-Request")) + "/" + request.getHeader("HX-History-Restore-Request"));
    }

    /**
     * A search page of a visitor ({@link AnswersFromMemory#fromVisitor}), answered before the security
     * filters when it is kept: with the CSRF token the security filters would have given (the visitor's
     * cookie token, or a new one set as a cookie, masked for this answer by the same handler) and the
     * headers they gave the last page that went through them ({@link #pageWentThrough}). False when
     * it is not kept, or no page has gone through them yet: the request must then go down the chain.
     */
    boolean answerPageFromMemory(Site site, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] replayed = pageHeaders;
        if (replayed == null) {
            return false;
        }
        Entry entry = kept(pageKey(site, request), version.current(), clock.instant());
        if (entry == null) {
            return false;
        }
        DeferredCsrfToken token = csrfTokens.loadDeferredToken(request, response);
        csrfTokenHandler.handle(request, response, token::get);
        for (int i = 0; i < replayed.length; i += 2) {
            response.setHeader(replayed[i], replayed[i + 1]);
        }
        send(entry, request, response);
        return true;
    }

    /** Notes the headers the security filters gave a visitor's search page that went through them. */
    void pageWentThrough(HttpServletResponse response) {
        String type = response.getContentType();
        if (response.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")) {
            pageHeaders = AnswersFromMemory.replayableHeaders(response);
        }
    }

    /**
     * An API search of a visitor, answered before the security filters run: {@link AnonymousApiAnswers}
     * has made sure the request carries no token and no session. A kept answer is sent with the
     * headers the filters gave it when it was made (security headers); anything else goes down the
     * chain and, if it answers 200 without setting a cookie, is kept with those headers.
     */
    void answerApi(Site site, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Key key = new Key(request.getRequestURI(), parameters(request, true), site.id(), "", false, "");
        long current = version.current();
        Instant now = clock.instant();
        Entry entry = kept(key, current, now);
        if (entry != null) {
            String[] headers = entry.headers();
            for (int i = 0; i < headers.length; i += 2) {
                response.setHeader(headers[i], headers[i + 1]);
            }
            send(entry, request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        entry = captured.getStatus() == HttpServletResponse.SC_OK && response.getHeaders("Set-Cookie").isEmpty()
                ? entry(captured, request, false, current, now, AnswersFromMemory.replayableHeaders(response)) : null;
        if (entry == null) {
            captured.copyBodyToResponse();
            return;
        }
        keep(key, entry);
        send(entry, request, response);
    }

    /**
     * Says until when the answer being made holds unless the catalogue changes: {@code null} for no
     * limit of its own (it is then kept at most {@link CachedSearch#KEEP_AT_MOST}).
     */
    static void keepUntil(HttpServletRequest request, Instant until) {
        request.setAttribute(KEEP_UNTIL, until == null ? Instant.MAX : until);
    }

    /**
     * Until when an answer made now is kept. One made from results that are being computed anew
     * ({@link CachedSearch#REFRESH_WITHIN}) is kept for {@link #WHILE_REFRESHED}, so that visitors
     * asking meanwhile do not each have it rendered again.
     */
    static Instant until(HttpServletRequest request, Instant now) {
        Instant named = (Instant) request.getAttribute(KEEP_UNTIL);
        if (named == null) {
            return now.plus(KEEP);
        }
        Instant longest = now.plus(CachedSearch.KEEP_AT_MOST);
        Instant until = named.isBefore(longest) ? named : longest;
        return until.isAfter(now) ? until : now.plus(WHILE_REFRESHED);
    }

    /**
     * The request's parameters as one text, sorted by name when {@code sorted}: the API's answer
     * depends on them alone, while the page also repeats its query string as it was written.
     */
    private static String parameters(HttpServletRequest request, boolean sorted) {
        Map<String, String[]> parameters = sorted ? new java.util.TreeMap<>(request.getParameterMap()) : request.getParameterMap();
        StringBuilder text = new StringBuilder();
        parameters.forEach((name, values) -> {
            for (String value : values) {
                text.append(name).append('=').append(value).append('\u0000');
            }
        });
        return text.toString();
    }

    /** Not signed in, no server session, no bearer token and no language being chosen. */
    private static boolean anonymous(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return !signedIn && request.getSession(false) == null && request.getHeader("Authorization") == null
                && request.getParameter("lang") == null;
    }

    /** The answer set no cookie but the CSRF one, which the visitor gets anyway when a kept page is sent. */
    private static boolean onlyCsrfCookies(HttpServletResponse response) {
        return response.getHeaders("Set-Cookie").stream().allMatch(cookie -> cookie.startsWith(CSRF_COOKIE + "="));
    }

    private Entry entry(ContentCachingResponseWrapper captured, HttpServletRequest request, boolean page, long current,
                        Instant now, String[] headers) {
        byte[] body = captured.getContentAsByteArray();
        String contentType = captured.getContentType();
        Instant until = until(request, now);
        if (contentType == null || body.length == 0) {
            return null;
        }
        byte[][] parts = {body};
        if (page) {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                parts = split(body, token.getToken().getBytes(StandardCharsets.UTF_8));
            }
            // Whatever a CSRF field holds must have been cut out: each field's value ends its part.
            for (byte[] part : parts) {
                int field = indexOf(part, CSRF_FIELD, 0);
                while (field >= 0) {
                    int value = indexOf(part, CSRF_VALUE, field);
                    if (value < 0 || value + CSRF_VALUE.length != part.length) {
                        return null;
                    }
                    field = indexOf(part, CSRF_FIELD, field + 1);
                }
            }
        }
        String tag = digest(parts);
        // A page's language is set with the response's locale, which the container sends as Content-Language
        // only when the answer is committed: it is not among the headers yet.
        String language = captured.getHeader("Content-Language");
        if (language == null && page) {
            language = captured.getLocale().toLanguageTag();
        }
        return new Entry(current, until, contentType, language, parts,
                parts.length == 1 ? gzip(parts[0], Deflater.BEST_COMPRESSION) : null,
                parts.length == 1 ? new byte[0][] : deflatedParts(parts), tag, page, headers);
    }

    private void send(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", entry.page() ? PAGE_VARY : API_VARY);
        response.setHeader("Cache-Control", entry.page() ? "private, no-cache" : "no-cache");
        String tag = etag(entry, request);
        if (tag != null) {
            response.setHeader("ETag", tag);
            if (matches(request.getHeader("If-None-Match"), tag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(entry.contentType());
        if (entry.contentLanguage() != null) {
            response.setHeader("Content-Language", entry.contentLanguage());
        }
        boolean gzip = acceptsGzip(request);
        byte[] body;
        if (entry.parts().length == 1) {
            body = gzip ? entry.gzip() : entry.parts()[0];
        } else {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            byte[] value = token.getToken().getBytes(StandardCharsets.UTF_8);
            if (!gzip) {
                body = join(entry.parts(), value);
            } else if (value.length <= 0xffff) {
                body = gzipJoined(entry.parts(), entry.deflated(), value);
            } else {
                body = gzip(join(entry.parts(), value), Deflater.BEST_SPEED);
            }
        }
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A page's tag names the visitor's CSRF cookie too; without one the page gets a new token and no tag. */
    private static String etag(Entry entry, HttpServletRequest request) {
        if (!entry.page() || entry.parts().length == 1) {
            return "\"" + entry.tag() + "\"";
        }
        String cookie = null;
        if (request.getCookies() != null) {
            for (Cookie candidate : request.getCookies()) {
                if (CSRF_COOKIE.equals(candidate.getName())) {
                    cookie = candidate.getValue();
                }
            }
        }
        return cookie == null ? null : "\"" + entry.tag() + "-" + digest(new byte[][] {cookie.getBytes(StandardCharsets.UTF_8)}).substring(0, 16) + "\"";
    }

    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].strip().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private synchronized Entry kept(Key key, long current, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.version() != current || !now.isBefore(entry.until())) {
            entries.remove(key);
            bytes -= entry.weight();
            return null;
        }
        return entry;
    }

    private synchronized void keep(Key key, Entry entry) {
        Entry previous = entries.put(key, entry);
        bytes += entry.weight() - (previous == null ? 0 : previous.weight());
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > MAX_BYTES && oldest.hasNext()) {
            Map.Entry<Key, Entry> next = oldest.next();
            if (next.getKey().equals(key)) {
                continue;
            }
            bytes -= next.getValue().weight();
            oldest.remove();
        }
    }

    /** How many answers are kept, and their bytes. */
    synchronized long[] size() {
        return new long[] {entries.size(), bytes};
    }

    /** The easy-read choice as the layout reads it (the platform's view preferences keep it in this cookie). */
    private static boolean easyRead(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if ("easy".equals(cookie.getName()) && "1".equals(cookie.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static byte[][] split(byte[] body, byte[] token) {
        if (token.length == 0) {
            return new byte[][] {body};
        }
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = indexOf(body, token, from)) >= 0) {
            parts.add(Arrays.copyOfRange(body, from, at));
            from = at + token.length;
        }
        parts.add(Arrays.copyOfRange(body, from, body.length));
        return parts.toArray(byte[][]::new);
    }

    static byte[] join(byte[][] parts, byte[] token) {
        int length = token.length * (parts.length - 1);
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                System.arraycopy(token, 0, out, at, token.length);
                at += token.length;
            }
            System.arraycopy(parts[i], 0, out, at, parts[i].length);
            at += parts[i].length;
        }
        return out;
    }

    private static int indexOf(byte[] body, byte[] what, int from) {
        outer:
        for (int i = from; i <= body.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (body[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Each part compressed on its own as raw DEFLATE blocks, none of them final, ending on a byte
     * boundary (a sync flush) and never referring to bytes outside the part: blocks that can be put
     * one after another with other blocks between them (RFC 1951).
     */
    static byte[][] deflatedParts(byte[][] parts) {
        byte[][] deflated = new byte[parts.length][];
        byte[] buffer = new byte[8192];
        for (int i = 0; i < parts.length; i++) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            try {
                deflater.setInput(parts[i]);
                ByteArrayOutputStream out = new ByteArrayOutputStream(parts[i].length / 4 + 64);
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == buffer.length || !deflater.needsInput());
                deflated[i] = out.toByteArray();
            } finally {
                deflater.end();
            }
        }
        return deflated;
    }

    /**
     * The parts joined by the token, as a gzip file (RFC 1952) made of the parts' kept blocks, the token
     * as a stored block between each two, and an empty final block: the same bytes as {@link #join},
     * compressed, at the cost of copying them and a CRC.
     */
    static byte[] gzipJoined(byte[][] parts, byte[][] deflated, byte[] token) {
        int length = 10 + 5 + 8 + (parts.length - 1) * (5 + token.length);
        for (byte[] part : deflated) {
            length += part.length;
        }
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(length);
        out.put(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long size = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                // a stored block, not final: header bits 000 padded to the byte, LEN and its complement, the bytes
                out.put((byte) 0).put((byte) token.length).put((byte) (token.length >>> 8))
                        .put((byte) ~token.length).put((byte) (~token.length >>> 8)).put(token);
                crc.update(token);
                size += token.length;
            }
            out.put(deflated[i]);
            crc.update(parts[i]);
            size += parts[i].length;
        }
        // the final block: stored and empty
        out.put(new byte[] {1, 0, 0, (byte) 0xff, (byte) 0xff});
        long value = crc.getValue();
        out.put((byte) value).put((byte) (value >>> 8)).put((byte) (value >>> 16)).put((byte) (value >>> 24));
        out.put((byte) size).put((byte) (size >>> 8)).put((byte) (size >>> 16)).put((byte) (size >>> 24));
        return out.array();
    }

    static byte[] gzip(byte[] plain, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[][] parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
