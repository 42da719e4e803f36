package org.learningmap.audit;

import java.time.Instant;
import java.util.List;
import org.learningmap.accounts.AccountDeleted;
import org.learningmap.accounts.PersonalDataContributor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The person's own entries in the audit log, in the export of their data. When the account goes, the
 * e-mail and address of those entries are blanked (in the deleting transaction, and once more when
 * {@link AccountDeleted} arrives); what was done and the account number stay, as the log must.
 */
@Component
class AuditPersonalData implements PersonalDataContributor {

    /** One entry as the person sees it in their export. */
    record MyAction(Instant at, String event, String action, int status, boolean refused, Long organisationId, String clientIp) {
    }

    private final AuditLog log;

    AuditPersonalData(AuditLog log) {
        this.log = log;
    }

    @Override
    public String section() {
        return "auditLog";
    }

    @Override
    public Object export(long accountId) {
        List<MyAction> actions = log.ofActor(accountId).stream()
                .map(e -> new MyAction(e.at(), e.event(), e.action(), e.status(), e.refused(), e.organisationId(), e.clientIp()))
                .toList();
        return actions;
    }

    @Override
    public void forget(long accountId) {
        log.forget(accountId);
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        log.forget(deleted.accountId());
    }
}
