package org.learningmap.recognition.credentials;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** Reading and writing the Jakarta JSON documents JSON-LD processing works on. */
final class Jsons {

    /**
     * The JSON provider, looked up once: {@code jakarta.json.Json.createObjectBuilder()} and its kin search the
     * class path with a ServiceLoader on every call, which cost an eighth of the time of signing a credential.
     */
    static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private static final JsonWriterFactory PRETTY = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    private static final JsonWriterFactory COMPACT = JSON.createWriterFactory(Map.of());

    private Jsons() {
    }

    static String pretty(JsonStructure json) {
        var out = new StringWriter(4096);
        try (var writer = PRETTY.createWriter(out)) {
            writer.write(json);
        }
        return out.toString().strip() + "\n";
    }

    static String compact(JsonStructure json) {
        var out = new StringWriter(4096);
        try (var writer = COMPACT.createWriter(out)) {
            writer.write(json);
        }
        return out.toString();
    }

    /** The JSON object in {@code text}; throws {@link jakarta.json.JsonException} if it is not one. */
    static JsonObject object(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
