package org.learningmap.recognition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.ActivityFacts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (and the recognition module's own parts) may ask of recognition: badges, their
 * pictures, and awards. An award is made once: the same idempotency key, or a badge the person
 * already holds (not revoked), returns the existing award and publishes nothing; two requests racing
 * for the same award meet at the database's unique indexes and one of them wins.
 */
@Service
public class Recognition {

    static final String FORBIDDEN = "recognition.forbidden";
    static final List<String> LANGUAGES = List.of("en", "lt", "uk");

    private final BadgeStore badges;
    private final AwardStore awards;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Sites sites;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Recognition(BadgeStore badges, AwardStore awards, Catalogue catalogue, Organisations organisations, Accounts accounts, Sites sites,
                MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.badges = badges;
        this.awards = awards;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.accounts = accounts;
        this.sites = sites;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    // --- badges

    public Optional<Badge> badge(long id) {
        return badges.find(id);
    }

    public Optional<Badge> badgeOfActivity(long activityId) {
        return badges.bySource(BadgeSource.ACTIVITY, activityId);
    }

    /**
     * The activity's badge, made from the activity when it has none yet: its title as the name, its
     * summary as the description, "took part in …" as the criteria in each of its languages, its
     * DigComp competences as alignments and its topics as tags. Fails with "error.not-found" for an
     * unknown activity.
     */
    @Transactional
    public Badge ensureActivityBadge(long activityId) {
        Optional<Badge> existing = badgeOfActivity(activityId);
        if (existing.isPresent()) {
            return existing.get();
        }
        ActivityFacts activity = catalogue.activityFacts(activityId).orElseThrow(RuleViolation::notFound);
        Map<String, String> criteria = new LinkedHashMap<>();
        Map<String, String> description = new LinkedHashMap<>();
        for (String language : activity.title().values().keySet()) {
            String title = activity.title().in(language);
            criteria.put(language, text("recognition.criteria.activity", language, title));
            String summary = activity.summary().has(language) ? activity.summary().in(language)
                    : activity.description().has(language) ? firstParagraph(activity.description().in(language)) : null;
            description.put(language, summary != null ? summary : text("recognition.description.activity", language, title));
        }
        List<Alignment> alignments = new ArrayList<>();
        activity.digcomp().forEach(code -> alignments.add(digcomp(code, activity.digcompTitles().getOrDefault(code, ""))));
        List<String> tags = activity.topics().stream().map(topic -> topic.name().in("en")).filter(t -> !t.isBlank()).distinct().toList();
        return badges.insert(activity.siteId(), activity.organisationId(), BadgeSource.ACTIVITY, activityId, null, activity.title(),
                new LocalizedText(description), new LocalizedText(criteria), tags, alignments, null, null, clock.instant());
    }

    /**
     * Makes a badge. For an activity or playlist that has a badge already, returns that badge
     * unchanged.
     */
    @Transactional
    public Badge createBadge(long siteId, long organisationId, BadgeSource source, Long sourceId, LocalizedText name,
                             LocalizedText description, LocalizedText criteria, List<String> tags, List<Alignment> alignments,
                             Integer validityDays) {
        if (name == null || name.isEmpty()) {
            throw RuleViolation.badRequest("recognition.badge.name-required");
        }
        return badges.insert(siteId, organisationId, source, sourceId, null, name, orEmpty(description), orEmpty(criteria), tags,
                alignments, validityDays, null, clock.instant());
    }

    /** The organisation's badges, by name. */
    public List<Badge> badgesOfOrganisation(long organisationId) {
        return badges.ofOrganisation(organisationId);
    }

    /** The badge's picture as a square PNG: the upload, or the default drawn in the site's colours. */
    @Transactional
    public BadgeImage imagePng(long badgeId) {
        Badge badge = badges.find(badgeId).orElseThrow(RuleViolation::notFound);
        Optional<BadgeStore.StoredImage> stored = badges.image(badgeId);
        if (stored.isPresent()) {
            return new BadgeImage(stored.get().contentType(), stored.get().bytes());
        }
        byte[] png = BadgeArt.png(design(badge));
        badges.keepGenerated(badge, png, clock.instant());
        return new BadgeImage("image/png", png);
    }

    /** The badge's picture as an SVG document. */
    public String imageSvg(long badgeId) {
        Badge badge = badges.find(badgeId).orElseThrow(RuleViolation::notFound);
        String title = badge.name().in(defaultLanguage(badge.siteId()));
        Optional<BadgeStore.StoredImage> stored = badges.image(badgeId).filter(BadgeStore.StoredImage::uploaded);
        if (stored.isPresent()) {
            return BadgeArt.svgAround(stored.get().bytes(), stored.get().contentType(), title);
        }
        return BadgeArt.svg(design(badge), title);
    }

    // --- awards

    /**
     * Awards a badge. Returns the existing award ({@code created = false}, nothing published) for a
     * reused idempotency key or a badge the person holds already; otherwise adds the award and
     * publishes {@link BadgeAwarded}. An award to an e-mail address of an existing account goes to that
     * account. A minor whose guardian has not agreed yet gets nothing ({@value Accounts#AWAITING_GUARDIAN}).
     */
    @Transactional
    public AwardOutcome award(AwardRequest r) {
        if (r.path() == null) {
            throw new IllegalArgumentException("an award needs a path");
        }
        Badge badge = badges.find(r.badgeId()).orElseThrow(RuleViolation::notFound);
        String key = r.idempotencyKey() == null || r.idempotencyKey().isBlank() ? null : r.idempotencyKey().strip();
        if (key != null) {
            Optional<Award> same = awards.byIdempotencyKey(key);
            if (same.isPresent()) {
                return new AwardOutcome(same.get(), false);
            }
        }
        Long accountId = r.accountId();
        String email = r.recipientEmail() == null || r.recipientEmail().isBlank() ? null : r.recipientEmail().strip();
        String name = r.recipientName() == null || r.recipientName().isBlank() ? null : r.recipientName().strip();
        String language;
        if (accountId != null) {
            AccountSummary account = accounts.byId(accountId)
                    .orElseThrow(() -> RuleViolation.badRequest("recognition.award.no-account"));
            email = email == null ? account.email() : email;
            name = name == null ? account.displayName() : name;
            language = account.preferredLanguage();
            if (!accounts.mayKeepPersonalData(accountId)) {
                throw new RuleViolation(Accounts.AWAITING_GUARDIAN);
            }
        } else if (email != null) {
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw RuleViolation.badRequest("recognition.award.email-invalid");
            }
            Optional<AccountSummary> account = accounts.byEmail(email);
            accountId = account.map(AccountSummary::id).orElse(null);
            name = name == null ? account.map(AccountSummary::displayName).orElse(null) : name;
            language = account.map(AccountSummary::preferredLanguage).orElse(defaultLanguage(badge.siteId()));
        } else {
            throw RuleViolation.badRequest("recognition.award.recipient-required");
        }
        Optional<Award> held = held(badge.id(), accountId, email);
        if (held.isPresent()) {
            return new AwardOutcome(held.get(), false);
        }
        Instant now = clock.instant();
        Instant expires = badge.validityDays() == null ? null : now.plus(Duration.ofDays(badge.validityDays()));
        int statusIndex = awards.allocateStatusIndex(badge.siteId());
        Optional<Long> id = awards.insert(new AwardStore.NewAward(UUID.randomUUID(), badge, accountId, email, name, r.path(),
                blankToNull(r.narrative()), blankToNull(r.evidenceUrl()), language, r.awardedBy(), key, now, expires, statusIndex));
        if (id.isEmpty()) {
            // another request made the same award meanwhile
            Long holder = accountId;
            String address = email;
            Optional<Award> existing = key == null ? Optional.empty() : awards.byIdempotencyKey(key);
            return new AwardOutcome(existing.or(() -> held(badge.id(), holder, address))
                    .orElseThrow(() -> new IllegalStateException("award neither added nor found")), false);
        }
        Award award = awards.find(id.get()).orElseThrow();
        events.publishEvent(new BadgeAwarded(award.id(), badge.id(), badge.siteId(), badge.organisationId(), award.accountId(),
                award.path(), now));
        return new AwardOutcome(award, true);
    }

    /**
     * Revokes an award with a reason shown on its verification page; only staff (editor or owner) of
     * the badge's organisation or a platform administrator may ("recognition.forbidden"). Revoking a
     * revoked award changes nothing. Publishes {@link AwardRevoked}.
     */
    @Transactional
    public void revoke(long awardId, String reason, long byAccountId) {
        Award award = awards.lock(awardId).orElseThrow(RuleViolation::notFound);
        if (!mayManage(byAccountId, award.organisationId())) {
            throw new RuleViolation(HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        revoke(award, reason, byAccountId);
    }

    /**
     * Revokes an award by a rule of the module itself (no person revokes it: none is recorded), with the
     * same checks of the reason and the same {@link AwardRevoked}. Package-private: only the module's own
     * rules ({@link BadgeRules}) may revoke without a person allowed to.
     */
    @Transactional
    void revokeByRule(long awardId, String reason) {
        revoke(awards.lock(awardId).orElseThrow(RuleViolation::notFound), reason, null);
    }

    private void revoke(Award award, String reason, Long byAccountId) {
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.badRequest("recognition.revoke.reason-required");
        }
        if (reason.strip().length() > 500) {
            throw RuleViolation.badRequest("recognition.revoke.reason-too-long");
        }
        Instant now = clock.instant();
        if (awards.revoke(award.id(), reason.strip(), byAccountId, now)) {
            events.publishEvent(new AwardRevoked(award.id(), award.badgeId(), award.siteId(), award.organisationId(), award.accountId(),
                    reason.strip(), now));
        }
    }

    public Optional<Award> award(long id) {
        return awards.find(id);
    }

    public Optional<Award> award(UUID publicId) {
        return awards.find(publicId);
    }

    /** The person's awards, newest first, revoked ones included. */
    public List<Award> awardsOf(long accountId) {
        return awards.ofAccount(accountId);
    }

    /** The badge's awards, newest first, revoked ones included. */
    public List<Award> awardsOfBadge(long badgeId) {
        return awards.ofBadge(badgeId);
    }

    /**
     * Gives awards made to this e-mail address before the person had an account to the account; how
     * many. Publishes {@link BadgeAwarded} again, now with the account, for each attached award that is
     * not revoked, so what counts a person's badges (playlists, impact) sees them; listeners take an
     * award they know already (by its id) as the same award.
     */
    @Transactional
    public int attachAwardsToAccount(String email, long accountId) {
        if (email == null || email.isBlank()) {
            return 0;
        }
        List<Long> attached = awards.attach(email.strip(), accountId);
        for (long id : attached) {
            awards.find(id).filter(a -> !a.revoked()).ifPresent(a -> events.publishEvent(new BadgeAwarded(a.id(), a.badgeId(),
                    a.siteId(), a.organisationId(), accountId, a.path(), a.issuedAt())));
        }
        return attached.size();
    }

    /** Whether the account may manage the organisation's badges and awards: its editor or owner, or a platform administrator. */
    public boolean mayManage(long accountId, long organisationId) {
        return organisations.hasRole(accountId, organisationId, StaffRole.EDITOR) || platformAdmin(accountId);
    }

    // --- inside the module

    /** The DigComp 2.2 alignment of a competence code. */
    static Alignment digcomp(String code, String title) {
        return new Alignment("digcomp-2.2", code, title == null || title.isBlank() ? "DigComp " + code : title,
                "https://joint-research-centre.ec.europa.eu/scientific-activities-z/education-and-training/digital-transformation-education/digital-competence-framework-citizens-digcomp_en");
    }

    String text(String key, String language, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.forLanguageTag(language));
    }

    String defaultLanguage(long siteId) {
        return sites.byId(siteId).map(Site::defaultLanguage).orElse("en");
    }

    BadgeArt.Design design(Badge badge) {
        Optional<Site> site = sites.byId(badge.siteId());
        String language = site.map(Site::defaultLanguage).orElse("en");
        return BadgeArt.design(badge.name().in(language), site.map(Site::primaryColour).orElse(null),
                site.map(Site::accentColour).orElse(null));
    }

    private Optional<Award> held(long badgeId, Long accountId, String email) {
        if (accountId != null) {
            return awards.heldByAccount(badgeId, accountId);
        }
        return email == null || email.isBlank() ? Optional.empty() : awards.heldByEmail(badgeId, email.strip());
    }

    private static boolean platformAdmin(long accountId) {
        return CurrentAccount.get().filter(account -> account.id() == accountId && account.platformAdmin()).isPresent();
    }

    private static LocalizedText orEmpty(LocalizedText text) {
        return text == null ? LocalizedText.EMPTY : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String firstParagraph(String text) {
        String first = text.strip().split("\\n\\s*\\n", 2)[0];
        return first.length() > 600 ? first.substring(0, 597) + "…" : first;
    }
}
