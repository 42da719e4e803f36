package org.learningmap.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with the demo on start-up. The application reports itself ready
 * (/actuator/health/readiness) only once this is done; until then pages say no site exists yet. A database that has any site is left alone.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "learningmap.demo-data.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** The advisory lock held while the demo is loaded, so only one node of several loads it. */
    static final long LOAD_LOCK = 0x4c4d_6465_6d6fL;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;
    private final Sites sites;
    private final List<DemoContent> contents;

    DemoDataLoader(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction, PasswordEncoder passwords,
                   Sites sites, List<DemoContent> contents) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.passwords = passwords;
        this.sites = sites;
        this.contents = contents;
    }

    @Override
    public void run(ApplicationArguments args) {
        Boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM site)").query(Boolean.class).single();
        if (!empty) {
            return;
        }
        long started = System.nanoTime();
        Boolean loaded = transaction.execute(status -> {
            // Two nodes started at once on an empty database: the second waits here for the first to
            // commit, then finds the sites and leaves them alone.
            jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(LOAD_LOCK).query(Integer.class).single();
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM site)").query(Boolean.class).single()) {
                return false;
            }
            Gazetteer gazetteer = Gazetteer.load();
            Map<String, Long> siteIds = new HashMap<>();
            for (SiteSeed seed : List.of(SiteSeed.LITHUANIA, SiteSeed.UKRAINE)) {
                siteIds.put(seed.country(), createSite(seed, gazetteer));
                // Lithuania and Ukraine both set the age of digital consent at 14.
                jdbc.sql("UPDATE site SET digital_consent_age = 14 WHERE id = ?").param(siteIds.get(seed.country())).update();
            }
            createAccounts(siteIds);
            for (DemoContent content : contents) {
                content.generate(siteIds, gazetteer);
            }
            return true;
        });
        sites.refresh();
        if (!Boolean.TRUE.equals(loaded)) {
            log.info("Demo data loaded by another node meanwhile");
            return;
        }
        log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private long createSite(SiteSeed seed, Gazetteer gazetteer) {
        long siteId = jdbc.sql("""
                        INSERT INTO site (slug, name, country, languages, default_language, time_zone, primary_colour,
                                          accent_colour, requires_moderation, centre_lat, centre_lon, default_zoom)
                        VALUES (?, ?::jsonb, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(seed.slug(), Json.json(seed.name()), seed.country(), "{" + String.join(",", seed.languages()) + "}",
                        seed.defaultLanguage(), seed.zone(), seed.primaryColour(), seed.accentColour(),
                        seed.requiresModeration(), seed.lat(), seed.lon(), seed.zoom())
                .query(Long.class).single();
        List<Gazetteer.Town> towns = gazetteer.townsOf(seed.country());
        Map<String, Long> areaIds = new HashMap<>();
        for (var entry : seed.areaNames().entrySet()) {
            List<Gazetteer.Town> inArea = towns.stream().filter(t -> t.adminCode().equals(entry.getKey())).toList();
            int population = inArea.stream().mapToInt(Gazetteer.Town::population).sum();
            double lat = inArea.stream().mapToDouble(Gazetteer.Town::lat).average().orElse(seed.lat());
            double lon = inArea.stream().mapToDouble(Gazetteer.Town::lon).average().orElse(seed.lon());
            LocalizedText name = entry.getValue();
            areaIds.put(entry.getKey(), jdbc.sql("""
                            INSERT INTO area (site_id, code, name, population, centre_lat, centre_lon)
                            VALUES (?, ?, ?::jsonb, ?, ?, ?) RETURNING id
                            """)
                    .params(siteId, seed.country() + "-" + entry.getKey(), Json.json(name), population, lat, lon)
                    .query(Long.class).single());
        }
        Map<Long, String[]> names = Places.names();
        List<Object[]> places = new ArrayList<>();
        for (Gazetteer.Town town : towns) {
            // GeoNames writes some towns without their letters (Taurage) or in an older spelling (Odessa);
            // the site's gazetteer gets the proper name and, in Ukraine, the Ukrainian one as well.
            String[] known = names.get(town.geonamesId());
            List<String> spellings = known == null ? List.of(town.name())
                    : seed.country().equals("LT") ? List.of(known[1]) : List.of(known[0], known[2]);
            for (String spelling : spellings) {
                places.add(new Object[] {siteId, areaIds.get(town.adminCode()), spelling, town.population(), town.lat(),
                        town.lon(), town.geonamesId()});
            }
        }
        Batch.insert(template, "INSERT INTO place_name (site_id, area_id, name, population, lat, lon, geonames_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                places);
        return siteId;
    }

    private void createAccounts(Map<String, Long> siteIds) {
        // One hash for every demo account: hashing is deliberately slow, and they share the password anyway.
        String hash = passwords.encode(DemoAccounts.PASSWORD);
        account(DemoAccounts.ADMIN, "Asta Administratorė", "lt", hash, true);
        long coordinatorLt = account(DemoAccounts.COORDINATOR_LT, "Rasa Koordinatorė", "lt", hash, false);
        long coordinatorUa = account(DemoAccounts.COORDINATOR_UA, "Оксана Координаторка", "uk", hash, false);
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR')")
                .params(coordinatorLt, siteIds.get("LT")).update();
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR')")
                .params(coordinatorUa, siteIds.get("UA")).update();
        account(DemoAccounts.OWNER, "Rūta Jonaitienė", "lt", hash, false);
        account(DemoAccounts.EDITOR, "Tomas Petrauskas", "lt", hash, false);
        account(DemoAccounts.EDUCATOR, "Ieva Kazlauskaitė", "lt", hash, false);
        account(DemoAccounts.OWNER_UA, "Олена Коваленко", "uk", hash, false);
        long learner = account(DemoAccounts.LEARNER, "Lukas Vaitkus", "en", hash, false);
        // A learner of the Lithuanian site, so staff at its desks can find him.
        jdbc.sql("UPDATE account SET site_id = ?, year_of_birth = 1988, languages = '{en,lt}' WHERE id = ?")
                .params(siteIds.get("LT"), learner).update();
    }

    long account(String email, String name, String language, String hash, boolean admin) {
        return jdbc.sql("""
                        INSERT INTO account (email, password_hash, display_name, preferred_language, platform_admin)
                        VALUES (?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(email, hash, name, language, admin)
                .query(Long.class).single();
    }
}
