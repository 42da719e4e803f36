package org.learningmap.recognition.portfolio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.ActivityCard;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.recognition.playlists.Playlists;
import org.learningmap.shared.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's badges, after the rest of the demo exists: the demo learner holds awards earned by every
 * path (made through {@link Recognition} with the path set), an expired one and a revoked one, a
 * completed playlist and one in progress, and a public portfolio under the handle {@code demo}.
 * Runs once: a database whose {@code demo} portfolio exists is left alone.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "learningmap.demo-data.enabled", havingValue = "true")
class DemoAwards implements ApplicationRunner {

    static final String HANDLE = "demo";
    static final String LEARNER = "learner@example.org";
    static final String OWNER = "owner@example.org";
    static final String EDUCATOR = "educator@example.org";
    static final String COORDINATOR = "coordinator.lt@example.org";

    private static final Logger log = LoggerFactory.getLogger(DemoAwards.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final Recognition recognition;
    private final Playlists playlists;
    private final Portfolio portfolio;

    DemoAwards(JdbcClient jdbc, TransactionTemplate transaction, Accounts accounts, Organisations organisations, Catalogue catalogue,
               Recognition recognition, Playlists playlists, Portfolio portfolio) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.accounts = accounts;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.recognition = recognition;
        this.playlists = playlists;
        this.portfolio = portfolio;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM portfolio WHERE handle = ?)").param(HANDLE).query(Boolean.class).single()) {
            return;
        }
        try {
            long started = System.nanoTime();
            transaction.executeWithoutResult(status -> load());
            log.info("Demo awards, playlists and the demo portfolio loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException failed) {
            log.error("The demo awards could not be loaded; the rest of the demo is unaffected", failed);
        }
    }

    private void load() {
        Optional<AccountSummary> learnerAccount = accounts.byEmail(LEARNER);
        Optional<AccountSummary> owner = accounts.byEmail(OWNER);
        if (learnerAccount.isEmpty() || owner.isEmpty()) {
            return;
        }
        long learner = learnerAccount.get().id();
        var library = organisations.membershipsOf(owner.get().id()).stream().filter(m -> m.role() == StaffRole.OWNER).findFirst();
        if (library.isEmpty()) {
            return;
        }
        long site = library.get().siteId();
        long org = library.get().organisationId();
        List<ActivityCard> activities = activitiesOf(site, org, 13);
        if (activities.size() < 13) {
            log.warn("Too few demo activities ({}) for the demo awards", activities.size());
            return;
        }
        Long educator = accounts.byEmail(EDUCATOR).map(AccountSummary::id).orElse(null);

        List<Award> awards = new ArrayList<>();
        awards.add(award(recognition.ensureActivityBadge(activities.get(0).id()), learner, AwardPath.ATTENDANCE, null, null, null));
        awards.add(award(recognition.ensureActivityBadge(activities.get(1).id()), learner, AwardPath.EDUCATOR,
                "Helped two other people set up their e-mail during the class.", null, educator));
        awards.add(award(recognition.ensureActivityBadge(activities.get(2).id()), learner, AwardPath.BULK, null, null, educator));
        awards.add(award(recognition.ensureActivityBadge(activities.get(3).id()), learner, AwardPath.CLAIM, null, null, null));
        awards.add(award(recognition.ensureActivityBadge(activities.get(4).id()), learner, AwardPath.EVIDENCE,
                "A short video explaining how to make a strong password.", "https://example.org/demo/strong-passwords", null));
        Badge band = recognition.createBadge(site, org, BadgeSource.SKILLS_BAND, null,
                LocalizedText.of("Information and data literacy: intermediate", "Informacinis ir duomenų raštingumas: vidutinis lygis",
                        "Інформаційна грамотність і грамотність даних: середній рівень"),
                LocalizedText.of("Reached the intermediate band in the DigComp skills check.", "Įgūdžių patikroje pasiektas vidutinis lygis.",
                        "У перевірці навичок досягнуто середнього рівня."),
                LocalizedText.of("Reach the intermediate band of area 1 in the skills check.", "Įgūdžių patikroje pasiekti 1 srities vidutinį lygį.",
                        "Досягти середнього рівня сфери 1 у перевірці навичок."),
                List.of("digcomp", "skills-check"), List.of(), null);
        awards.add(award(band, learner, AwardPath.SKILLS_CHECK, null, null, null));
        Badge hours = recognition.createBadge(site, org, BadgeSource.VOLUNTEER_HOURS, 20L,
                LocalizedText.of("20 hours of volunteering", "20 savanorystės valandų", "20 годин волонтерства"),
                LocalizedText.of("Gave 20 hours helping people with digital skills.", "20 valandų padėjo žmonėms su skaitmeniniais įgūdžiais.",
                        "20 годин допомагав людям із цифровими навичками."),
                LocalizedText.of("Log 20 volunteering hours.", "Užregistruoti 20 savanorystės valandų.", "Зареєструвати 20 годин волонтерства."),
                List.of("volunteering"), List.of(), null);
        awards.add(award(hours, learner, AwardPath.VOLUNTEER_HOURS, null, null, null));

        // A playlist the learner completes (3 of 4, one item after another) and one in progress (1 of 3, in order).
        CurrentAccount coordinator = coordinator(site);
        long complete = playlists.create(coordinator, org,
                LocalizedText.of("Getting started with digital life", "Skaitmeninio gyvenimo pradžia", "Початок цифрового життя"),
                LocalizedText.of("Four activities for a confident start: any three complete it, and the second counts once the first is done.",
                        "Keturios veiklos drąsiai pradžiai: pakanka bet kurių trijų, o antroji įskaitoma tik po pirmosios.",
                        "Чотири заняття для впевненого початку: достатньо будь-яких трьох, а друге зараховується лише після першого."),
                false, 3);
        playlists.addItem(coordinator, complete, activities.get(5).id(), null);
        playlists.addItem(coordinator, complete, activities.get(6).id(), activities.get(5).id());
        playlists.addItem(coordinator, complete, activities.get(7).id(), null);
        playlists.addItem(coordinator, complete, activities.get(8).id(), null);
        playlists.publish(coordinator, complete);
        long progressing = playlists.create(coordinator, org,
                LocalizedText.of("Safe online", "Saugiai internete", "Безпечно онлайн"),
                LocalizedText.of("Three steps to staying safe online, in this order.", "Trys žingsniai saugumui internete, šia tvarka.",
                        "Три кроки до безпеки онлайн, у цьому порядку."),
                true, null);
        playlists.addItem(coordinator, progressing, activities.get(9).id(), null);
        playlists.addItem(coordinator, progressing, activities.get(11).id(), null);
        playlists.addItem(coordinator, progressing, activities.get(12).id(), null);
        playlists.publish(coordinator, progressing);
        java.time.Instant now = java.time.Instant.now();
        playlists.recordDone(learner, activities.get(5).id(), site, "ATTENDED", now.minusSeconds(30 * 86400));
        playlists.recordDone(learner, activities.get(6).id(), site, "ATTENDED", now.minusSeconds(20 * 86400));
        playlists.recordDone(learner, activities.get(7).id(), site, "ATTENDED", now.minusSeconds(10 * 86400));
        playlists.recordDone(learner, activities.get(9).id(), site, "ATTENDED", now.minusSeconds(5 * 86400));
        playlists.playlist(complete).map(p -> p.badgeId()).flatMap(badgeId -> recognition.awardsOf(learner).stream()
                .filter(a -> a.badgeId() == badgeId).findFirst()).ifPresent(awards::add);

        // An award whose validity has run out: made through the facade, then dated back a year, as if issued then.
        Badge yearly = recognition.createBadge(site, org, BadgeSource.CUSTOM, null,
                LocalizedText.of("Library helpdesk volunteer 2025", "Bibliotekos pagalbos savanoris 2025", "Волонтер довідки бібліотеки 2025"),
                LocalizedText.of("Helped visitors at the library's digital helpdesk in 2025.", "2025 m. padėjo lankytojams bibliotekos skaitmeninės pagalbos punkte.",
                        "У 2025 році допомагав відвідувачам у цифровій довідці бібліотеки."),
                LocalizedText.of("Serve at the helpdesk for a season.", "Budėti pagalbos punkte vieną sezoną.", "Чергувати в довідці протягом сезону."),
                List.of("volunteering"), List.of(), 365);
        Award expired = award(yearly, learner, AwardPath.EDUCATOR, null, null, educator);
        jdbc.sql("UPDATE award SET issued_at = now() - interval '400 days', expires_at = now() - interval '35 days' WHERE id = ?")
                .param(expired.id()).update();
        awards.add(expired);

        // An award revoked by its issuer, with the reason shown on its verification page.
        Badge mistaken = recognition.createBadge(site, org, BadgeSource.CUSTOM, null,
                LocalizedText.of("Spreadsheets at work", "Skaičiuoklės darbe", "Електронні таблиці на роботі"),
                LocalizedText.of("Took part in the spreadsheets course for job seekers.", "Dalyvavo skaičiuoklių kurse darbo ieškantiems.",
                        "Узяв участь у курсі електронних таблиць для тих, хто шукає роботу."),
                LocalizedText.of("Attend the course's sessions.", "Lankyti kurso užsiėmimus.", "Відвідувати заняття курсу."),
                List.of("work"), List.of(), null);
        Award revoked = award(mistaken, learner, AwardPath.EDUCATOR, null, null, educator);
        recognition.revoke(revoked.id(), "Awarded by mistake: the learner was signed up but did not attend.", owner.get().id());
        awards.add(revoked);

        portfolio.configure(learner, site, HANDLE, true);
        Set<Long> shown = new LinkedHashSet<>();
        awards.forEach(award -> shown.add(award.id()));
        shown.forEach(awardId -> portfolio.show(learner, awardId, true));
        portfolio.addEvidence(learner, awards.get(4).id(), "I recorded it with my phone and shared it with the library's learners.",
                "https://example.org/demo/strong-passwords");
        long collection = portfolio.createCollection(learner, site, "Digital skills");
        for (int i = 0; i < 5; i++) {
            portfolio.collect(learner, collection, awards.get(i).id(), true);
        }
    }

    private Award award(Badge badge, long learner, AwardPath path, String narrative, String evidenceUrl, Long awardedBy) {
        return recognition.award(new AwardRequest(badge.id(), learner, null, null, path, narrative, evidenceUrl, awardedBy,
                "demo:" + path.name().toLowerCase(java.util.Locale.ROOT) + ":" + badge.id() + ":" + learner)).award();
    }

    /** Published activities of the site: the library's first, then other organisations', distinct. */
    private List<ActivityCard> activitiesOf(long site, long library, int wanted) {
        List<ActivityCard> found = new ArrayList<>(catalogue.upcomingByOrganisation(library, wanted));
        for (Long other : organisations.approvedOf(site).keySet()) {
            if (found.size() >= wanted) {
                break;
            }
            if (other != library) {
                catalogue.upcomingByOrganisation(other, wanted - found.size()).stream()
                        .filter(card -> found.stream().noneMatch(f -> f.id() == card.id())).forEach(found::add);
            }
        }
        return found.subList(0, Math.min(wanted, found.size()));
    }

    private CurrentAccount coordinator(long site) {
        AccountSummary coordinator = accounts.byEmail(COORDINATOR).or(() -> accounts.byEmail(OWNER)).orElseThrow();
        return new CurrentAccount(coordinator.id(), coordinator.email(), coordinator.displayName(), null, true, false, false, Set.of(site));
    }
}
