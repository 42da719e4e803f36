package org.learningmap.network;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.organisations.Membership;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.VenueSummary;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Volunteers in the demo, after the demo sites exist: in Vilnius an adult digital leader and an
 * e-scout aged 16 whose guardian agreed, in Kyiv a hub coordinator; each library publishes open
 * shifts, and the volunteers offer 1:1 help (the e-scout with the adult beside them). Runs once: a
 * database that already has the demo volunteers is left alone. The people themselves are seeded
 * directly (as the demo does for every sign-in); everything else goes through the use cases.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "learningmap.demo-data.enabled", havingValue = "true")
class VolunteerDemo implements ApplicationRunner {

    static final String PASSWORD = "LearningMap-demo-2026";
    static final String LEADER_LT = "volunteer@example.org";
    static final String ESCOUT_LT = "escout@example.org";
    static final String COORDINATOR_UA = "volunteer.ua@example.org";

    private static final Logger log = LoggerFactory.getLogger(VolunteerDemo.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Sites sites;
    private final Volunteers volunteers;
    private final HelpDesk help;
    private final Clock clock;

    VolunteerDemo(JdbcClient jdbc, TransactionTemplate transaction, PasswordEncoder passwords, Accounts accounts,
                  Organisations organisations, Sites sites, Volunteers volunteers, HelpDesk help, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.passwords = passwords;
        this.accounts = accounts;
        this.organisations = organisations;
        this.sites = sites;
        this.volunteers = volunteers;
        this.help = help;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.byEmail(ESCOUT_LT).isPresent()) {
            return;
        }
        Optional<Site> lietuva = sites.bySlug("lietuva");
        Optional<Site> ukraina = sites.bySlug("ukraina");
        Optional<AccountSummary> owner = accounts.byEmail("owner@example.org");
        Optional<AccountSummary> ownerUa = accounts.byEmail("owner.ua@example.org");
        if (lietuva.isEmpty() || ukraina.isEmpty() || owner.isEmpty() || ownerUa.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                // The demo's one password, with the very hash every demo sign-in shares.
                String hash = jdbc.sql("SELECT password_hash FROM account WHERE email = 'owner@example.org'")
                        .query(String.class).optional().orElseGet(() -> passwords.encode(PASSWORD));
                int thisYear = LocalDate.now(clock.withZone(lietuva.get().zone())).getYear();
                seedLithuania(lietuva.get(), owner.get().id(), hash, thisYear);
                seedUkraine(ukraina.get(), ownerUa.get().id(), hash);
            });
            log.info("Demo volunteers, shifts and 1:1 help slots loaded");
        } catch (RuntimeException e) {
            // The demo without volunteers is still a demo; the product must start.
            log.warn("Demo volunteers were not loaded", e);
        }
    }

    private void seedLithuania(Site site, long ownerId, String hash, int thisYear) {
        Optional<Long> library = firstOrganisation(ownerId, site.id());
        if (library.isEmpty()) {
            return;
        }
        List<VenueSummary> venues = organisations.venuesOf(library.get());
        if (venues.isEmpty()) {
            return;
        }
        long venue = venues.getFirst().id();
        long leader = person(LEADER_LT, "Ona Petrauskienė", "lt", site.id(), 1961, "{lt,en,ru}", hash);
        long escout = person(ESCOUT_LT, "Matas Jankauskas", "lt", site.id(), thisYear - 16, "{lt,en}", hash);
        // The e-scout's mother agreed on paper at the library desk.
        jdbc.sql("""
                        INSERT INTO consent_record (account_id, site_id, purpose, method, guardian_name, guardian_contact, recorded_by, given_at)
                        VALUES (?, ?, 'PERSONAL_DATA', 'PAPER', 'Jurgita Jankauskienė', '+37060000016', ?, ?)""")
                .params(escout, site.id(), ownerId, Volunteers.ts(clock.instant())).update();

        var ona = volunteers.offer(leader, library.get(), List.of("DIGITAL_LEADER", "TRAINER"), List.of("lt", "en", "ru"),
                List.of("e-government", "online-safety", "digital-skills"), List.of(venue),
                List.of("MON-MORNING", "WED-MORNING", "FRI-AFTERNOON"));
        volunteers.decide(ownerId, library.get(), ona.id(), true);
        var matas = volunteers.offer(escout, library.get(), List.of("E_SCOUT"), List.of("lt", "en"),
                List.of("digital-skills", "online-safety"), List.of(venue), List.of("SAT-MORNING", "TUE-AFTERNOON", "THU-AFTERNOON"));
        volunteers.decide(ownerId, library.get(), matas.id(), true);

        LocalDate today = LocalDate.now(clock.withZone(site.zone()));
        for (int day = 1; day <= 6; day++) {
            volunteers.publishShift(ownerId, library.get(), venue, today.plusDays(day), LocalTime.of(10, 0), LocalTime.of(13, 0),
                    3, true, "Pagalba kompiuterių klasėje");
        }
        volunteers.publishShift(ownerId, library.get(), venue, today.plusDays(2), LocalTime.of(15, 0), LocalTime.of(18, 0),
                2, true, "E. skautų popietė");
        for (int day = 1; day <= 5; day++) {
            help.offer(leader, ona.id(), venue, today.plusDays(day), LocalTime.of(11, 0), List.of("lt", "ru"),
                    List.of("e-government", "online-safety"), null);
            help.offer(leader, ona.id(), venue, today.plusDays(day), LocalTime.of(11, 30), List.of("lt", "en"),
                    List.of("e-government", "digital-skills"), null);
            // The e-scout helps with video calls and phones, with Ona beside him.
            help.offer(escout, matas.id(), venue, today.plusDays(day), LocalTime.of(16, 0), List.of("lt", "en"),
                    List.of("digital-skills", "online-safety"), LEADER_LT);
        }
    }

    private void seedUkraine(Site site, long ownerId, String hash) {
        Optional<Long> hub = firstOrganisation(ownerId, site.id());
        if (hub.isEmpty()) {
            return;
        }
        List<VenueSummary> venues = organisations.venuesOf(hub.get());
        if (venues.isEmpty()) {
            return;
        }
        long venue = venues.getFirst().id();
        long andrii = person(COORDINATOR_UA, "Андрій Шевчук", "uk", site.id(), 1985, "{uk,en}", hash);
        var v = volunteers.offer(andrii, hub.get(), List.of("HUB_COORDINATOR", "DIGITAL_LEADER"), List.of("uk", "en"),
                List.of("e-government", "online-safety"), List.of(venue), List.of("TUE-EVENING", "THU-EVENING", "SAT-MORNING"));
        volunteers.decide(ownerId, hub.get(), v.id(), true);
        LocalDate today = LocalDate.now(clock.withZone(site.zone()));
        for (int day = 1; day <= 5; day++) {
            volunteers.publishShift(ownerId, hub.get(), venue, today.plusDays(day), LocalTime.of(14, 0), LocalTime.of(18, 0),
                    2, true, "Консультації в хабі");
            help.offer(andrii, v.id(), venue, today.plusDays(day), LocalTime.of(18, 0), List.of("uk"),
                    List.of("e-government", "online-safety"), null);
        }
    }

    private Optional<Long> firstOrganisation(long ownerId, long siteId) {
        return organisations.membershipsOf(ownerId).stream().filter(m -> m.siteId() == siteId)
                .map(Membership::organisationId).sorted().findFirst();
    }

    private long person(String email, String name, String language, long siteId, int yearOfBirth, String languages, String hash) {
        return jdbc.sql("""
                        INSERT INTO account (email, password_hash, display_name, preferred_language, platform_admin, site_id,
                                             year_of_birth, languages)
                        VALUES (?, ?, ?, ?, false, ?, ?, ?::text[]) RETURNING id""")
                .params(email, hash, name, language, siteId, yearOfBirth, languages)
                .query(Long.class).single();
    }
}
