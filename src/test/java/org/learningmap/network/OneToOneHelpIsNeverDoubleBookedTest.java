package org.learningmap.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
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

/**
 * 1:1 help: a slot goes to one person even when two book it at the same moment; a person is never
 * booked twice at overlapping times; the match is by language and topic; reminders go in the
 * person's language; the volunteer records that the help happened.
 */
class OneToOneHelpIsNeverDoubleBookedTest extends VolunteerTestBase {

    @Autowired
    ApplicationEvents events;

    @Test
    void twoPeopleBookingTheSameSlotAtOnceOneWins() throws Exception {
        long ona = adult("Ona Slot");
        var v = approvedVolunteer(ona, orgA, venueA);
        var slot = help.offer(ona, v.id(), venueA, inDays(2), LocalTime.of(11, 0), List.of("lt"), List.of("e-government"), null);
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(adult("Person " + i));
        }
        List<String> outcomes = race(people.stream().<Callable<String>>map(person ->
                () -> help.bookForMyself(person, slot.id(), "e-government", "lt").status()).toList());

        assertThat(outcomes).filteredOn("BOOKED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("BOOKED")).containsOnly("network.help.slot-taken");
        assertThat(jdbc.sql("SELECT count(*) FROM help_booking WHERE slot_id = ? AND status = 'BOOKED'").param(slot.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPersonBookingTwoOverlappingSlotsAtOnceGetsOne() throws Exception {
        long ona = adult("Ona Overlap");
        long jonas = adult("Jonas Overlap");
        var onaV = approvedVolunteer(ona, orgA, venueA);
        var jonasV = approvedVolunteer(jonas, orgA, venueA);
        var first = help.offer(ona, onaV.id(), venueA, inDays(4), LocalTime.of(11, 0), List.of("lt"), List.of("e-government"), null);
        var second = help.offer(jonas, jonasV.id(), venueA, inDays(4), LocalTime.of(11, 15), List.of("lt"), List.of("e-government"), null);
        long aldona = adult("Aldona Both");
        List<String> outcomes = race(List.of(
                () -> help.bookForMyself(aldona, first.id(), "e-government", "lt").status(),
                () -> help.bookForMyself(aldona, second.id(), "e-government", "lt").status()));
        assertThat(outcomes).containsExactlyInAnyOrder("BOOKED", "network.help.person-busy");

        // a visitor known by phone is the same person however the librarian types the number
        var third = help.offer(ona, onaV.id(), venueA, inDays(5), LocalTime.of(11, 0), List.of("lt"), List.of("e-government"), null);
        var fourth = help.offer(jonas, jonasV.id(), venueA, inDays(5), LocalTime.of(11, 0), List.of("lt"), List.of("e-government"), null);
        help.bookForVisitor(editorA, orgA, third.id(), "e-government", "lt", null, "Aldona K.", "+370 600 11111");
        refusedWith(() -> help.bookForVisitor(editorA, orgA, fourth.id(), "e-government", "lt", "", "Aldona K.", "+370-600-11111"),
                "network.help.person-busy");
    }

    @Test
    void aVolunteerNeverOffersOverlappingSlots() {
        long ona = adult("Ona Twice");
        var v = approvedVolunteer(ona, orgA, venueA);
        help.offer(ona, v.id(), venueA, inDays(2), LocalTime.of(11, 0), List.of("lt"), List.of("e-government"), null);
        refusedWith(() -> help.offer(ona, v.id(), venueA, inDays(2), LocalTime.of(11, 20), List.of("lt"), List.of("e-government"), null),
                "network.help.slot-overlap");
    }

    @Test
    void theMatchIsByLanguageAndTopic() {
        long ona = adult("Ona Match");
        var v = approvedVolunteer(ona, orgA, venueA);
        var slot = help.offer(ona, v.id(), venueA, inDays(2), LocalTime.of(13, 0), List.of("lt", "en"), List.of("e-government"), null);
        assertThat(help.findFree(lietuva, orgA, "en", "e-government")).extracting(Volunteers.HelpSlot::id).contains(slot.id());
        assertThat(help.findFree(lietuva, orgA, "uk", "e-government")).extracting(Volunteers.HelpSlot::id).doesNotContain(slot.id());
        assertThat(help.findFree(lietuva, orgA, "en", "online-safety")).extracting(Volunteers.HelpSlot::id).doesNotContain(slot.id());
        long person = adult("Petras Match");
        refusedWith(() -> help.bookForMyself(person, slot.id(), "online-safety", "en"), "network.help.no-match");
        refusedWith(() -> help.bookForMyself(person, slot.id(), "e-government", "uk"), "network.help.no-match");
        help.bookForMyself(person, slot.id(), "e-government", "en");
        assertThat(help.findFree(lietuva, orgA, "en", "e-government")).extracting(Volunteers.HelpSlot::id).doesNotContain(slot.id());
    }

    @Test
    void theVisitorIsRemindedInTheirLanguageAndTheVolunteerRecordsTheHelp() {
        long ona = adult("Ona Reminder");
        var v = approvedVolunteer(ona, orgA, venueA);
        var slot = help.offer(ona, v.id(), venueA, inDays(1), LocalTime.of(9, 0), List.of("lt"), List.of("e-government"), null);
        String phone = "+3706" + (System.nanoTime() % 10_000_000 + 10_000_000);
        var booking = help.bookForVisitor(editorA, orgA, slot.id(), "e-government", "lt", null, "Aldona Kazlauskienė", phone);
        // the help is within the next day
        jdbc.sql("UPDATE help_booking SET starts_at = now() + interval '3 hours', ends_at = now() + interval '3 hours 30 minutes' WHERE id = ?")
                .param(booking.id()).update();

        help.sendReminders();
        help.sendReminders();
        List<String> texts = jdbc.sql("SELECT body FROM outbox_sms WHERE recipient = ?").param(phone).query(String.class).list();
        assertThat(texts).hasSize(1);
        assertThat(texts.getFirst()).contains("Pagalba 1:1", "Central library");

        refusedWith(() -> help.record(ona, booking.id(), true), "network.help.not-yet");
        jdbc.sql("UPDATE help_booking SET starts_at = now() - interval '40 minutes', ends_at = now() - interval '10 minutes' WHERE id = ?")
                .param(booking.id()).update();
        long stranger = adult("Not The Volunteer");
        refusedWith(() -> help.record(stranger, booking.id(), true), "error.not-found");
        help.record(ona, booking.id(), true);
        refusedWith(() -> help.record(ona, booking.id(), true), "network.help.already-recorded");
        List<HelpSessionHeld> held = events.stream(HelpSessionHeld.class).filter(e -> e.bookingId() == booking.id()).toList();
        assertThat(held).hasSize(1);
        assertThat(held.getFirst().personAccountId()).isNull();
        assertThat(held.getFirst().volunteerAccountId()).isEqualTo(ona);
        assertThat(held.getFirst().topic()).isEqualTo("e-government");
        assertThat(held.getFirst().organisationId()).isEqualTo(orgA);
    }

    /** Runs the calls at the same moment; each gives its outcome or the reason it was refused. */
    private static List<String> race(List<Callable<String>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (RuleViolation refused) {
                        return refused.reason();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
