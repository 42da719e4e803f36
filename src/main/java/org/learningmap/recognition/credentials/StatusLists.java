package org.learningmap.recognition.credentials;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * Each issuing organisation's revocation list: a W3C {@code BitstringStatusListCredential} whose bit
 * {@code statusIndex} is set for every revoked award, signed by the organisation (the issuer of the
 * credentials it covers, as verifiers expect). Every request reads the revoked positions afresh, so a
 * revocation shows at once; the signed document is reused while those positions stay the same.
 */
@Component
class StatusLists {

    /** The W3C minimum (16 KB) for herd privacy. */
    static final int MINIMUM_BITS = 131_072;
    private static final Duration RESIGN_AFTER = Duration.ofHours(1);

    private final RevokedAwards revoked;
    private final Signing signing;
    private final CredentialUrls urls;
    private final Clock clock;
    private final Map<Long, Signed> cache = new ConcurrentHashMap<>();

    private record Signed(List<Integer> indexes, String json, Instant at) {
    }

    StatusLists(RevokedAwards revoked, Signing signing, CredentialUrls urls, Clock clock) {
        this.revoked = revoked;
        this.signing = signing;
        this.urls = urls;
        this.clock = clock;
    }

    /** The signed status list credential of an organisation, as JSON. */
    String signed(long organisationId) {
        List<Integer> indexes = revoked.statusIndexes(organisationId);
        Instant now = clock.instant();
        Signed cached = cache.get(organisationId);
        if (cached != null && cached.indexes().equals(indexes) && now.isBefore(cached.at().plus(RESIGN_AFTER))) {
            return cached.json();
        }
        String url = urls.statusList(organisationId);
        JsonObject unsigned = Jsons.JSON.createObjectBuilder()
                .add("@context", Jsons.JSON.createArrayBuilder().add(JsonLdContexts.VC_V2))
                .add("id", url)
                .add("type", Jsons.JSON.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
                .add("issuer", urls.issuer(organisationId))
                .add("validFrom", CredentialDocuments.dateTime(now))
                .add("credentialSubject", Jsons.JSON.createObjectBuilder()
                        .add("id", url + "#list")
                        .add("type", "BitstringStatusList")
                        .add("statusPurpose", "revocation")
                        .add("encodedList", encode(indexes)))
                .build();
        String json = Jsons.pretty(signing.dataIntegrity(organisationId, unsigned));
        cache.put(organisationId, new Signed(indexes, json, now));
        return json;
    }

    /** Whether bit {@code index} is set in the list of an organisation (read now, not from a signed copy). */
    boolean isSet(long organisationId, int index) {
        return revoked.isRevoked(organisationId, index);
    }

    /** Multibase base64url (no padding) of the GZIP-compressed bitstring; index 0 is the left-most bit. */
    static String encode(List<Integer> setIndexes) {
        int max = setIndexes.stream().mapToInt(Integer::intValue).max().orElse(0);
        int bits = Math.max(MINIMUM_BITS, ((max / 8) + 1) * 8);
        byte[] bytes = new byte[bits / 8];
        for (int index : setIndexes) {
            if (index >= 0) {
                bytes[index / 8] |= (byte) (0x80 >>> (index % 8));
            }
        }
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
