package org.learningmap.organisations;

import java.time.Clock;
import java.util.List;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** An organisation applies to join a site; the site's coordinator approves or rejects it with a reason. */
@Service
class Applications {

    static final String ALREADY_DECIDED = "organisation.already-decided";
    static final String REASON_REQUIRED = "coordinator.error.reason-required";

    private final OrganisationRepository organisations;
    private final StaffRepository staff;
    private final DecisionMail mail;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Applications(OrganisationRepository organisations, StaffRepository staff, DecisionMail mail, Clock clock,
                 PlatformTransactionManager transactions) {
        this.organisations = organisations;
        this.staff = staff;
        this.mail = mail;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Creates the organisation on the site as pending, with the applicant as its owner. Two
     * applications with the same name get different addresses ("library", "library-2").
     */
    long apply(long siteId, long applicantId, OrganisationProfile profile) {
        String base = Slugs.of(profile.name().in(preferredNameLanguage(profile)));
        // A failed insert spoils its transaction, so each attempt runs in its own.
        for (int attempt = 0; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    String slug = Slugs.firstFree(base, candidate -> organisations.slugTaken(siteId, candidate));
                    long id = organisations.insert(siteId, slug, profile, clock.instant());
                    staff.add(id, applicantId, StaffRole.OWNER);
                    return id;
                });
            } catch (DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    /** Approves a pending application; fails with {@value #ALREADY_DECIDED} when it was decided before. */
    @Transactional
    void approve(long organisationId, CurrentAccount coordinator, boolean verified) {
        Organisation organisation = decidable(organisationId, coordinator);
        if (!organisations.decide(organisation.id(), OrganisationStatus.APPROVED, null, verified, coordinator.id(), clock.instant())) {
            throw new RuleViolation(ALREADY_DECIDED);
        }
        mail.send(organisations.find(organisationId).orElseThrow());
    }

    /** Rejects a pending application with a reason the applicant reads. */
    @Transactional
    void reject(long organisationId, CurrentAccount coordinator, String reason) {
        Organisation organisation = decidable(organisationId, coordinator);
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.badRequest(REASON_REQUIRED);
        }
        if (!organisations.decide(organisation.id(), OrganisationStatus.REJECTED, reason.strip(), false, coordinator.id(),
                clock.instant())) {
            throw new RuleViolation(ALREADY_DECIDED);
        }
        mail.send(organisations.find(organisationId).orElseThrow());
    }

    private Organisation decidable(long organisationId, CurrentAccount coordinator) {
        Organisation organisation = organisations.find(organisationId).orElseThrow(RuleViolation::notFound);
        if (!StaffPolicy.canDecide(coordinator, organisation)) {
            throw RuleViolation.forbidden();
        }
        if (!organisation.isPending()) {
            throw new RuleViolation(ALREADY_DECIDED);
        }
        return organisation;
    }

    private static String preferredNameLanguage(OrganisationProfile profile) {
        List<String> latinFirst = List.of("en", "lt", "uk");
        return latinFirst.stream().filter(profile.name()::has).findFirst().orElse("en");
    }
}
