package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.Catalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class RemindersTest extends EnrolmentTestBase {

    @Autowired
    Catalogue catalogue;
    @Autowired
    EnrolmentStore store;
    @Autowired
    EnrolmentMail mail;
    @Autowired
    TransactionTemplate transactions;

    Reminders at(Instant now) {
        return new Reminders(jdbc, catalogue, store, enrolments, mail, transactions, Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(24));
    }

    Instant startOf(long session) {
        return jdbc.sql("SELECT starts_at FROM session WHERE id = ?").param(session).query(java.sql.Timestamp.class).single().toInstant();
    }

    String reminderLinkTo(long accountId) {
        String body = jdbc.sql("SELECT body FROM outbox_email WHERE recipient = ? AND body LIKE '%/enrolment/reminder/%' ORDER BY id DESC LIMIT 1")
                .param(fixtures.email(accountId)).query(String.class).single();
        Matcher link = Pattern.compile("http://[^/]+(/lietuva/enrolment/reminder/[A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    int remindersTo(long accountId) {
        return jdbc.sql("SELECT count(*) FROM outbox_email WHERE recipient = ? AND body LIKE '%/enrolment/reminder/%'")
                .param(fixtures.email(accountId)).query(Integer.class).single();
    }

    @Test
    void aDayBeforeEveryoneWithAPlaceIsAskedOnceAndAReleasedPlaceGoesToTheFirstInLine() throws Exception {
        long session = classSession(2);
        long ana = person("Ana");
        long ben = person("Ben");
        long cai = person("Cai");
        EnrolmentOutcome anaPlace = signUp(session, ana);
        signUp(session, ben);
        EnrolmentOutcome caiWaiting = signUp(session, cai);
        Instant start = startOf(session);

        at(start.minus(Duration.ofDays(3))).sendDue();
        assertThat(remindersTo(ana)).isZero();

        Reminders dayBefore = at(start.minus(Duration.ofHours(23)));
        dayBefore.sendDue();
        dayBefore.sendDue();
        at(start.minus(Duration.ofHours(22))).sendDue();
        assertThat(remindersTo(ana)).as("one reminder however often the job runs").isEqualTo(1);
        assertThat(remindersTo(ben)).isEqualTo(1);
        assertThat(remindersTo(cai)).as("people on the waitlist are not asked").isZero();

        String benLink = reminderLinkTo(ben);
        mvc.perform(get(benLink).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Are you still coming?")));
        mvc.perform(post(benLink + "/coming").with(csrf()).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Thank you! See you there.")));
        assertThat(jdbc.sql("SELECT answer FROM enrolment_reminder r JOIN enrolment e ON e.id = r.enrolment_id WHERE e.account_id = ?")
                .param(ben).query(String.class).single()).isEqualTo("COMING");

        mvc.perform(post(reminderLinkTo(ana) + "/release").with(csrf()).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Your place was released.")));
        assertThat(statusOf(anaPlace.enrolmentId())).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT cancelled_by FROM enrolment WHERE id = ?").param(anaPlace.enrolmentId()).query(String.class).single())
                .isEqualTo("RELEASED");
        assertThat(statusOf(caiWaiting.enrolmentId())).isEqualTo("CONFIRMED");
        assertThat(confirmedInPool(session)).isEqualTo(2);

        // the person moved up is reminded on the next run
        at(start.minus(Duration.ofHours(21))).sendDue();
        assertThat(remindersTo(cai)).isEqualTo(1);
    }

    @Test
    void severalNodesRunningAtOnceSendEachReminderOnce() throws Exception {
        long session = classSession(30);
        long[] people = new long[10];
        for (int i = 0; i < people.length; i++) {
            people[i] = person("Crowd " + i);
            signUp(session, people[i]);
        }
        Instant now = startOf(session).minus(Duration.ofHours(20));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int node = 0; node < 4; node++) {
                pool.submit(() -> at(now).sendDue());
            }
        }
        for (long person : people) {
            assertThat(remindersTo(person)).isEqualTo(1);
        }
    }
}
