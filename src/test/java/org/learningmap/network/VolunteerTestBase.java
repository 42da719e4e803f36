package org.learningmap.network;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two organisations of the Lithuanian site, each with an editor and a branch, and ways to make
 * volunteers (adult or under 18, with or without a guardian's consent), shifts and sessions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
abstract class VolunteerTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Volunteers volunteers;
    @Autowired
    Hours hours;
    @Autowired
    HelpDesk help;

    EditingFixtures fixtures;
    long lietuva;
    long orgA;
    long orgB;
    long editorA;
    long editorB;
    long venueA;
    long venueB;

    @BeforeEach
    void organisations() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        orgA = fixtures.organisation(lietuva, "Town library A", "APPROVED");
        orgB = fixtures.organisation(lietuva, "Youth centre B", "APPROVED");
        editorA = fixtures.account("Editor A");
        editorB = fixtures.account("Editor B");
        fixtures.member(editorA, orgA, "EDITOR");
        fixtures.member(editorB, orgB, "EDITOR");
        venueA = fixtures.venue(lietuva, orgA, "Central library", "Vilnius");
        venueB = fixtures.venue(lietuva, orgB, "Youth centre", "Kaunas");
        jdbc.sql("DELETE FROM network_site_setting WHERE site_id = ?").param(lietuva).update();
    }

    long adult(String name) {
        long id = fixtures.account(name);
        jdbc.sql("UPDATE account SET year_of_birth = 1980, site_id = ? WHERE id = ?").params(lietuva, id).update();
        return id;
    }

    long minor(String name, boolean guardianAgreed) {
        long id = fixtures.account(name);
        jdbc.sql("UPDATE account SET year_of_birth = ?, site_id = ? WHERE id = ?").params(Year.now().getValue() - 16, lietuva, id).update();
        if (guardianAgreed) {
            jdbc.sql("""
                            INSERT INTO consent_record (account_id, site_id, purpose, method, guardian_name, guardian_contact, recorded_by, given_at)
                            VALUES (?, ?, 'PERSONAL_DATA', 'PAPER', 'Jurgita', '+37060011122', ?, now())""")
                    .params(id, lietuva, editorA).update();
        }
        return id;
    }

    /** An approved volunteer of the organisation speaking Lithuanian and English, helping with e-government and online safety. */
    Volunteers.Volunteer approvedVolunteer(long accountId, long organisation, long venue) {
        var v = volunteers.offer(accountId, organisation, List.of("DIGITAL_LEADER"), List.of("lt", "en"),
                List.of("e-government", "online-safety"), List.of(venue), List.of("MON-MORNING"));
        long editor = organisation == orgA ? editorA : editorB;
        return volunteers.decide(editor, organisation, v.id(), true);
    }

    LocalDate inDays(int days) {
        return LocalDate.now(java.time.ZoneId.of("Europe/Vilnius")).plusDays(days);
    }

    Volunteers.Shift openShift(int inDays, int fromHour, int toHour, int capacity) {
        return volunteers.publishShift(editorA, orgA, venueA, inDays(inDays), LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0),
                capacity, true, "Computer class");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refusedWith(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                                                       String reason) {
        return assertThatThrownBy(call).isInstanceOf(RuleViolation.class).hasMessage(reason);
    }
}
