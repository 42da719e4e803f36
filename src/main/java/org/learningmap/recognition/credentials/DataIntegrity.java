package org.learningmap.recognition.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Data Integrity proofs with the {@code eddsa-rdfc-2022} cryptosuite (W3C VC Data Integrity EdDSA
 * Cryptosuites v1.0): the document and the proof options are canonicalised with RDFC-1.0 from the
 * bundled contexts, hashed with SHA-256 and signed with Ed25519.
 */
final class DataIntegrity {

    static final String TYPE = "DataIntegrityProof";
    static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    static final String ASSERTION_METHOD = "assertionMethod";

    private DataIntegrity() {
    }

    /** RDFC-1.0 canonical N-Quads of a JSON-LD document; throws {@link CanonicalisationFailed} if it is not clean JSON-LD. */
    static String canonicalize(JsonObject document) {
        try {
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLd.toRdf(JsonDocument.of(document)).options(JsonLdContexts.options()).provide(canon);
            var out = new StringWriter(4096);
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError | RdfConsumerException | RuntimeException e) {
            throw new CanonicalisationFailed(e.getMessage(), e);
        }
    }

    /** The document with a proof array holding one new proof. */
    static JsonObject sign(JsonObject unsigned, String verificationMethod, PrivateKey key, Instant created) {
        JsonObject options = Json.createObjectBuilder()
                .add("type", TYPE)
                .add("created", created.truncatedTo(ChronoUnit.SECONDS).toString())
                .add("verificationMethod", verificationMethod)
                .add("cryptosuite", CRYPTOSUITE)
                .add("proofPurpose", ASSERTION_METHOD)
                .build();
        JsonObject document = without(unsigned, "proof");
        byte[] hash = hashData(document, options);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(hash);
            JsonObject proof = Json.createObjectBuilder(options)
                    .add("proofValue", Multibase.base58btc(signature.sign()))
                    .build();
            return Json.createObjectBuilder(document).add("proof", Json.createArrayBuilder().add(proof)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Whether {@code proof} is a valid {@code eddsa-rdfc-2022} signature of {@code secured} (its other proofs
     * left out) by {@code key}. Throws {@link CanonicalisationFailed} if the document is not clean JSON-LD.
     */
    static boolean verify(JsonObject secured, JsonObject proof, PublicKey key) {
        if (!(proof.get("proofValue") instanceof jakarta.json.JsonString value)) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Multibase.decodeBase58btc(value.getString());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] hash = hashData(without(secured, "proof"), without(proof, "proofValue"));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(hash);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The proofs of a document ({@code proof} may be one object or an array). */
    static java.util.List<JsonObject> proofs(JsonObject document) {
        JsonValue proof = document.get("proof");
        if (proof instanceof JsonObject one) {
            return java.util.List.of(one);
        }
        if (proof instanceof JsonArray many) {
            return many.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
        }
        return java.util.List.of();
    }

    private static byte[] hashData(JsonObject document, JsonObject proofOptions) {
        JsonObject proofConfig = Json.createObjectBuilder(proofOptions)
                .add("@context", document.getOrDefault("@context", JsonValue.NULL))
                .build();
        byte[] proofHash = sha256(canonicalize(proofConfig));
        byte[] documentHash = sha256(canonicalize(document));
        byte[] both = new byte[64];
        System.arraycopy(proofHash, 0, both, 0, 32);
        System.arraycopy(documentHash, 0, both, 32, 32);
        return both;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject without(JsonObject object, String key) {
        if (!object.containsKey(key)) {
            return object;
        }
        JsonObjectBuilder builder = Json.createObjectBuilder(object);
        builder.remove(key);
        return builder.build();
    }

    /** A document that cannot be turned into RDF with the bundled contexts (undefined term, unknown context, bad value). */
    static final class CanonicalisationFailed extends RuntimeException {
        CanonicalisationFailed(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
