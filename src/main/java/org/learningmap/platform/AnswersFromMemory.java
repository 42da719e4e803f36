package org.learningmap.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the filters that answer visitors from memory before the security filters (the search API's
 * and the map's) share: which requests they may answer, and which headers of an answer that went
 * through the security filters an answer from memory carries again.
 */
public final class AnswersFromMemory {

    /** Headers an answer gets anew each time it is sent, or must never get again. */
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "content-type",
            "content-encoding", "content-language", "transfer-encoding", "date", "etag", "vary", "cache-control",
            "connection", "keep-alive", "last-modified");

    private AnswersFromMemory() {
    }

    /**
     * A visitor's request: no {@code Authorization} header (the API's only way to sign in), no session
     * cookie and no {@code ?lang=} (which sets a cookie). The API's security is stateless, so the
     * session cookie test is the stricter one and needs no database.
     */
    public static boolean fromVisitor(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null || request.getParameter("lang") != null) {
            return false;
        }
        if (request.getHeader("Cookie") == null) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if ("SESSION".equals(cookie.getName()) || "JSESSIONID".equals(cookie.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The headers the filters set on an answer that an answer from memory carries again, as name, value pairs. */
    public static String[] replayableHeaders(HttpServletResponse response) {
        List<String> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(name);
                    headers.add(value);
                }
            }
        }
        return headers.toArray(String[]::new);
    }
}
