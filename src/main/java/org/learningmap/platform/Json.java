package org.learningmap.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.learningmap.shared.LocalizedText;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Translatable text to and from the JSON kept in {@code jsonb} columns. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TEXT = new TypeReference<>() {
    };

    private Json() {
    }

    public static LocalizedText text(String json) {
        if (json == null || json.isBlank()) {
            return LocalizedText.EMPTY;
        }
        return new LocalizedText(MAPPER.readValue(json, TEXT));
    }

    public static String json(LocalizedText text) {
        return MAPPER.writeValueAsString(text == null ? Map.of() : text.values());
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
