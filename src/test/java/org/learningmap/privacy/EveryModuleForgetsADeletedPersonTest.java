package org.learningmap.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.enrolment.AttendanceMethod;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.enrolment.EnrolmentSource;
import org.learningmap.enrolment.Enrolments;
import org.learningmap.platform.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A person who signed up, came, earned a badge, sent evidence, checked their skills, volunteered,
 * booked and gave 1:1 help and trained in a cascade sees all of it in their export, one section per
 * module; once they delete their account, nothing in any table of the schema names them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EveryModuleForgetsADeletedPersonTest {

    /**
     * What may still be found after a deletion, as {@code table.column}, each with its reason. Adding a
     * table or column that keeps something on purpose is one line here.
     */
    static final Map<String, String> MAY_REMAIN = Map.ofEntries(
            Map.entry("impact_fact.person_id", "an impact_person id, not an account id; that person's key is replaced by a random one"
                    + " on deletion, so the counts cannot be linked back (checked below)"),
            Map.entry("impact_learner_month.person_id", "derived from impact_fact.person_id: the same pseudonym"),
            Map.entry("impact_learner_change.person_id", "derived from impact_fact.person_id: the same pseudonym"),
            Map.entry("cascade_trainer.person_id", "a cascade_person id, not an account id"),
            Map.entry("cascade_participant.person_id", "a cascade_person id, not an account id; the person row keeps no name"),
            Map.entry("audit_entry.actor_account_id", "the audit log of staff actions keeps who acted as an account number only"
                    + " (e-mail and address are blanked on deletion) until its retention ends"));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Enrolments enrolments;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MessageSource messages;

    EditingFixtures fixtures;
    PrivacyFixtures privacy;
    PrivacyFixtures.Person ruta;
    PrivacyFixtures.Trail trail;
    long site;

    @BeforeEach
    void rutaLeavesSomethingInEveryModule() {
        fixtures = new EditingFixtures(jdbc, passwords);
        privacy = new PrivacyFixtures(jdbc, fixtures);
        site = fixtures.site("lietuva");
        long organisation = privacy.organisation(site);
        long venue = fixtures.venue(site, organisation, "Central library", "Vilnius");
        long activity = privacy.activity(site, organisation);
        long session = privacy.session(site, organisation, activity, venue, 10);
        ruta = privacy.person("Rūta", 1980);
        long other = fixtures.account("Someone else " + PrivacyFixtures.token());
        long enrolment = enrolments.enrol(session, ruta.id(), EnrolmentSource.SELF, null,
                Map.of("access", "A ramp please, " + ruta.token()), null).enrolmentId();
        trail = privacy.everywhere(ruta, site, enrolment, session, activity, organisation, venue, other);
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new AttendanceRecorded(site, organisation, activity, session, ruta.id(), AttendanceMethod.TAP, Instant.now())));
        waitFor("the attendance to count in the impact figures",
                () -> count("SELECT count(*) FROM impact_fact WHERE source = ?", "attendance:" + session + ":" + ruta.id()) == 1);
    }

    @Test
    void theExportHasASectionForEveryModuleThatKeepsSomethingAboutThem() throws Exception {
        String json = mvc.perform(get("/lietuva/account/privacy/export.json").with(user(fixtures.principal(ruta.id()))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode export = Json.mapper().readTree(json);
        List<String> withData = List.of("account", "consents", "trustedPeople", "actionsOnMyBehalf", "actionsForOthers", "savedSearches", "enrolments",
                "attendance", "reminderReplies", "personalCalendar", "checkInPass", "awards", "badgeEvidence", "portfolio", "skillsChecks",
                "volunteering", "trainingCascades");
        List<String> empty = new ArrayList<>();
        for (String section : withData) {
            JsonNode node = export.get(section);
            if (node == null || node.isNull() || node.isEmpty()) {
                empty.add(section);
            }
        }
        assertThat(empty).as("sections of the export without the person's data").isEmpty();
        assertThat(json).contains(ruta.email(), ruta.phone(), ruta.name(), "A ramp please, " + ruta.token(), "Evening classes for " + ruta.token(),
                "My work, by " + ruta.token(), "My path " + ruta.token(), "Taught " + ruta.token(), "71");

        String page = mvc.perform(get("/lietuva/account/privacy/export").with(user(fixtures.principal(ruta.id()))).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> untitled = new ArrayList<>();
        for (String section : withData) {
            String heading = messages.getMessage("my-data.section." + section, null, null, Locale.ENGLISH);
            if (heading == null || !page.contains(heading)) {
                untitled.add(section);
            }
        }
        assertThat(untitled).as("sections without a heading on the printable page").isEmpty();
        assertThat(page).contains(ruta.name(), "Evening classes for " + ruta.token());
    }

    @Test
    void afterDeletionNoTableOfTheSchemaNamesThem() throws Exception {
        byte[] personKey = impactKeyOf(ruta.id());
        assertThat(count("SELECT count(*) FROM impact_person WHERE person_key = ?", personKey)).isEqualTo(1);
        mvc.perform(post("/lietuva/account/delete").with(user(fixtures.principal(ruta.id()))).with(csrf())
                        .param("confirmation", EditingFixtures.PASSWORD))
                .andExpect(redirectedUrl("/lietuva/account-deleted"));
        waitFor("the impact figures to forget the person",
                () -> count("SELECT count(*) FROM impact_person WHERE person_key = ?", personKey) == 0);

        List<String> found = new ArrayList<>();
        for (Column column : columns()) {
            if (column.holdsAccountIds() && count("SELECT count(*) FROM " + column.table() + " WHERE " + column.name() + " = ?", ruta.id()) > 0) {
                found.add(column + " holds the account id");
            }
            if (column.holdsText() && count("SELECT count(*) FROM " + column.table() + " WHERE " + column.name()
                    + "::text ~ ?", "(account:|attendance:[0-9]+:)" + ruta.id() + "([^0-9]|$)") > 0) {
                found.add(column + " names the account id in its text");
            }
            for (String identifying : List.of(ruta.email(), ruta.phone(), ruta.token())) {
                if (column.holdsText() && count("SELECT count(*) FROM " + column.table() + " WHERE " + column.name() + "::text ILIKE ?",
                        "%" + identifying + "%") > 0) {
                    found.add(column + " holds " + identifying);
                }
                if (column.holdsBytes() && count("SELECT count(*) FROM " + column.table() + " WHERE position(? in " + column.name() + ") > 0",
                        identifying.getBytes(StandardCharsets.UTF_8)) > 0) {
                    found.add(column + " holds " + identifying + " in its bytes");
                }
            }
        }
        // the counts stay, and say nothing about whom
        assertThat(count("SELECT count(*) FROM impact_fact WHERE source LIKE ?", "attendance:" + trail.session() + ":%")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM enrolment WHERE session_id = ? AND status = 'CONFIRMED'", trail.session())).isEqualTo(1);
        assertThat(found.stream().filter(f -> !MAY_REMAIN.containsKey(f.substring(0, f.indexOf(' ')))).toList())
                .as("what still names the deleted person").isEmpty();
    }

    record Column(String table, String name, String type, boolean referencesAccount, boolean referencesSomethingElse) {

        static final Set<String> TEXT = Set.of("text", "character varying", "character", "jsonb", "json", "ARRAY");

        boolean holdsAccountIds() {
            if (referencesAccount || (table.equals("account") && name.equals("id"))) {
                return true;
            }
            boolean number = type.equals("bigint") || type.equals("integer");
            boolean named = name.matches(".*(account_id|person_id|learner_id|volunteer_id|actor_id|trusted_id|author_id|recipient.*|_by)");
            return number && named && !referencesSomethingElse;
        }

        boolean holdsText() {
            return TEXT.contains(type);
        }

        boolean holdsBytes() {
            return type.equals("bytea");
        }

        @Override
        public String toString() {
            return table + "." + name;
        }
    }

    List<Column> columns() {
        List<String[]> foreignKeys = jdbc.sql("""
                        SELECT cl.relname, a.attname, k.confrelid::regclass::text
                        FROM pg_constraint k
                        JOIN pg_class cl ON cl.oid = k.conrelid
                        JOIN pg_namespace ns ON ns.oid = cl.relnamespace AND ns.nspname = current_schema()
                        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                        WHERE k.contype = 'f'
                        """)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        return jdbc.sql("""
                        SELECT c.table_name, c.column_name, c.data_type
                        FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                          AND c.table_name NOT IN ('flyway_schema_history')
                        ORDER BY c.table_name, c.ordinal_position
                        """)
                .query((rs, n) -> {
                    String table = rs.getString(1);
                    String column = rs.getString(2);
                    boolean toAccount = foreignKeys.stream().anyMatch(k -> k[0].equals(table) && k[1].equals(column) && k[2].equals("account"));
                    boolean toOther = foreignKeys.stream().anyMatch(k -> k[0].equals(table) && k[1].equals(column) && !k[2].equals("account"));
                    return new Column(table, column, rs.getString(3), toAccount, toOther);
                })
                .list();
    }

    /** The person key the impact module derives from an account id (HMAC-SHA-256 with the key it keeps). */
    byte[] impactKeyOf(long accountId) throws Exception {
        byte[] key = jdbc.sql("SELECT key FROM impact_key WHERE id = 1").query(byte[].class).single();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(("account:" + accountId).getBytes(StandardCharsets.US_ASCII));
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("waited in vain for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
