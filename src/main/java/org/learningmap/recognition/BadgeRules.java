package org.learningmap.recognition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.assessment.Assessment;
import org.learningmap.assessment.Framework;
import org.learningmap.assessment.SkillsBandReached;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.ActivityPublished;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.enrolment.AttendanceWithdrawn;
import org.learningmap.enrolment.Enrolments;
import org.learningmap.network.VolunteerMilestoneReached;
import org.learningmap.organisations.Organisations;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Badges and awards that follow from what happens elsewhere: a published activity gets its badge; a
 * person who attended enough of an activity's sessions earns it; a skills-check band and a volunteer
 * milestone earn the site's badge for them, issued by the site's own issuer. {@link RecognitionListeners}
 * hears the events and calls these rules.
 */
@Component
class BadgeRules {

    private static final Logger LOG = LoggerFactory.getLogger(BadgeRules.class);

    private final Recognition recognition;
    private final BadgeStore badges;
    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final Assessment assessment;
    private final Organisations organisations;
    private final Sites sites;
    private final java.time.Clock clock;
    private final org.learningmap.accounts.Accounts accounts;

    BadgeRules(Recognition recognition, BadgeStore badges, Catalogue catalogue, Enrolments enrolments, Assessment assessment,
               Organisations organisations, Sites sites, java.time.Clock clock,
               org.learningmap.accounts.Accounts accounts) {
        this.recognition = recognition;
        this.badges = badges;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.assessment = assessment;
        this.organisations = organisations;
        this.sites = sites;
        this.clock = clock;
        this.accounts = accounts;
    }

    void activityPublished(ActivityPublished published) {
        recognition.ensureActivityBadge(published.activityId());
    }

    /**
     * Attended at least the badge's share (80 % unless it says otherwise) of the activity's sessions:
     * of all its sessions that take place for a course or camp (one sign-up for a series), of the
     * sessions held so far for anything else (a club meets on and on), so one session is enough for
     * a single-session activity.
     */
    void attended(AttendanceRecorded attended) {
        if (attended.accountId() == null || !mayAward(attended.accountId())) {
            return;
        }
        Badge badge = recognition.ensureActivityBadge(attended.activityId());
        if (!enoughAttended(badge, attended.activityId(), attended.sessionId(), attended.accountId(), attended.at())) {
            return;
        }
        recognition.award(new AwardRequest(badge.id(), attended.accountId(), null, null, AwardPath.ATTENDANCE, null, null, null,
                "attendance:" + badge.id() + ":" + attended.accountId()));
    }

    /**
     * An attendance withdrawn: a person whose badge came from attendance (path ATTENDANCE) and who no
     * longer attended the badge's share of sessions loses it, with a reason in the award's language.
     * Awards by other paths (an educator, a claim) stay. Hearing the event again changes nothing.
     */
    void attendanceWithdrawn(AttendanceWithdrawn withdrawn) {
        if (withdrawn.accountId() == null) {
            return;
        }
        Optional<Badge> badge = recognition.badgeOfActivity(withdrawn.activityId());
        if (badge.isEmpty()) {
            return;
        }
        List<Award> held = recognition.awardsOf(withdrawn.accountId()).stream()
                .filter(a -> a.badgeId() == badge.get().id() && !a.revoked() && a.path() == AwardPath.ATTENDANCE).toList();
        if (held.isEmpty() || enoughAttended(badge.get(), withdrawn.activityId(), null, withdrawn.accountId(), held.getFirst().issuedAt())) {
            return;
        }
        for (Award award : held) {
            recognition.revokeByRule(award.id(), recognition.text(ATTENDANCE_WITHDRAWN, award.language() == null
                    ? recognition.defaultLanguage(award.siteId()) : award.language()));
        }
    }

    static final String ATTENDANCE_WITHDRAWN = "recognition.revoke.attendance-withdrawn";

    private boolean enoughAttended(Badge badge, long activityId, Long sessionId, long accountId, Instant asOf) {
        List<SessionFacts> sessions = catalogue.sessionsOf(activityId).stream().filter(s -> !s.cancelled()).toList();
        if (sessions.isEmpty()) {
            return false;
        }
        boolean series = sessions.getFirst().kind() == ActivityKind.COURSE || sessions.getFirst().kind() == ActivityKind.CAMP;
        long counted = series ? sessions.size()
                : sessions.stream().filter(s -> !s.startsAt().isAfter(asOf) || (sessionId != null && s.sessionId() == sessionId)).count();
        int present = enrolments.sessionsAttended(activityId, accountId);
        return counted > 0 && present * 100L >= (long) badge.attendancePercentOrDefault() * counted;
    }

    void bandReached(SkillsBandReached reached) {
        if (reached.accountId() == null || !mayAward(reached.accountId())) {
            return;
        }
        Optional<Framework> framework = assessment.framework(reached.framework());
        Optional<Framework.Area> area = framework.flatMap(f -> f.area(reached.area()));
        if (area.isEmpty()) {
            LOG.warn("no badge for the band of unknown area {} of {}", reached.area(), reached.framework());
            return;
        }
        Badge badge = skillsBadge(reached.siteId(), framework.get(), area.get(), reached.band().name());
        recognition.award(new AwardRequest(badge.id(), reached.accountId(), null, null, AwardPath.SKILLS_CHECK, null, null, null,
                "skills:" + badge.id() + ":" + reached.accountId()));
    }

    void milestoneReached(VolunteerMilestoneReached reached) {
        if (!mayAward(reached.volunteerAccountId())) {
            return;
        }
        Badge badge = volunteerBadge(reached.siteId(), reached.hours());
        recognition.award(new AwardRequest(badge.id(), reached.volunteerAccountId(), null, null, AwardPath.VOLUNTEER_HOURS, null, null,
                null, "volunteer:" + badge.id() + ":" + reached.volunteerAccountId()));
    }

    /** An award is personal data: none for a minor whose guardian has not agreed yet (nor for a deleted account). */
    private boolean mayAward(long accountId) {
        return accounts.mayKeepPersonalData(accountId);
    }

    /** The site's badge for a band of an area: one per site, framework, area and band. */
    Badge skillsBadge(long siteId, Framework framework, Framework.Area area, String band) {
        String key = framework.id() + ":" + area.code() + ":" + band;
        Optional<Badge> existing = badges.bySourceKey(siteId, BadgeSource.SKILLS_BAND, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, String> name = new LinkedHashMap<>();
        Map<String, String> description = new LinkedHashMap<>();
        Map<String, String> criteria = new LinkedHashMap<>();
        for (String language : Recognition.LANGUAGES) {
            String areaTitle = area.title().in(language);
            String bandName = recognition.text("recognition.band." + band, language);
            name.put(language, recognition.text("recognition.skills.name", language, areaTitle, bandName));
            description.put(language, recognition.text("recognition.skills.description", language, areaTitle, bandName, framework.name()));
            criteria.put(language, recognition.text("recognition.skills.criteria", language, areaTitle, bandName, framework.name()));
        }
        List<Alignment> alignments = new ArrayList<>();
        area.competences().forEach(c -> alignments.add(new Alignment(framework.id(), c.code(), c.title().in("en"),
                Recognition.digcomp(c.code(), "").url())));
        return badges.insert(siteId, siteIssuer(siteId), BadgeSource.SKILLS_BAND, null, key, new LocalizedText(name),
                new LocalizedText(description), new LocalizedText(criteria), List.of("DigComp", framework.name()), alignments, null, null,
                clock.instant());
    }

    /** The site's badge for a volunteer hours milestone. */
    Badge volunteerBadge(long siteId, int hours) {
        String key = "hours:" + hours;
        Optional<Badge> existing = badges.bySourceKey(siteId, BadgeSource.VOLUNTEER_HOURS, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, String> name = new LinkedHashMap<>();
        Map<String, String> description = new LinkedHashMap<>();
        Map<String, String> criteria = new LinkedHashMap<>();
        for (String language : Recognition.LANGUAGES) {
            String siteName = siteName(siteId, language);
            name.put(language, recognition.text("recognition.volunteer.name", language, hours));
            description.put(language, recognition.text("recognition.volunteer.description", language, hours, siteName));
            criteria.put(language, recognition.text("recognition.volunteer.criteria", language, hours));
        }
        return badges.insert(siteId, siteIssuer(siteId), BadgeSource.VOLUNTEER_HOURS, (long) hours, key, new LocalizedText(name),
                new LocalizedText(description), new LocalizedText(criteria), List.of("volunteering"), List.of(), null, null, clock.instant());
    }

    /** The organisation that issues the site's own badges (see the package notes). */
    long siteIssuer(long siteId) {
        Map<String, String> name = new LinkedHashMap<>();
        Map<String, String> description = new LinkedHashMap<>();
        for (String language : Recognition.LANGUAGES) {
            String siteName = siteName(siteId, language);
            name.put(language, recognition.text("recognition.site-issuer.name", language, siteName));
            description.put(language, recognition.text("recognition.site-issuer.description", language, siteName));
        }
        return organisations.siteIssuer(siteId, new LocalizedText(name), new LocalizedText(description));
    }

    private String siteName(long siteId, String language) {
        return sites.byId(siteId).map(Site::name).map(n -> n.in(language)).orElse("");
    }
}
