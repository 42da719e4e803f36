package org.learningmap.organisations;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.learningmap.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff do for their organisation: keep its profile current and manage who works for it. */
@Service
class StaffDesk {

    static final String LAST_OWNER = "organisation.last-owner";
    static final String UNKNOWN_ACCOUNT = "staff.error.unknown-account";
    static final String ALREADY_MEMBER = "staff.error.already-member";

    private final OrganisationRepository organisations;
    private final StaffRepository staff;
    private final StaffPolicy policy;
    private final AccountDirectory accounts;

    StaffDesk(OrganisationRepository organisations, StaffRepository staff, StaffPolicy policy, AccountDirectory accounts) {
        this.organisations = organisations;
        this.staff = staff;
        this.policy = policy;
        this.accounts = accounts;
    }

    /** The organisation, for one of its members; 404 when it does not exist, 403 for anyone else. */
    Organisation open(long organisationId, long accountId) {
        Organisation organisation = organisations.find(organisationId).orElseThrow(RuleViolation::notFound);
        if (!policy.canSeeStaffPage(accountId, organisationId)) {
            throw RuleViolation.forbidden();
        }
        return organisation;
    }

    List<StaffMember> staffOf(long organisationId) {
        List<StaffRepository.Member> members = staff.membersOf(organisationId);
        Map<Long, AccountDirectory.AccountContact> contacts = accounts.contactsOf(members.stream().map(StaffRepository.Member::accountId).toList());
        return members.stream()
                .map(member -> {
                    var contact = contacts.get(member.accountId());
                    return new StaffMember(member.accountId(), contact == null ? "" : contact.displayName(),
                            contact == null ? "" : contact.email(), member.role());
                })
                .sorted(Comparator.comparing(StaffMember::role).thenComparing(StaffMember::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Transactional
    void editProfile(long organisationId, long actorId, OrganisationProfile profile) {
        open(organisationId, actorId);
        if (!policy.canEditProfile(actorId, organisationId)) {
            throw RuleViolation.forbidden();
        }
        organisations.updateProfile(organisationId, profile);
    }

    /** Adds an existing account, found by its e-mail address, to the organisation's staff. */
    @Transactional
    void addStaff(long organisationId, long actorId, String email, StaffRole role) {
        requireStaffManager(organisationId, actorId);
        var account = accounts.findByEmail(email).orElseThrow(() -> RuleViolation.badRequest(UNKNOWN_ACCOUNT, email));
        if (!staff.add(organisationId, account.id(), role)) {
            throw new RuleViolation(ALREADY_MEMBER, account.displayName());
        }
    }

    /** Changes a member's role; the last owner stays an owner, so someone can always manage the staff. */
    @Transactional
    void changeRole(long organisationId, long actorId, long memberId, StaffRole role) {
        requireStaffManager(organisationId, actorId);
        organisations.lock(organisationId);
        StaffRole current = policy.roleOf(memberId, organisationId).orElseThrow(RuleViolation::notFound);
        if (current == StaffRole.OWNER && role != StaffRole.OWNER && isLastOwner(organisationId)) {
            throw new RuleViolation(HttpStatus.CONFLICT, LAST_OWNER);
        }
        staff.changeRole(organisationId, memberId, role);
    }

    /** Removes a member; never the last owner. */
    @Transactional
    void removeStaff(long organisationId, long actorId, long memberId) {
        requireStaffManager(organisationId, actorId);
        organisations.lock(organisationId);
        StaffRole current = policy.roleOf(memberId, organisationId).orElseThrow(RuleViolation::notFound);
        if (current == StaffRole.OWNER && isLastOwner(organisationId)) {
            throw new RuleViolation(HttpStatus.CONFLICT, LAST_OWNER);
        }
        staff.remove(organisationId, memberId);
    }

    private void requireStaffManager(long organisationId, long actorId) {
        open(organisationId, actorId);
        if (!policy.canManageStaff(actorId, organisationId)) {
            throw RuleViolation.forbidden();
        }
    }

    private boolean isLastOwner(long organisationId) {
        return staff.ownersOf(organisationId).size() <= 1;
    }
}
