package org.learningmap.recognition.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Badge;

/**
 * The Open Badges 2.0 documents of an award, hosted at stable addresses under {@code /ob2/}: the
 * Assertion (recipient as a salted SHA-256 hash of their e-mail address, hosted verification), the
 * BadgeClass and the issuer Profile. Each is built from the same records in the same order every
 * time, so a baked copy and the hosted one are the same JSON.
 */
public final class Ob2Documents {

    public static final String CONTEXT = "https://w3id.org/openbadges/v2";

    /** The issuer as the 2.0 Profile shows it. */
    public record Issuer(long organisationId, String name, String url, String email, String description) {
    }

    private final String base;

    public Ob2Documents(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String base() {
        return base;
    }

    public String assertionUrl(UUID publicId) {
        return base + "/ob2/assertions/" + publicId;
    }

    public String badgeUrl(long badgeId) {
        return base + "/ob2/badges/" + badgeId;
    }

    public String imageUrl(long badgeId) {
        return base + "/ob2/badges/" + badgeId + "/image.png";
    }

    public String issuerUrl(long organisationId) {
        return base + "/ob2/issuers/" + organisationId;
    }

    public String verificationPageUrl(UUID publicId) {
        return base + "/credentials/" + publicId;
    }

    /**
     * The hosted assertion.
     *
     * @param email the recipient's e-mail address, or {@code null} when none is known (then the
     *              recipient is identified by the hashed address of the award's verification page)
     */
    public Map<String, Object> assertion(Award award, String email) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("type", "Assertion");
        doc.put("id", assertionUrl(award.publicId()));
        String salt = salt(award.publicId());
        Map<String, Object> recipient = new LinkedHashMap<>();
        if (email != null && !email.isBlank()) {
            recipient.put("type", "email");
            recipient.put("hashed", true);
            recipient.put("salt", salt);
            recipient.put("identity", hashed(email.strip().toLowerCase(Locale.ROOT), salt));
        } else {
            recipient.put("type", "url");
            recipient.put("hashed", true);
            recipient.put("salt", salt);
            recipient.put("identity", hashed(verificationPageUrl(award.publicId()), salt));
        }
        doc.put("recipient", recipient);
        doc.put("badge", badgeUrl(award.badgeId()));
        doc.put("issuedOn", time(award.issuedAt()));
        if (award.expiresAt() != null) {
            doc.put("expires", time(award.expiresAt()));
        }
        doc.put("image", imageUrl(award.badgeId()));
        doc.put("verification", Map.of("type", "hosted"));
        if (award.narrative() != null && !award.narrative().isBlank()) {
            doc.put("narrative", award.narrative());
        }
        if (award.evidenceUrl() != null && !award.evidenceUrl().isBlank()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("type", "Evidence");
            evidence.put("id", award.evidenceUrl());
            doc.put("evidence", List.of(evidence));
        }
        return doc;
    }

    /** What a revoked hosted assertion answers, with 410 Gone. */
    public Map<String, Object> revoked(Award award) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("type", "Assertion");
        doc.put("id", assertionUrl(award.publicId()));
        doc.put("revoked", true);
        doc.put("revocationReason", award.revocationReason() == null ? "" : award.revocationReason());
        return doc;
    }

    public Map<String, Object> badgeClass(Badge badge, String language) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("type", "BadgeClass");
        doc.put("id", badgeUrl(badge.id()));
        String name = badge.name().in(language);
        doc.put("name", name);
        String description = badge.description().in(language);
        doc.put("description", description.isBlank() ? name : description);
        doc.put("image", imageUrl(badge.id()));
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("id", base + "/badges/" + badge.id());
        String narrative = badge.criteria().in(language);
        if (!narrative.isBlank()) {
            criteria.put("narrative", narrative);
        }
        doc.put("criteria", criteria);
        doc.put("issuer", issuerUrl(badge.organisationId()));
        if (badge.tags() != null && !badge.tags().isEmpty()) {
            doc.put("tags", badge.tags());
        }
        if (badge.alignments() != null && !badge.alignments().isEmpty()) {
            doc.put("alignment", badge.alignments().stream().map(Ob2Documents::alignment).toList());
        }
        return doc;
    }

    public Map<String, Object> issuer(Issuer issuer) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("type", "Issuer");
        doc.put("id", issuerUrl(issuer.organisationId()));
        doc.put("name", issuer.name());
        doc.put("url", issuer.url());
        doc.put("email", issuer.email());
        if (issuer.description() != null && !issuer.description().isBlank()) {
            doc.put("description", issuer.description());
        }
        return doc;
    }

    private static Map<String, Object> alignment(Alignment alignment) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("targetName", alignment.name() == null || alignment.name().isBlank() ? alignment.code() : alignment.name());
        doc.put("targetUrl", alignment.url() != null && !alignment.url().isBlank() ? alignment.url() : frameworkUrl(alignment));
        if (alignment.framework() != null) {
            doc.put("targetFramework", frameworkName(alignment.framework()));
        }
        if (alignment.code() != null) {
            doc.put("targetCode", alignment.code());
        }
        return doc;
    }

    static String frameworkName(String framework) {
        return switch (framework) {
            case "digcomp-2.2" -> "DigComp 2.2";
            case "digcomp-3.0" -> "DigComp 3.0";
            case "esco" -> "ESCO";
            default -> framework;
        };
    }

    private static String frameworkUrl(Alignment alignment) {
        if ("esco".equals(alignment.framework())) {
            return "https://esco.ec.europa.eu/en/classification/skill_main";
        }
        return "https://joint-research-centre.ec.europa.eu/digcomp_en";
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The award's salt: fixed per award, so the hosted and every baked copy agree. */
    static String salt(UUID publicId) {
        return HexFormat.of().formatHex(sha256("learningmap-ob2-salt:" + publicId)).substring(0, 16);
    }

    /** {@code sha256$} and the hex SHA-256 of the identity followed by the salt (Open Badges 2.0 IdentityObject). */
    public static String hashed(String identity, String salt) {
        return "sha256$" + HexFormat.of().formatHex(sha256(identity + (salt == null ? "" : salt)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
