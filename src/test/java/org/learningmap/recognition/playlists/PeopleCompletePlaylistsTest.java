package org.learningmap.recognition.playlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.enrolment.AttendanceMethod;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Editors build playlists; learners complete them by attending or holding badges and earn the playlist's badge once. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PeopleCompletePlaylistsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Playlists playlists;
    @Autowired
    Recognition recognition;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;

    EditingFixtures fixtures;
    long lietuva;
    long orgA;
    long orgB;
    CurrentAccount editorA;
    CurrentAccount editorB;
    long learner;

    @BeforeEach
    void organisations() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        orgA = fixtures.organisation(lietuva, "Playlist library A", "APPROVED");
        orgB = fixtures.organisation(lietuva, "Playlist centre B", "APPROVED");
        long a = fixtures.account("Playlist editor A");
        long b = fixtures.account("Playlist editor B");
        fixtures.member(a, orgA, "EDITOR");
        fixtures.member(b, orgB, "EDITOR");
        editorA = fixtures.principal(a);
        editorB = fixtures.principal(b);
        learner = fixtures.account("Playlist learner");
    }

    long activity(String kind, String title) {
        return jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        VALUES (?, ?, ?, 'PUBLISHED', jsonb_build_object('en', ?::text, 'lt', ?::text), '{"en": "Learn it"}', now())
                        RETURNING id
                        """)
                .params(lietuva, orgA, kind, title, title + " (lt)").query(Long.class).single();
    }

    long playlist(boolean ordered, Integer required, long... activities) {
        long id = playlists.create(editorA, orgA, LocalizedText.of("Digital start", "Skaitmeninė pradžia", "Цифровий старт"),
                LocalizedText.of("en", "Start here"), ordered, required);
        for (long activity : activities) {
            playlists.addItem(editorA, id, activity, null);
        }
        return id;
    }

    List<Award> playlistAwards(long playlistId) {
        Long badgeId = playlists.playlist(playlistId).orElseThrow().badgeId();
        return recognition.awardsOfBadge(badgeId);
    }

    @Test
    void threeOfFiveCompleteThePlaylistAndItsBadgeIsAwardedOnce() {
        long[] items = new long[5];
        for (int i = 0; i < 5; i++) {
            items[i] = activity(i == 4 ? "ONLINE_COURSE" : "CLASS", "Step " + i);
        }
        long id = playlist(false, 3, items);
        Badge badge = playlists.publish(editorA, id);
        assertThat(badge.source()).isEqualTo(BadgeSource.PLAYLIST);
        assertThat(badge.sourceId()).isEqualTo(id);
        assertThat(badge.organisationId()).isEqualTo(orgA);
        assertThat(badge.criteria().in("en")).isEqualTo("Complete 3 of the 5 activities of the playlist.");

        Instant now = Instant.now();
        playlists.recordDone(learner, items[0], lietuva, "ATTENDED", now.minusSeconds(300));
        playlists.recordDone(learner, items[4], lietuva, "BADGE", now.minusSeconds(200));
        assertThat(playlistAwards(id)).isEmpty();
        assertThat(playlists.progress(playlists.playlist(id).orElseThrow(), learner).counted()).isEqualTo(2);

        playlists.recordDone(learner, items[2], lietuva, "ATTENDED", now.minusSeconds(100));
        playlists.recordDone(learner, items[2], lietuva, "ATTENDED", now);
        playlists.recordDone(learner, items[3], lietuva, "ATTENDED", now);

        assertThat(playlistAwards(id)).singleElement().satisfies(award -> {
            assertThat(award.accountId()).isEqualTo(learner);
            assertThat(award.path()).isEqualTo(AwardPath.PLAYLIST);
        });
        assertThat(jdbc.sql("SELECT idempotency_key FROM award WHERE badge_id = ?").param(badge.id()).query(String.class).single())
                .isEqualTo("playlist:" + id + ":" + learner);
        assertThat(playlists.progress(playlists.playlist(id).orElseThrow(), learner).complete()).isTrue();
    }

    @Test
    void anItemCountsOnlyWhenItsPrerequisiteWasDoneFirst() {
        long basics = activity("CLASS", "Computer basics");
        long email = activity("CLASS", "E-mail");
        long id = playlist(false, null, basics);
        playlists.addItem(editorA, id, email, basics);
        playlists.publish(editorA, id);
        Instant now = Instant.now();

        playlists.recordDone(learner, email, lietuva, "ATTENDED", now.minusSeconds(3600));
        playlists.recordDone(learner, basics, lietuva, "ATTENDED", now.minusSeconds(1800));

        var progress = playlists.progress(playlists.playlist(id).orElseThrow(), learner);
        assertThat(progress.counted()).isEqualTo(1);
        assertThat(progress.items().get(1).done()).isTrue();
        assertThat(progress.items().get(1).counts()).isFalse();
        assertThat(progress.items().get(1).waitsFor()).isEqualTo(basics);
        assertThat(playlistAwards(id)).isEmpty();

        playlists.recordDone(learner, email, lietuva, "ATTENDED", now);

        assertThat(playlistAwards(id)).hasSize(1);
    }

    @Test
    void inAnOrderedPlaylistAStepCountsOnlyAfterTheOneBeforeIt() {
        Playlist ordered = new Playlist(1, lietuva, orgA, LocalizedText.EMPTY, LocalizedText.EMPTY, true, null, true, 9L,
                List.of(new Playlist.Item(10, 1, null), new Playlist.Item(20, 2, null), new Playlist.Item(30, 3, null)));
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        var done = new java.util.HashMap<Long, PlaylistRules.Done>();
        done.put(20L, new PlaylistRules.Done(t, t));
        done.put(10L, new PlaylistRules.Done(t.plusSeconds(60), t.plusSeconds(60)));
        assertThat(PlaylistRules.states(ordered, done)).extracting(PlaylistRules.ItemState::counts).containsExactly(true, false, false);

        done.put(20L, new PlaylistRules.Done(t, t.plusSeconds(120)));
        done.put(30L, new PlaylistRules.Done(t.plusSeconds(180), t.plusSeconds(180)));
        assertThat(PlaylistRules.complete(ordered, done)).isTrue();
    }

    @Test
    void attendingASessionOrHoldingTheActivitysBadgeCountsTheActivity() {
        long first = activity("CLASS", "Video calls");
        long second = activity("ONLINE_COURSE", "Online banking");
        long id = playlist(false, null, first, second);
        playlists.publish(editorA, id);

        long session = jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, starts_at, ends_at)
                        VALUES (?, ?, ?, now() - interval '2 hours', now() - interval '1 hour') RETURNING id
                        """).params(lietuva, orgA, first).query(Long.class).single();
        transactions.executeWithoutResult(tx -> publisher.publishEvent(
                new AttendanceRecorded(lietuva, orgA, first, session, learner, AttendanceMethod.TAP, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> playlists.progress(playlists.playlist(id).orElseThrow(), learner).counted() == 1);

        Badge courseBadge = recognition.ensureActivityBadge(second);
        recognition.award(new org.learningmap.recognition.AwardRequest(courseBadge.id(), learner, null, null, AwardPath.EDUCATOR,
                null, null, null, "test:course:" + learner));

        await().atMost(Duration.ofSeconds(20)).until(() -> !playlistAwards(id).isEmpty());
        assertThat(playlistAwards(id)).singleElement().extracting(Award::path).isEqualTo(AwardPath.PLAYLIST);
    }

    @Test
    void publishingIsRefusedForAnEmptyPlaylistOrOneAskingForMoreThanItHas() {
        long id = playlist(false, 3);
        assertThatThrownBy(() -> playlists.publish(editorA, id)).isInstanceOf(RuleViolation.class)
                .hasMessage("recognition-portfolio.playlist.empty");
        playlists.addItem(editorA, id, activity("CLASS", "One"), null);
        assertThatThrownBy(() -> playlists.publish(editorA, id)).isInstanceOf(RuleViolation.class)
                .hasMessage("recognition-portfolio.playlist.required-too-many");
    }

    @Test
    void anEditorBuildsAndPublishesAPlaylistOnItsPagesAndEveryoneSeesIt() throws Exception {
        long smartphone = activity("CLASS", "Smartphone basics");
        String location = mvc.perform(post("/lietuva/staff/playlists").with(user(editorA)).with(csrf())
                        .param("organisationId", String.valueOf(orgA)).param("name[en]", "Phone confidence")
                        .param("name[lt]", "Drąsiai su telefonu").param("requiredCount", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll(".*/staff/playlists/(\\d+).*", "$1"));

        mvc.perform(post("/lietuva/staff/playlists/" + id + "/items").with(user(editorA)).with(csrf())
                        .param("activity", "https://example.org/lietuva/activities/" + smartphone))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/lietuva/staff/playlists/" + id + "/publish").with(user(editorA)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/lietuva/playlists/" + id).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Phone confidence")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Smartphone basics")));
        mvc.perform(get("/lietuva/playlists").header("Accept-Language", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Phone confidence")));
    }

    @Test
    void staffOfAnotherOrganisationCannotTouchThePlaylist() throws Exception {
        long id = playlist(false, null, activity("CLASS", "Spreadsheets"));

        mvc.perform(get("/lietuva/staff/playlists/" + id).with(user(editorB))).andExpect(status().isForbidden());
        mvc.perform(post("/lietuva/staff/playlists/" + id + "/publish").with(user(editorB)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/lietuva/staff/playlists").with(user(editorB)).with(csrf())
                        .param("organisationId", String.valueOf(orgA)).param("name[en]", "Not mine").header("Accept-Language", "en"))
                .andExpect(status().is(422))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose the organisation that issues the badge.")));
        assertThatThrownBy(() -> playlists.addItem(editorB, id, activity("CLASS", "Other"), null)).isInstanceOf(RuleViolation.class)
                .hasMessage("error.forbidden");
        assertThat(playlists.playlist(id).orElseThrow().published()).isFalse();
    }

    @Test
    void aLearnerKeepsTheirOwnPrivateListAndNoOneElseSeesIt() throws Exception {
        long smartphone = activity("CLASS", "Tablet basics");
        CurrentAccount me = fixtures.principal(learner);
        mvc.perform(post("/lietuva/account/playlists").with(user(me)).with(csrf()).param("name", "Weekend plans"))
                .andExpect(status().is3xxRedirection());
        long list = jdbc.sql("SELECT id FROM personal_playlist WHERE account_id = ?").param(learner).query(Long.class).single();
        mvc.perform(post("/lietuva/account/playlists/" + list + "/items").with(user(me)).with(csrf()).param("activity", String.valueOf(smartphone)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/lietuva/account/playlists/" + list).with(user(me)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Tablet basics")));

        mvc.perform(get("/lietuva/account/playlists/" + list).with(user(editorB))).andExpect(status().isNotFound());
        mvc.perform(post("/lietuva/account/playlists/" + list + "/delete").with(user(editorB)).with(csrf())).andExpect(status().isNotFound());
    }
}
