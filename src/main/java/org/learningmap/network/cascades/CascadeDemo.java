package org.learningmap.network.cascades;

import java.util.List;
import java.util.Optional;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.organisations.Membership;
import org.learningmap.organisations.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo cascade in Lithuania, recorded for the demo library (owner@example.org's organisation):
 * two trainers, four hub coordinators, educators (one trained twice) and the citizens they taught.
 * Runs after the demo data; recording it again changes nothing.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "learningmap.demo-data.enabled", havingValue = "true")
class CascadeDemo implements ApplicationRunner {

    static final String FIRST_COHORT = "Vilnius trainers school, spring 2026";
    private static final Logger log = LoggerFactory.getLogger(CascadeDemo.class);

    private final Cascades cascades;
    private final Accounts accounts;
    private final Organisations organisations;

    CascadeDemo(Cascades cascades, Accounts accounts, Organisations organisations) {
        this.cascades = cascades;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<AccountSummary> owner = accounts.byEmail("owner@example.org");
        if (owner.isEmpty()) {
            return;
        }
        Optional<Membership> library = organisations.membershipsOf(owner.get().id()).stream().findFirst();
        if (library.isEmpty()) {
            return;
        }
        long site = library.get().siteId();
        long organisation = library.get().organisationId();
        if (cascades.cohortsOfOrganisation(organisation).stream().anyMatch(c -> c.name().equals(FIRST_COHORT))) {
            return;
        }
        String educator = accounts.byEmail("educator@example.org").map(a -> a.displayName() + " <" + a.email() + ">")
                .orElse("Eglė Edukatorė");
        long by = owner.get().id();
        record(site, organisation, by, FIRST_COHORT, "HUB_COORDINATOR", "Teaching digital skills to adults", "2026-03-02", "2026-03-06",
                List.of("Rūta Mokytojienė", "Tomas Kazlauskas"),
                List.of("Aistė Jonaitienė", "Mindaugas Petrauskas", "Laura Vaitkutė", "Darius Stankevičius"), 0);
        record(site, organisation, by, "Hub coordinators to educators: Vilnius", "EDUCATOR", "E-government services", "2026-04-08", "2026-04-09",
                List.of("Aistė Jonaitienė"), List.of(educator, "Giedrė Žukauskienė", "Paulius Urbonas"), 0);
        record(site, organisation, by, "Hub coordinators to educators: Kaunas", "EDUCATOR", "Online banking safety", "2026-04-15", "2026-04-16",
                List.of("Mindaugas Petrauskas", "Laura Vaitkutė"), List.of("Paulius Urbonas", "Jurgita Balčiūnienė", "Vytautas Navickas"), 0);
        record(site, organisation, by, "Citizens: e-government in Žirmūnai", "CITIZEN", "E-government services", "2026-05-04", "2026-05-29",
                List.of("Giedrė Žukauskienė"), List.of(), 48);
        record(site, organisation, by, "Citizens: safe online banking", "CITIZEN", "Online banking safety", "2026-05-11", "2026-06-05",
                List.of("Paulius Urbonas"), List.of(), 35);
        record(site, organisation, by, "Citizens: video calls with family", "CITIZEN", "Video calls", "2026-05-18", "2026-06-12",
                List.of(educator), List.of(), 27);
        log.info("Demo cascade recorded");
    }

    private void record(long site, long organisation, long by, String name, String level, String topic, String from, String to,
                        List<String> trainers, List<String> participants, int citizens) {
        cascades.record(site, organisation, new CohortInput(name, level, topic, from, to, String.join("\n", trainers),
                String.join("\n", participants), Integer.toString(citizens)), by);
    }
}
