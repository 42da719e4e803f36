package org.learningmap.shared;

import java.util.List;

/** The languages the interface is translated into. A new language is a new message file per module. */
public final class Languages {

    public static final List<String> INTERFACE = List.of("en", "lt", "uk");

    private Languages() {
    }

    public static boolean isInterfaceLanguage(String tag) {
        return tag != null && INTERFACE.contains(tag);
    }
}
