package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a class, an educator of Vilnius Public Library opens the activity's badge on her phone, picks
 * the session, sees the three people marked present and awards them all in one tap. Going back and
 * tapping again awards nobody twice.
 */
class EducatorAwardsAWholeClass extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Recognition recognition;

    @Test
    void anEducatorAwardsEveryoneWhoCameInOneTap() {
        long library = jdbc.sql("""
                        SELECT m.organisation_id FROM membership m JOIN account a ON a.id = m.account_id
                         WHERE a.email = 'educator@example.org' ORDER BY m.organisation_id LIMIT 1
                        """).query(Long.class).single();
        String title = "Video calls with family " + UUID.randomUUID().toString().substring(0, 6);
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, audiences, languages, published_at)
                        SELECT site_id, id, 'CLASS', 'PUBLISHED', ?::jsonb, '{SENIORS}', '{lt}', now() FROM organisation WHERE id = ?
                        RETURNING id
                        """)
                .params("{\"en\":\"" + title + "\",\"lt\":\"" + title + "\"}", library).query(Long.class).single();
        Instant start = Instant.now().minus(Duration.ofHours(2));
        long session = jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, online_url, starts_at, ends_at, capacity)
                        SELECT site_id, organisation_id, id, 'https://meet.example.org/video', ?, ?, 12 FROM activity WHERE id = ?
                        RETURNING id
                        """)
                .params(Timestamp.from(start), Timestamp.from(start.plus(Duration.ofMinutes(90))), activity).query(Long.class).single();
        present(session, "Ona Petraitienė");
        present(session, "Jonas Kazlauskas");
        present(session, "Rūta Vaitkienė");
        Badge badge = recognition.ensureActivityBadge(activity);

        phone();
        SignIn.as(page, base(), "educator@example.org", "LearningMap-demo-2026");
        open("/staff/badges/" + badge.id() + "/award?lang=en");
        assertThat(page.locator("h1")).hasText("Award “" + title + "”");
        assertFitsNarrowScreen();
        assertAccessible();
        page.getByLabel("Session").selectOption(String.valueOf(session));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show who came")).click();
        assertThat(page.locator(".earning-people")).containsText("Ona Petraitienė");

        // The usual way there: from the session's roster, at the end of the class.
        open("/staff/sessions/" + session + "/roster?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Award the activity’s badge to the people who came")).click();
        assertThat(page.locator("h1")).hasText("Award “" + title + "”");
        assertThat(page.locator(".earning-people")).containsText("Ona Petraitienė");
        assertThat(page.locator(".earning-people")).containsText("Jonas Kazlauskas");
        assertThat(page.locator(".earning-people")).containsText("Rūta Vaitkienė");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("What the person did").last().fill("Made a first video call to a grandchild");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Award all 3 people who came")).click();
        assertThat(page.locator(".notice.success")).hasText("Badges awarded: 3. Already held: 0.");
        screenshot("educator-awards-whole-class");
        assertFitsNarrowScreen();
        assertAccessible();

        // The same form again (back, then the button once more): nobody gets the badge twice.
        page.goBack();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Award all 3 people who came")).click();
        assertThat(page.locator(".notice.success")).hasText("Badges awarded: 0. Already held: 3.");

        assertThat(jdbc.sql("SELECT count(*) FROM award WHERE badge_id = ? AND path = 'EDUCATOR'").param(badge.id())
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(DISTINCT narrative) FROM award WHERE badge_id = ?").param(badge.id())
                .query(Integer.class).single()).isEqualTo(1);

        // The longer Lithuanian words still fit the phone.
        open("/staff/badges/" + badge.id() + "/award?lang=lt&session=" + session);
        assertThat(page.locator("h1")).containsText("Suteikti");
        assertFitsNarrowScreen();
        assertAccessible();
    }

    private void present(long session, String name) {
        long account = jdbc.sql("INSERT INTO account (email, display_name, preferred_language) VALUES (?, ?, 'lt') RETURNING id")
                .params("learner." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", name).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO attendance (site_id, organisation_id, activity_id, session_id, account_id, status, method, recorded_at)
                        SELECT site_id, organisation_id, activity_id, id, ?, 'PRESENT', 'TAP', now() FROM session WHERE id = ?
                        """)
                .params(account, session).update();
    }
}
