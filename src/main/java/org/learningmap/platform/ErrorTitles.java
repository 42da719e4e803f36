package org.learningmap.platform;

import java.util.Set;

/** The message key of an error page's title for an HTTP status. */
public final class ErrorTitles {

    private static final Set<Integer> NAMED = Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503);

    private ErrorTitles() {
    }

    public static String key(Object status) {
        int code = status instanceof Number number ? number.intValue() : 500;
        return NAMED.contains(code) ? "error.title." + code : "error.title.other";
    }
}
