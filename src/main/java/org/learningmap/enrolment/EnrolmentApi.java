package org.learningmap.enrolment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing up through the API with a personal token ({@code Authorization: Bearer}), as the token's
 * person. A retried request with the same {@code Idempotency-Key} gets the same answer; errors are
 * RFC 9457 problem details in the caller's language.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Enrolment", description = "Signing up for sessions, the waitlist, and the caller's own sign-ups")
class EnrolmentApi {

    /** Optional answers to the activity's registration questions, by question key. */
    record EnrolmentRequest(Map<String, String> answers) {
    }

    /** Where a sign-up stands; {@code position} is given while waiting (1: first in line). */
    record EnrolmentResponse(long id, long activityId, Long sessionId, String status, Integer position, Boolean alreadyEnrolled,
                             Map<String, String> activityTitle, Instant startsAt) {
    }

    private final Enrolments enrolments;
    private final RegistrationQuestions questions;
    private final TransactionTemplate transaction;

    EnrolmentApi(Enrolments enrolments, RegistrationQuestions questions, TransactionTemplate transaction) {
        this.enrolments = enrolments;
        this.questions = questions;
        this.transaction = transaction;
    }

    @PostMapping("/sessions/{id}/enrolment")
    @Operation(summary = "Sign up for a session (or, for a course or camp, for all its sessions)",
            description = "Takes a place if one is free, otherwise joins the end of the waitlist. Signing up again gives the "
                    + "existing sign-up (200). A retry with the same Idempotency-Key gets the same answer. Needs a personal API token.")
    @ApiResponse(responseCode = "201", description = "Signed up: status CONFIRMED, or WAITLISTED with the position")
    @ApiResponse(responseCode = "200", description = "Already signed up (or a retried request): the existing sign-up")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "404", description = "No such session on this site (problem details)")
    @ApiResponse(responseCode = "409", description = "Sign-up is closed, the session is cancelled, or the activity takes no sign-ups (problem details)")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request (problem details)")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Any unique string (at most 200 characters) per intended sign-up")
    ResponseEntity<EnrolmentResponse> enrol(@PathVariable long id,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                            @RequestBody(required = false) EnrolmentRequest request) {
        CurrentAccount account = caller();
        // one transaction (one pooled connection) from reading the session to the outbox
        return transaction.execute(tx -> {
            SessionFacts session = onThisSite(id);
            Map<String, String> answers = questions.accept(session.activityId(), request == null ? Map.of() : request.answers());
            EnrolmentOutcome outcome = enrolments.enrol(session, account.id(), EnrolmentSource.SELF, null, answers, idempotencyKey);
            if (outcome.alreadyEnrolled()) {
                MyEnrolment mine = enrolments.mine(outcome.enrolmentId(), account.id()).orElseThrow();
                return ResponseEntity.ok(response(mine, true));
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(new EnrolmentResponse(outcome.enrolmentId(), session.activityId(),
                    session.wholeActivityRegistration() ? null : session.sessionId(), outcome.status().name(), outcome.position(), false,
                    session.activityTitle().values(), session.startsAt()));
        });
    }

    @DeleteMapping("/sessions/{id}/enrolment")
    @Operation(summary = "Give up my place (or leave the waitlist) for a session",
            description = "The freed place goes to the first person on the waitlist. Needs a personal API token.")
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "404", description = "No such session, or the caller is not signed up for it (problem details)")
    ResponseEntity<Void> cancel(@PathVariable long id) {
        CurrentAccount account = caller();
        onThisSite(id);
        EnrolmentOutcome mine = enrolments.enrolmentFor(id, account.id())
                .orElseThrow(() -> new RuleViolation(HttpStatus.NOT_FOUND, "enrolment.not-signed-up"));
        enrolments.cancel(mine.enrolmentId(), account.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/account/enrolments")
    @Operation(summary = "My sign-ups, newest first, cancelled ones included", description = "Needs a personal API token.")
    @ApiResponse(responseCode = "200", description = "The caller's sign-ups")
    @ApiResponse(responseCode = "401", description = "No valid token (problem details)")
    List<EnrolmentResponse> mine() {
        CurrentAccount account = caller();
        return enrolments.enrolmentsOf(account.id()).stream().map(e -> response(e, null)).toList();
    }

    private SessionFacts onThisSite(long sessionId) {
        return enrolments.session(sessionId).filter(s -> s.siteId() == Sites.current().id()).orElseThrow(RuleViolation::notFound);
    }

    private static EnrolmentResponse response(MyEnrolment e, Boolean already) {
        return new EnrolmentResponse(e.id(), e.activityId(), e.sessionId(), e.status().name(), e.position(), already,
                e.activityTitle().values(), e.startsAt());
    }

    private static CurrentAccount caller() {
        return CurrentAccount.get().orElseThrow(() -> new RuleViolation(HttpStatus.UNAUTHORIZED, "error.unauthorised"));
    }
}
