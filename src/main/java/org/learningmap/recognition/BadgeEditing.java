package org.learningmap.recognition;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.learningmap.assessment.Assessment;
import org.learningmap.assessment.Framework;
import org.learningmap.platform.FieldErrors;
import org.learningmap.platform.Images;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff change a badge of their organisation: its texts in each language, tags, alignments to DigComp
 * and ESCO, validity and attendance share, and its picture (an upload, or back to the default).
 * Only an editor or owner of the badge's organisation (or a platform administrator) may.
 */
@Service
class BadgeEditing {

    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    static final String ESCO_PREFIX = "http://data.europa.eu/esco/skill/";
    private static final long MAX_PIXELS = 40_000_000L;
    private static final int MAX_TAGS = 10;
    private static final int MAX_ESCO = 10;

    /** What the edit form sends. Texts by language; ESCO skills as parallel lists of URI and label. */
    record Input(Map<String, String> name, Map<String, String> description, Map<String, String> criteria, String tags,
                 List<String> digcomp, List<String> escoUris, List<String> escoLabels, String validityDays, String attendancePercent) {
    }

    private final BadgeStore badges;
    private final Recognition recognition;
    private final Assessment assessment;
    private final Clock clock;

    BadgeEditing(BadgeStore badges, Recognition recognition, Assessment assessment, Clock clock) {
        this.badges = badges;
        this.recognition = recognition;
        this.assessment = assessment;
        this.clock = clock;
    }

    /** The badge, when the account may manage it: 404 for an unknown badge, 403 for someone else's. */
    Badge manageable(long badgeId, long accountId) {
        Badge badge = badges.find(badgeId).orElseThrow(RuleViolation::notFound);
        if (!recognition.mayManage(accountId, badge.organisationId())) {
            throw new RuleViolation(HttpStatus.FORBIDDEN, Recognition.FORBIDDEN);
        }
        return badge;
    }

    /** The DigComp framework the badge's competences are chosen from (the one it is aligned to, else DigComp 2.2). */
    Framework digcompFramework(Badge badge) {
        String id = badge.alignments().stream().map(Alignment::framework).filter(f -> f.startsWith("digcomp-")).findFirst()
                .orElse("digcomp-2.2");
        return assessment.framework(id).or(() -> assessment.framework("digcomp-2.2")).orElseThrow();
    }

    @Transactional
    Badge update(long badgeId, long accountId, Input input) {
        Badge badge = manageable(badgeId, accountId);
        FieldErrors errors = new FieldErrors();
        LocalizedText name = texts(input.name(), "name", 120, errors);
        if (name.isEmpty() && !errors.has("name")) {
            errors.reject("name", "recognition.error.name-required");
        }
        LocalizedText description = texts(input.description(), "description", 2000, errors);
        LocalizedText criteria = texts(input.criteria(), "criteria", 2000, errors);
        List<String> tags = tags(input.tags(), errors);
        List<Alignment> alignments = new ArrayList<>();
        Framework framework = digcompFramework(badge);
        for (String code : new LinkedHashSet<>(input.digcomp() == null ? List.<String>of() : input.digcomp())) {
            Optional<Framework.Competence> competence = framework.competence(code);
            if (competence.isEmpty()) {
                errors.reject("digcomp", "recognition.error.digcomp-unknown", code);
            } else {
                alignments.add(new Alignment(framework.id(), code, competence.get().title().in("en"), Recognition.digcomp(code, "").url()));
            }
        }
        alignments.addAll(esco(input.escoUris(), input.escoLabels(), errors));
        Integer validity = number(input.validityDays(), "validityDays", 1, 3650, errors);
        Integer attendance = number(input.attendancePercent(), "attendancePercent", 1, 100, errors);
        errors.throwIfAny();
        badges.update(badge.id(), name, description, criteria, tags, alignments, validity, attendance, clock.instant());
        if (!name.equals(badge.name())) {
            badges.forgetGenerated(badge.id());
        }
        return badges.find(badge.id()).orElseThrow();
    }

    /** Stores an uploaded picture as a square PNG of at most 512 pixels. */
    @Transactional
    void uploadImage(long badgeId, long accountId, byte[] bytes) {
        Badge badge = manageable(badgeId, accountId);
        FieldErrors errors = new FieldErrors();
        if (bytes == null || bytes.length == 0) {
            errors.reject("image", "recognition.error.image-empty");
        } else if (bytes.length > MAX_IMAGE_BYTES) {
            errors.reject("image", "recognition.error.image-too-large", MAX_IMAGE_BYTES / (1024 * 1024));
        } else if (Images.sniff(bytes) == null) {
            errors.reject("image", "recognition.error.image-type");
        }
        errors.throwIfAny();
        byte[] png;
        try {
            Images.Processed fitted = Images.fit(bytes, MAX_PIXELS, BadgeArt.SIZE, BadgeArt.SIZE, 0.92f);
            png = squarePng(fitted.bytes());
        } catch (Images.Refused | IOException refused) {
            errors.reject("image", "recognition.error.image-unreadable");
            throw new FieldErrors.Invalid(errors);
        }
        badges.putUploaded(badge, "image/png", png, clock.instant());
        badges.touch(badge.id(), clock.instant());
    }

    /** Back to the default picture drawn from the badge's name. */
    @Transactional
    void resetImage(long badgeId, long accountId) {
        Badge badge = manageable(badgeId, accountId);
        badges.removeImage(badge.id());
        badges.touch(badge.id(), clock.instant());
    }

    boolean hasUploadedImage(long badgeId) {
        return badges.image(badgeId).map(BadgeStore.StoredImage::uploaded).orElse(false);
    }

    /** The picture centred on a transparent square canvas as big as its longer side. */
    static byte[] squarePng(byte[] fitted) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(fitted));
        if (image == null) {
            throw new IOException("unreadable");
        }
        int side = Math.max(image.getWidth(), image.getHeight());
        BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, (side - image.getWidth()) / 2, (side - image.getHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(square, "png", out);
        return out.toByteArray();
    }

    private static LocalizedText texts(Map<String, String> values, String field, int max, FieldErrors errors) {
        Map<String, String> clean = new LinkedHashMap<>();
        for (String language : Recognition.LANGUAGES) {
            String text = values == null ? null : values.get(language);
            if (text == null || text.isBlank()) {
                continue;
            }
            if (text.strip().length() > max) {
                errors.reject(field + "." + language, "recognition.error.too-long", max);
            }
            clean.put(language, text.strip());
        }
        return new LocalizedText(clean);
    }

    private static List<String> tags(String text, FieldErrors errors) {
        List<String> tags = new ArrayList<>();
        if (text == null) {
            return tags;
        }
        for (String tag : text.split(",")) {
            String clean = tag.strip().replaceAll("\\s+", " ");
            if (clean.isEmpty() || tags.contains(clean)) {
                continue;
            }
            if (clean.length() > 40) {
                errors.reject("tags", "recognition.error.tag-too-long", 40);
            }
            tags.add(clean);
        }
        if (tags.size() > MAX_TAGS) {
            errors.reject("tags", "recognition.error.too-many-tags", MAX_TAGS);
        }
        return tags;
    }

    private static List<Alignment> esco(List<String> uris, List<String> labels, FieldErrors errors) {
        List<Alignment> out = new ArrayList<>();
        int rows = Math.max(uris == null ? 0 : uris.size(), labels == null ? 0 : labels.size());
        for (int i = 0; i < rows; i++) {
            String uri = uris != null && i < uris.size() && uris.get(i) != null ? uris.get(i).strip() : "";
            String label = labels != null && i < labels.size() && labels.get(i) != null ? labels.get(i).strip() : "";
            if (uri.isEmpty() && label.isEmpty()) {
                continue;
            }
            if (uri.startsWith("https://data.europa.eu/esco/skill/")) {
                uri = "http://" + uri.substring("https://".length());
            }
            if (!uri.matches("http://data\\.europa\\.eu/esco/skill/[A-Za-z0-9\\-]{6,80}")) {
                errors.reject("esco", "recognition.error.esco-uri");
            } else if (label.isEmpty() || label.length() > 200) {
                errors.reject("esco", "recognition.error.esco-label");
            } else {
                out.add(new Alignment("esco", uri, label, uri));
            }
        }
        if (out.size() > MAX_ESCO) {
            errors.reject("esco", "recognition.error.too-many-esco", MAX_ESCO);
        }
        return out;
    }

    private static Integer number(String text, String field, int min, int max, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                errors.reject(field, "recognition.error.number-range", min, max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.reject(field, "recognition.error.number", min, max);
            return null;
        }
    }
}
