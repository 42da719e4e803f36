package org.learningmap.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.learningmap.platform.Outbox;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The retention rules of each site, set by its coordinator, and the daily run that applies them:
 * unused accounts are warned once, {@link #WARN_BEFORE} ahead, then deleted through the same path as a
 * person's own deletion; unclaimed desk accounts are deleted; every module clears what its rules no
 * longer allow. Running twice changes nothing more.
 */
@Service
class Retention {

    static final Duration WARN_BEFORE = Duration.ofDays(30);
    static final String INVALID = "privacy.retention.invalid";

    /** What one run did. */
    record Run(int warned, int deleted, int cleared) {
    }

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final MyData myData;
    private final List<PersonalDataContributor> contributors;
    private final Sites sites;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    Retention(JdbcClient jdbc, MyData myData, List<PersonalDataContributor> contributors, Sites sites, Outbox outbox,
              MessageSource messages, Clock clock, @Value("${learningmap.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.myData = myData;
        this.contributors = contributors;
        this.sites = sites;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    RetentionRules of(long siteId) {
        return jdbc.sql("SELECT inactive_months, unclaimed_months, answers_months, evidence_months FROM retention_rule WHERE site_id = ?")
                .param(siteId)
                .query((rs, n) -> new RetentionRules(siteId, (Integer) rs.getObject("inactive_months"),
                        (Integer) rs.getObject("unclaimed_months"), rs.getInt("answers_months"), (Integer) rs.getObject("evidence_months")))
                .optional()
                .orElseGet(() -> RetentionRules.defaults(siteId));
    }

    /**
     * Saves a site's rules.
     *
     * @throws RuleViolation {@value #INVALID} (400) for a number of months out of range
     */
    void save(RetentionRules rules, long by) {
        if (!within(rules.inactiveMonths(), 6, true) || !within(rules.unclaimedMonths(), 1, true)
                || !within(rules.answersMonths(), 1, false) || rules.answersMonths() > 60 || !within(rules.evidenceMonths(), 1, true)) {
            throw RuleViolation.badRequest(INVALID);
        }
        jdbc.sql("""
                        INSERT INTO retention_rule (site_id, inactive_months, unclaimed_months, answers_months, evidence_months, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (site_id) DO UPDATE SET inactive_months = excluded.inactive_months,
                            unclaimed_months = excluded.unclaimed_months, answers_months = excluded.answers_months,
                            evidence_months = excluded.evidence_months, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                        """)
                .params(rules.siteId(), rules.inactiveMonths(), rules.unclaimedMonths(), rules.answersMonths(), rules.evidenceMonths(), by,
                        Timestamp.from(clock.instant()))
                .update();
    }

    private static boolean within(Integer months, int min, boolean keepAllowed) {
        return months == null ? keepAllowed : months >= min && months <= 120;
    }

    @Scheduled(cron = "${learningmap.privacy.retention-cron:0 30 3 * * *}")
    // One node at a time (ShedLock); a second node skips the run while the first holds the lock.
    @SchedulerLock(name = "accounts.retention", lockAtMostFor = "PT2H")
    void daily() {
        Run run = applyAll();
        log.info("Retention rules applied: {} warned, {} accounts deleted, {} records cleared", run.warned(), run.deleted(), run.cleared());
    }

    /** Applies every site's rules as of now. */
    Run applyAll() {
        int warned = 0;
        int deleted = 0;
        int cleared = 0;
        for (Site site : sites.all()) {
            Run run = apply(site);
            warned += run.warned();
            deleted += run.deleted();
            cleared += run.cleared();
        }
        return new Run(warned, deleted, cleared);
    }

    Run apply(Site site) {
        Instant now = clock.instant();
        RetentionRules rules = of(site.id());
        int warned = 0;
        int deleted = 0;
        if (rules.unclaimedMonths() != null) {
            for (long id : jdbc.sql("""
                            SELECT id FROM account
                            WHERE site_id = ? AND created_by IS NOT NULL AND claimed_at IS NULL AND password_hash IS NULL
                              AND last_signed_in_at IS NULL AND NOT platform_admin AND created_at < ?
                            ORDER BY id
                            """)
                    .params(site.id(), Timestamp.from(RetentionRules.monthsBefore(now, rules.unclaimedMonths())))
                    .query(Long.class).list()) {
                if (lastUsed(id, null) == null || lastUsed(id, null).isBefore(RetentionRules.monthsBefore(now, rules.unclaimedMonths()))) {
                    deleted += delete(id);
                }
            }
        }
        if (rules.inactiveMonths() != null) {
            Instant unusedSince = RetentionRules.monthsBefore(now, rules.inactiveMonths());
            Instant warnFrom = unusedSince.plus(WARN_BEFORE);
            List<Candidate> candidates = jdbc.sql("""
                            SELECT id, greatest(created_at, coalesce(last_signed_in_at, created_at)) AS seen, retention_warned_at
                            FROM account a
                            WHERE site_id = ? AND NOT platform_admin
                              AND NOT EXISTS (SELECT 1 FROM site_role r WHERE r.account_id = a.id)
                              AND greatest(created_at, coalesce(last_signed_in_at, created_at)) < ?
                            ORDER BY id
                            """)
                    .params(site.id(), Timestamp.from(warnFrom))
                    .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getTimestamp("seen").toInstant(),
                            rs.getTimestamp("retention_warned_at") == null ? null : rs.getTimestamp("retention_warned_at").toInstant()))
                    .list();
            for (Candidate candidate : candidates) {
                Instant seen = lastUsed(candidate.id(), candidate.seen());
                if (!seen.isBefore(warnFrom)) {
                    continue;
                }
                if (candidate.warnedAt() == null || candidate.warnedAt().isBefore(seen)) {
                    warn(candidate.id(), site, rules, now);
                    warned++;
                } else if (seen.isBefore(unusedSince) && !candidate.warnedAt().plus(WARN_BEFORE).isAfter(now)) {
                    deleted += delete(candidate.id());
                }
            }
        }
        int cleared = 0;
        for (PersonalDataContributor contributor : contributors) {
            cleared += contributor.expire(rules, now);
        }
        return new Run(warned, deleted, cleared);
    }

    private record Candidate(long id, Instant seen, Instant warnedAt) {
    }

    /** The latest of {@code seen} and every module's last use; {@code null} when none. */
    private Instant lastUsed(long accountId, Instant seen) {
        Instant latest = seen;
        for (PersonalDataContributor contributor : contributors) {
            Instant used = contributor.lastUsed(accountId);
            if (used != null && (latest == null || used.isAfter(latest))) {
                latest = used;
            }
        }
        return latest;
    }

    private int delete(long accountId) {
        try {
            myData.forget(accountId);
            return 1;
        } catch (RuleViolation stillNeeded) {
            log.warn("Account {} is unused but still needed by records that must be kept; it stays", accountId);
            return 0;
        }
    }

    private void warn(long accountId, Site site, RetentionRules rules, Instant now) {
        record Contact(String email, String phone, String name, String language) {
        }
        Contact contact = jdbc.sql("SELECT email, phone, display_name, preferred_language FROM account WHERE id = ?")
                .param(accountId)
                .query((rs, n) -> new Contact(rs.getString("email"), rs.getString("phone"), rs.getString("display_name"),
                        rs.getString("preferred_language")))
                .single();
        Locale language = Locale.forLanguageTag(contact.language());
        String siteName = site.name().in(language.getLanguage());
        String on = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).withZone(site.zone())
                .format(now.plus(WARN_BEFORE));
        String link = baseUrl + "/" + site.slug() + "/sign-in";
        Object[] args = {contact.name(), siteName, on, rules.inactiveMonths(), link};
        if (contact.email() != null) {
            outbox.enqueue(contact.email(), messages.getMessage("privacy.retention.mail.subject", args, language),
                    messages.getMessage("privacy.retention.mail.body", args, language));
        } else if (contact.phone() != null) {
            outbox.enqueueSms(contact.phone(), messages.getMessage("privacy.retention.sms", args, language));
        }
        jdbc.sql("UPDATE account SET retention_warned_at = ? WHERE id = ?").params(Timestamp.from(now), accountId).update();
    }
}
