package org.learningmap.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

/** A retried request, a double click or two requests at once never award a badge twice. */
class AwardsAreMadeOnceTest extends RecognitionTestBase {

    @Autowired
    ApplicationEvents events;

    @Test
    void theSameKeyTwiceAwardsOnceAndTellsOthersOnce() {
        Badge badge = customBadge("Spreadsheet basics");
        String key = key();

        AwardOutcome first = recognition.award(toAccount(badge.id(), learner, key));
        AwardOutcome again = recognition.award(toAccount(badge.id(), learner, key));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.award().id()).isEqualTo(first.award().id());
        assertThat(awardsOf(badge.id())).isEqualTo(1);
        assertThat(events.stream(BadgeAwarded.class).filter(e -> e.badgeId() == badge.id())).hasSize(1);
        Award award = first.award();
        assertThat(award.accountId()).isEqualTo(learner);
        assertThat(award.recipientEmail()).isEqualTo(fixtures.email(learner));
        assertThat(award.organisationId()).isEqualTo(orgA);
        assertThat(award.siteId()).isEqualTo(lietuva);
        assertThat(award.revoked()).isFalse();
        assertThat(recognition.award(award.publicId())).contains(award);
    }

    @Test
    void aPersonHoldingTheBadgeIsNotAwardedItAgainWhateverTheKey() {
        Badge badge = customBadge("Online safety");

        AwardOutcome first = recognition.award(toAccount(badge.id(), learner, key()));
        AwardOutcome second = recognition.award(toAccount(badge.id(), learner, key()));
        AwardOutcome byEmail = recognition.award(new AwardRequest(badge.id(), null, fixtures.email(learner).toUpperCase(), null,
                AwardPath.BULK, null, null, editorA, null));

        assertThat(second.created()).isFalse();
        assertThat(byEmail.created()).isFalse();
        assertThat(second.award().id()).isEqualTo(first.award().id());
        assertThat(byEmail.award().id()).isEqualTo(first.award().id());
        assertThat(awardsOf(badge.id())).isEqualTo(1);
        assertThat(recognition.awardsOf(learner)).extracting(Award::badgeId).containsOnlyOnce(badge.id());
    }

    @Test
    void twoRequestsAtOnceMakeOneAward() throws Exception {
        for (int round = 0; round < 5; round++) {
            Badge badge = customBadge("Video calls " + round);
            CountDownLatch start = new CountDownLatch(1);
            Callable<AwardOutcome> award = () -> {
                start.await();
                return recognition.award(toAccount(badge.id(), learner, null));
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<AwardOutcome>> results = new ArrayList<>(List.of(pool.submit(award), pool.submit(award)));
                start.countDown();
                AwardOutcome a = results.get(0).get();
                AwardOutcome b = results.get(1).get();
                assertThat(List.of(a.created(), b.created())).containsExactlyInAnyOrder(true, false);
                assertThat(a.award().id()).isEqualTo(b.award().id());
            } finally {
                pool.shutdown();
            }
            assertThat(awardsOf(badge.id())).isEqualTo(1);
        }
    }

    @Test
    void everyAwardHasItsOwnPlaceInTheSitesStatusList() {
        Badge badge = customBadge("Photo editing");
        Award one = recognition.award(toAccount(badge.id(), learner, null)).award();
        Award two = recognition.award(toAccount(badge.id(), fixtures.account("Second learner"), null)).award();
        Award three = recognition.award(new AwardRequest(badge.id(), null, "no-account-" + key().substring(5) + "@example.org",
                "Someone Else", AwardPath.BULK, null, null, editorA, null)).award();

        assertThat(List.of(one.statusIndex(), two.statusIndex(), three.statusIndex())).doesNotHaveDuplicates();
        assertThat(three.accountId()).isNull();
        assertThat(three.language()).isEqualTo("lt");
    }

    @Test
    void anAwardToAnAddressGoesToTheAccountMadeLater() {
        Badge badge = customBadge("Email basics");
        String email = "later-" + key().substring(5) + "@example.org";
        Award award = recognition.award(new AwardRequest(badge.id(), null, email, "Later Learner", AwardPath.BULK, null, null,
                editorA, null)).award();
        long account = jdbc.sql("""
                        INSERT INTO account (email, password_hash, display_name, preferred_language) VALUES (?, 'x', 'Later Learner', 'en')
                        RETURNING id
                        """).param(email).query(Long.class).single();

        assertThat(recognition.attachAwardsToAccount(email.toUpperCase(), account)).isEqualTo(1);
        assertThat(recognition.awardsOf(account)).extracting(Award::id).containsExactly(award.id());
        assertThat(recognition.award(toAccount(badge.id(), account, null)).created()).isFalse();
    }

    @Test
    void anAwardAttachedToTheAccountMadeLaterCountsForThePersonsPlaylists() {
        long activity = jdbc.sql("SELECT id FROM activity ORDER BY id LIMIT 1").query(Long.class).single();
        Badge badge = recognition.ensureActivityBadge(activity);
        String email = "attached-" + key().substring(5) + "@example.org";
        Award award = recognition.award(new AwardRequest(badge.id(), null, email, "Attached Learner", AwardPath.BULK, null, null,
                editorA, null)).award();
        long account = jdbc.sql("""
                        INSERT INTO account (email, password_hash, display_name, preferred_language) VALUES (?, 'x', 'Attached Learner', 'en')
                        RETURNING id
                        """).param(email).query(Long.class).single();

        assertThat(recognition.attachAwardsToAccount(email, account)).isEqualTo(1);
        assertThat(events.stream(BadgeAwarded.class).filter(e -> e.awardId() == award.id()))
                .extracting(BadgeAwarded::accountId).containsExactly(null, account);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM playlist_activity_done WHERE account_id = ? AND activity_id = ?
                        """).params(account, activity).query(Integer.class).single() == 1);
        // Attaching again finds nothing more and announces nothing more.
        assertThat(recognition.attachAwardsToAccount(email, account)).isZero();
        assertThat(events.stream(BadgeAwarded.class).filter(e -> e.awardId() == award.id())).hasSize(2);
    }

    @Test
    void anAwardNeedsSomeoneToGoTo() {
        Badge badge = customBadge("Nobody");
        assertThatThrownBy(() -> recognition.award(new AwardRequest(badge.id(), null, " ", null, AwardPath.EDUCATOR, null, null,
                editorA, null)))
                .isInstanceOf(RuleViolation.class).extracting("reason").isEqualTo("recognition.award.recipient-required");
        assertThatThrownBy(() -> recognition.award(new AwardRequest(badge.id(), null, "not an address", null, AwardPath.EDUCATOR, null,
                null, editorA, null)))
                .isInstanceOf(RuleViolation.class).extracting("reason").isEqualTo("recognition.award.email-invalid");
    }

    @Test
    void aBadgeWithAValidityPeriodGivesAwardsThatExpire() {
        Badge badge = recognition.createBadge(lietuva, orgA, BadgeSource.CUSTOM, null,
                org.learningmap.shared.LocalizedText.of("en", "First aid online"), null, null, List.of(), List.of(), 365);
        Award award = recognition.award(toAccount(badge.id(), learner, null)).award();

        assertThat(award.expiresAt()).isEqualTo(award.issuedAt().plus(java.time.Duration.ofDays(365)));
        assertThat(award.expiredAt(award.issuedAt())).isFalse();
        assertThat(award.expiredAt(award.issuedAt().plus(java.time.Duration.ofDays(366)))).isTrue();
    }

    @Test
    void aMinorWhoseGuardianHasNotAgreedGetsNoAwardYet() {
        Badge badge = customBadge("Coding for teens");
        long teen = fixtures.account("Teen");
        jdbc.sql("UPDATE account SET guardian_required = true WHERE id = ?").param(teen).update();

        assertThatThrownBy(() -> recognition.award(toAccount(badge.id(), teen, null)))
                .isInstanceOf(RuleViolation.class).extracting("reason").isEqualTo("account.awaiting-guardian");
        assertThat(awardsOf(badge.id())).isZero();
    }
}
