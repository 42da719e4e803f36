package org.learningmap.recognition.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Our eddsa-rdfc-2022 proofs agree byte for byte with the OB 3.0 implementation guide's test vector. */
class DataIntegrityTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = DataIntegrityTest.class.getResourceAsStream("/recognition/credentials/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theSpecificationsSignedCredentialCanonicalisesAndVerifies() throws IOException {
        JsonObject signed = json(resource("spec-impl-guide-ob3-signed.json"));
        assertThat(DataIntegrity.canonicalize(DataIntegrity.without(signed, "proof")))
                .isEqualTo(resource("spec-impl-guide-ob3-document-canon.nq"));
        JsonObject proof = DataIntegrity.proofs(signed).getFirst();
        JsonObject proofConfig = Json.createObjectBuilder(DataIntegrity.without(proof, "proofValue"))
                .add("@context", signed.get("@context")).build();
        assertThat(DataIntegrity.canonicalize(proofConfig)).isEqualTo(resource("spec-impl-guide-ob3-proof-canon.nq"));
        assertThat(DataIntegrity.canonicalProofOptions(signed, DataIntegrity.without(proof, "proofValue")))
                .isEqualTo(resource("spec-impl-guide-ob3-proof-canon.nq"));

        var key = Multibase.ed25519FromMultikey("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
        assertThat(DataIntegrity.verify(signed, proof, key)).isTrue();
        JsonObject tampered = Json.createObjectBuilder(signed).add("name", "Teamwork Badge!").build();
        assertThat(DataIntegrity.verify(tampered, proof, key)).isFalse();
    }

    @Test
    void whatWeSignVerifiesWithTheMultikeyWePublish() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String multikey = Multibase.ed25519Multikey(pair.getPublic());
        assertThat(multikey).startsWith("z6Mk");
        JsonObject unsigned = DataIntegrity.without(json(resource("spec-impl-guide-ob3-signed.json")), "proof");
        JsonObject signed = DataIntegrity.sign(unsigned, "https://example.edu/issuers/565049#" + multikey,
                pair.getPrivate(), Instant.parse("2026-01-01T00:00:00Z"));
        JsonObject proof = DataIntegrity.proofs(signed).getFirst();
        assertThat(DataIntegrity.verify(signed, proof, Multibase.ed25519FromMultikey(multikey))).isTrue();
        // the proof options written directly are what full JSON-LD processing of them gives
        JsonObject options = DataIntegrity.without(proof, "proofValue");
        assertThat(DataIntegrity.canonicalProofOptions(signed, options)).isNotNull()
                .isEqualTo(DataIntegrity.canonicalize(Json.createObjectBuilder(options).add("@context", signed.get("@context")).build()));
    }
}
