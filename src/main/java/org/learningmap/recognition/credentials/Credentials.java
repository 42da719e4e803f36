package org.learningmap.recognition.credentials;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.organisations.OrganisationFacts;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardRevoked;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Open Badges 3.0 credentials of awards: signed JSON with an embedded Data Integrity proof
 * ({@code eddsa-rdfc-2022}), VC-JWT, the issuer documents that let anyone verify them, and a verifier
 * for credentials from here or elsewhere.
 */
@Service
public class Credentials {

    private final Recognition recognition;
    private final Organisations organisations;
    private final Accounts accounts;
    private final IssuerKeys keys;
    private final Signing signing;
    private final StatusLists statusLists;
    private final CredentialStore store;
    private final CredentialVerifier verifier;
    private final KeyEncryption encryption;
    private final CredentialUrls urls;
    private final Clock clock;

    Credentials(Recognition recognition, Organisations organisations, Accounts accounts, IssuerKeys keys, Signing signing,
                StatusLists statusLists, CredentialStore store, CredentialVerifier verifier, KeyEncryption encryption,
                CredentialUrls urls, Clock clock) {
        this.recognition = recognition;
        this.organisations = organisations;
        this.accounts = accounts;
        this.keys = keys;
        this.signing = signing;
        this.statusLists = statusLists;
        this.store = store;
        this.verifier = verifier;
        this.encryption = encryption;
        this.urls = urls;
        this.clock = clock;
    }

    /** The award's {@code OpenBadgeCredential} with its Data Integrity proof, as JSON; 404 if there is no such award. */
    public String signedJson(UUID publicId) {
        return stored(publicId).signedJson();
    }

    /** The award's credential as a VC-JWT (compact JWS); 404 if there is no such award. */
    public String jwt(UUID publicId) {
        return stored(publicId).jwt();
    }

    /**
     * Checks a credential given as JSON (embedded proof) or VC-JWT, from this platform or another issuer:
     * proof, key, validity dates, revocation status (ours) and the official schema, each with its reason.
     */
    public CredentialCheck verify(String jsonOrJwt) {
        return verifier.verify(jsonOrJwt);
    }

    /**
     * Retires the organisation's signing keys; new ones are made for the next credential. Credentials signed
     * before keep verifying: retired public keys stay published. Staff EDITOR+ of the organisation or an admin.
     */
    public void rotateKeys(long organisationId, long byAccountId) {
        if (!recognition.mayManage(byAccountId, organisationId)) {
            throw new RuleViolation(org.springframework.http.HttpStatus.FORBIDDEN, "recognition.forbidden");
        }
        keys.rotate(organisationId);
    }

    /** The issuer Profile (JSON-LD) with the organisation's Ed25519 keys as Multikey verification methods. */
    public String issuerProfile(long organisationId) {
        OrganisationFacts facts = organisations.facts(organisationId).orElseThrow(RuleViolation::notFound);
        if (facts.approved()) {
            keys.active(organisationId, IssuerKeys.Kind.ED25519);
        } else if (keys.published(organisationId).isEmpty()) {
            // an organisation not (or no longer) approved that never signed anything has no issuer document
            throw RuleViolation.notFound();
        }
        String id = urls.issuer(organisationId);
        JsonArrayBuilder methods = Jsons.JSON.createArrayBuilder();
        JsonArrayBuilder assertion = Jsons.JSON.createArrayBuilder();
        for (IssuerKeys.IssuerKey key : keys.published(organisationId)) {
            if (key.kind() != IssuerKeys.Kind.ED25519) {
                continue;
            }
            String vm = urls.verificationMethod(organisationId, key.keyId());
            methods.add(Jsons.JSON.createObjectBuilder().add("id", vm).add("type", "Multikey").add("controller", id)
                    .add("publicKeyMultibase", key.keyId()));
            assertion.add(vm);
        }
        var profile = Jsons.JSON.createObjectBuilder()
                .add("@context", Jsons.JSON.createArrayBuilder().add(JsonLdContexts.VC_V2).add(JsonLdContexts.OB_V3)
                        .add(JsonLdContexts.MULTIKEY_V1))
                .add("id", id)
                .add("type", Jsons.JSON.createArrayBuilder().add("Profile"))
                .add("name", facts.name().in(LocaleContextHolder.getLocale(), "en"))
                .add("url", CredentialDocuments.isHttpUrl(facts.website()) ? facts.website().strip() : id);
        if (facts.description() != null && !facts.description().isEmpty()) {
            profile.add("description", facts.description().in(LocaleContextHolder.getLocale(), "en"));
        }
        if (facts.email() != null && !facts.email().isBlank()) {
            profile.add("email", facts.email().strip());
        }
        profile.add("verificationMethod", methods)
                .add("assertionMethod", assertion);
        return Jsons.pretty(profile.build());
    }

    /** One public JWK of the organisation (current or retired), by the key id at the end of its {@code kid} URL. */
    public Optional<String> jwk(long organisationId, String keyId) {
        return keys.byKeyId(organisationId, keyId).filter(k -> k.kind() != IssuerKeys.Kind.ED25519)
                .map(k -> k.jwk(urls.jwk(organisationId, k.keyId())).toJSONString());
    }

    /** Every public JWT key of the organisation (current and retired) as a JWKS. */
    public String jwks(long organisationId) {
        organisations.nameOf(organisationId).orElseThrow(RuleViolation::notFound);
        var keysJson = keys.published(organisationId).stream().filter(k -> k.kind() != IssuerKeys.Kind.ED25519)
                .map(k -> k.jwk(urls.jwk(organisationId, k.keyId())).toJSONObject()).toList();
        return org.learningmap.platform.Json.write(java.util.Map.of("keys", keysJson));
    }

    /** The organisation's signed revocation list (a {@code BitstringStatusListCredential}), current at this moment. */
    public String statusList(long organisationId) {
        organisations.nameOf(organisationId).orElseThrow(RuleViolation::notFound);
        return statusLists.signed(organisationId);
    }

    @ApplicationModuleListener
    void on(AwardRevoked revoked) {
        store.forget(revoked.awardId());
    }

    private CredentialStore.Stored stored(UUID publicId) {
        return store.find(publicId).orElseGet(() -> {
            Award award = recognition.award(publicId).orElseThrow(RuleViolation::notFound);
            Badge badge = recognition.badge(award.badgeId()).orElseThrow(RuleViolation::notFound);
            return store.keep(award, sign(badge, award), clock.instant());
        });
    }

    /** Signs an award's credential in both forms (not kept). */
    CredentialStore.Stored sign(Badge badge, Award award) {
        JsonObject unsigned = unsigned(badge, award);
        JsonObject signed = signing.dataIntegrity(award.organisationId(), unsigned);
        return new CredentialStore.Stored(Jsons.pretty(signed), signing.jwt(award.organisationId(), unsigned));
    }

    JsonObject unsigned(Badge badge, Award award) {
        String language = award.language() == null ? "en" : award.language();
        Optional<OrganisationFacts> facts = organisations.facts(award.organisationId());
        String issuerName = facts.map(f -> f.name().in(language, "en")).orElse("");
        String issuerUrl = facts.map(OrganisationFacts::website).filter(CredentialDocuments::isHttpUrl).map(String::strip).orElse(null);
        String email = award.recipientEmail();
        if ((email == null || email.isBlank()) && award.accountId() != null) {
            email = accounts.byId(award.accountId()).map(AccountSummary::email).orElse(null);
        }
        return CredentialDocuments.credential(badge, award,
                new CredentialDocuments.Issuer(award.organisationId(), issuerName, issuerUrl),
                new CredentialDocuments.Recipient(email), urls, encryption.recipientSalt(award.publicId().toString()));
    }

    List<IssuerKeys.IssuerKey> publishedKeys(long organisationId) {
        return keys.published(organisationId);
    }
}
