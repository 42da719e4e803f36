package org.learningmap.platform;

/** Redirect targets taken from a request stay inside the application: no open redirects. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    /** The path if it is local to the application (starts with one slash), else "/". */
    public static String localPath(String path) {
        if (path == null || path.isBlank() || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.length() > 2000 || path.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return path;
    }
}
