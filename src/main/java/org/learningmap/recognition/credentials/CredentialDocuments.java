package org.learningmap.recognition.credentials;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Badge;
import org.learningmap.shared.LocalizedText;

/**
 * Writes the unsigned Open Badges 3.0 {@code OpenBadgeCredential} of an award: the issuer Profile
 * embedded, the achievement with its criteria, image and alignments, the recipient by a salted hash
 * of their e-mail address, the validity period, the official schema and the revocation status entry.
 */
final class CredentialDocuments {

    static final String SCHEMA_URL =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    static final String SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019";
    /** Where a competence framework is described, for alignments stored without their own address. */
    private static final Map<String, String> FRAMEWORK_URLS = Map.of(
            "digcomp-2.2", "https://publications.jrc.ec.europa.eu/repository/handle/JRC128415",
            "digcomp-3.0", "https://joint-research-centre.ec.europa.eu/projects-and-activities/education-and-training/digital-transformation-education/digital-competence-framework-citizens-digcomp_en",
            "esco", "https://esco.ec.europa.eu/en/classification/skill_main");
    private static final Map<String, String> FRAMEWORK_NAMES = Map.of(
            "digcomp-2.2", "DigComp 2.2", "digcomp-3.0", "DigComp 3.0", "esco", "ESCO");

    /** Who issues: the organisation's public name and web site (null: its issuer page). */
    record Issuer(long organisationId, String name, String url) {
    }

    /** The recipient: the e-mail address to hash, if one is known. */
    record Recipient(String email) {
    }

    private CredentialDocuments() {
    }

    static JsonObject credential(Badge badge, Award award, Issuer issuer, Recipient recipient, CredentialUrls urls,
                                 String salt) {
        String language = award.language() == null || award.language().isBlank() ? "en" : award.language();
        String name = text(badge.name(), language);
        String description = orElse(text(badge.description(), language), name);
        String criteria = orElse(text(badge.criteria(), language), description);

        JsonObjectBuilder achievement = Jsons.JSON.createObjectBuilder()
                .add("id", urls.badge(badge.id()))
                .add("type", Jsons.JSON.createArrayBuilder().add("Achievement"))
                .add("name", name)
                .add("description", description)
                .add("criteria", Jsons.JSON.createObjectBuilder().add("id", urls.badge(badge.id())).add("narrative", criteria))
                .add("image", Jsons.JSON.createObjectBuilder().add("id", urls.badgeImage(badge.id())).add("type", "Image"))
                .add("inLanguage", badge.name().languageShown(language));
        JsonArrayBuilder alignments = Jsons.JSON.createArrayBuilder();
        int aligned = 0;
        for (Alignment alignment : badge.alignments() == null ? java.util.List.<Alignment>of() : badge.alignments()) {
            String target = alignment.url() != null && !alignment.url().isBlank() ? alignment.url()
                    : FRAMEWORK_URLS.get(alignment.framework());
            if (target == null || alignment.name() == null || alignment.name().isBlank()) {
                continue;
            }
            JsonObjectBuilder a = Jsons.JSON.createObjectBuilder()
                    .add("type", Jsons.JSON.createArrayBuilder().add("Alignment"))
                    .add("targetName", alignment.name())
                    .add("targetUrl", target);
            if (alignment.code() != null && !alignment.code().isBlank()) {
                a.add("targetCode", alignment.code());
            }
            if (alignment.framework() != null) {
                a.add("targetFramework", FRAMEWORK_NAMES.getOrDefault(alignment.framework(), alignment.framework()));
            }
            alignments.add(a);
            aligned++;
        }
        if (aligned > 0) {
            achievement.add("alignment", alignments);
        }
        if (badge.tags() != null && !badge.tags().isEmpty()) {
            JsonArrayBuilder tags = Jsons.JSON.createArrayBuilder();
            badge.tags().stream().filter(t -> t != null && !t.isBlank()).forEach(tags::add);
            achievement.add("tag", tags);
        }

        JsonObjectBuilder subject = Jsons.JSON.createObjectBuilder()
                .add("id", subjectId(award))
                .add("type", Jsons.JSON.createArrayBuilder().add("AchievementSubject"));
        if (recipient.email() != null && !recipient.email().isBlank()) {
            subject.add("identifier", Jsons.JSON.createArrayBuilder().add(Jsons.JSON.createObjectBuilder()
                    .add("type", "IdentityObject")
                    .add("identityHash", "sha256$" + sha256Hex(normalisedEmail(recipient.email()) + salt))
                    .add("identityType", "emailAddress")
                    .add("hashed", true)
                    .add("salt", salt)));
        }
        subject.add("achievement", achievement);

        String statusList = urls.statusList(award.organisationId());
        JsonObjectBuilder credential = Jsons.JSON.createObjectBuilder()
                .add("@context", Jsons.JSON.createArrayBuilder()
                        .add(JsonLdContexts.VC_V2).add(JsonLdContexts.OB_V3).add(JsonLdContexts.OB_EXTENSIONS))
                .add("id", urls.credential(award.publicId()))
                .add("type", Jsons.JSON.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("name", name)
                .add("description", description)
                .add("issuer", Jsons.JSON.createObjectBuilder()
                        .add("id", urls.issuer(issuer.organisationId()))
                        .add("type", Jsons.JSON.createArrayBuilder().add("Profile"))
                        .add("name", issuer.name())
                        .add("url", issuer.url() == null ? urls.issuer(issuer.organisationId()) : issuer.url()))
                .add("validFrom", dateTime(award.issuedAt()))
                .add("awardedDate", dateTime(award.issuedAt()));
        if (award.expiresAt() != null) {
            credential.add("validUntil", dateTime(award.expiresAt()));
        }
        credential.add("credentialSubject", subject);
        if (award.narrative() != null && !award.narrative().isBlank() || isHttpUrl(award.evidenceUrl())) {
            JsonObjectBuilder evidence = Jsons.JSON.createObjectBuilder();
            if (isHttpUrl(award.evidenceUrl())) {
                evidence.add("id", award.evidenceUrl().strip());
            }
            evidence.add("type", Jsons.JSON.createArrayBuilder().add("Evidence"));
            if (award.narrative() != null && !award.narrative().isBlank()) {
                evidence.add("narrative", award.narrative().strip());
            }
            credential.add("evidence", Jsons.JSON.createArrayBuilder().add(evidence));
        }
        credential.add("credentialSchema", Jsons.JSON.createArrayBuilder().add(Jsons.JSON.createObjectBuilder()
                        .add("id", SCHEMA_URL).add("type", SCHEMA_TYPE)))
                .add("credentialStatus", Jsons.JSON.createObjectBuilder()
                        .add("id", statusList + "#" + award.statusIndex())
                        .add("type", "BitstringStatusListEntry")
                        .add("statusPurpose", "revocation")
                        .add("statusListIndex", Integer.toString(award.statusIndex()))
                        .add("statusListCredential", statusList));
        return credential.build();
    }

    /**
     * The recipient's subject id: a stable pseudonymous {@code urn:uuid} per award (the hashed e-mail
     * address identifies the person; the id lets VC-JWT carry {@code sub} without disclosing anything).
     */
    static String subjectId(Award award) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("recipient of " + award.publicId()).getBytes(StandardCharsets.UTF_8));
    }

    static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            var uri = java.net.URI.create(url.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(LocalizedText text, String language) {
        return text == null ? "" : text.in(language, "en");
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
