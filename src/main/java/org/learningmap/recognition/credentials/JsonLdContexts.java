package org.learningmap.recognition.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.cache.Cache;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON-LD contexts credentials use, bundled with the application (the same files the
 * independent verifier serves offline): nothing is ever fetched from the network. Documents and
 * processed contexts are kept once for the whole application.
 */
final class JsonLdContexts {

    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    private static final String FOLDER = "/recognition/credentials/contexts/";

    private static final Map<String, Document> DOCUMENTS = load();
    private static final ConcurrentCache<JsonValue> CONTEXT_CACHE = new ConcurrentCache<>();
    private static final ConcurrentCache<Document> DOCUMENT_CACHE = new ConcurrentCache<>();

    private static final DocumentLoader LOADER = (url, options) -> {
        Document document = DOCUMENTS.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "context not available offline: " + url);
        }
        return document;
    };

    private JsonLdContexts() {
    }

    static boolean known(String url) {
        return DOCUMENTS.containsKey(url);
    }

    /** Options for processing a credential: bundled contexts only, and undefined terms are an error (safe mode). */
    static JsonLdOptions options() {
        var options = new JsonLdOptions(LOADER);
        options.setContextCache(CONTEXT_CACHE);
        options.setDocumentCache(DOCUMENT_CACHE);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return options;
    }

    private static Map<String, Document> load() {
        try (InputStream index = JsonLdContexts.class.getResourceAsStream(FOLDER + "map.json")) {
            Map<String, String> files = JsonMapper.builder().build().readValue(index, new TypeReference<Map<String, String>>() {
            });
            var documents = new ConcurrentHashMap<String, Document>();
            for (var entry : files.entrySet()) {
                try (InputStream in = JsonLdContexts.class.getResourceAsStream(FOLDER + entry.getValue())) {
                    documents.put(entry.getKey(), JsonDocument.of(MediaType.JSON_LD, in));
                }
            }
            return Map.copyOf(documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("a bundled JSON-LD context cannot be read", e);
        }
    }

    /** The handful of contexts in use never change, so an unbounded thread-safe map is the right cache. */
    private static final class ConcurrentCache<V> implements Cache<String, V> {
        private final Map<String, V> values = new ConcurrentHashMap<>();

        @Override
        public boolean containsKey(String key) {
            return values.containsKey(key);
        }

        @Override
        public V get(String key) {
            return values.get(key);
        }

        @Override
        public void put(String key, V value) {
            if (values.size() < 256) {
                values.put(key, value);
            }
        }
    }
}
