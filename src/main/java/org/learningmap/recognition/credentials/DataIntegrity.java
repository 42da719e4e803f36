package org.learningmap.recognition.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
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
        JsonObject options = Jsons.JSON.createObjectBuilder()
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
            JsonObject proof = Jsons.JSON.createObjectBuilder(options)
                    .add("proofValue", Multibase.base58btc(signature.sign()))
                    .build();
            return Jsons.JSON.createObjectBuilder(document).add("proof", Jsons.JSON.createArrayBuilder().add(proof)).build();
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
        String canonicalProof = canonicalProofOptions(document, proofOptions);
        if (canonicalProof == null) {
            JsonObject proofConfig = Jsons.JSON.createObjectBuilder(proofOptions)
                    .add("@context", document.getOrDefault("@context", JsonValue.NULL))
                    .build();
            canonicalProof = canonicalize(proofConfig);
        }
        byte[] proofHash = sha256(canonicalProof);
        byte[] documentHash = sha256(canonicalize(document));
        byte[] both = new byte[64];
        System.arraycopy(proofHash, 0, both, 0, 32);
        System.arraycopy(documentHash, 0, both, 32, 32);
        return both;
    }

    private static final java.util.Set<String> PROOF_OPTIONS =
            java.util.Set.of("type", "created", "verificationMethod", "cryptosuite", "proofPurpose");
    private static final java.util.regex.Pattern DATE_TIME_Z =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final java.util.regex.Pattern PLAIN_IRI = java.util.regex.Pattern.compile("https?://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+");

    /**
     * The canonical N-Quads of the usual proof options, written directly: under the W3C credentials v2
     * context (first, and protected) an {@code eddsa-rdfc-2022} proof with exactly these five options always
     * becomes these five quads of one blank node (RDFC-1.0 names it _:c14n0). Anything else, or
     * any doubt, returns {@code null} and goes through full JSON-LD processing; a test checks that both agree.
     */
    static String canonicalProofOptions(JsonObject document, JsonObject options) {
        if (!(document.get("@context") instanceof JsonArray contexts) || contexts.isEmpty()
                || !(contexts.get(0) instanceof jakarta.json.JsonString first) || !JsonLdContexts.VC_V2.equals(first.getString())
                || !options.keySet().equals(PROOF_OPTIONS)) {
            return null;
        }
        for (String key : PROOF_OPTIONS) {
            if (!(options.get(key) instanceof jakarta.json.JsonString)) {
                return null;
            }
        }
        String created = options.getString("created");
        String method = options.getString("verificationMethod");
        if (!TYPE.equals(options.getString("type")) || !CRYPTOSUITE.equals(options.getString("cryptosuite"))
                || !ASSERTION_METHOD.equals(options.getString("proofPurpose"))
                || !DATE_TIME_Z.matcher(created).matches() || !PLAIN_IRI.matcher(method).matches()) {
            return null;
        }
        return "_:c14n0 <http://purl.org/dc/terms/created> \"" + created + "\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n"
                + "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .\n"
                + "_:c14n0 <https://w3id.org/security#cryptosuite> \"eddsa-rdfc-2022\"^^<https://w3id.org/security#cryptosuiteString> .\n"
                + "_:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .\n"
                + "_:c14n0 <https://w3id.org/security#verificationMethod> <" + method + "> .\n";
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
        JsonObjectBuilder builder = Jsons.JSON.createObjectBuilder(object);
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
