package org.learningmap.catalogue.editing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every staff page of an organisation needs first: the organisation on this site, and the right to be here. */
@Component
class StaffPages {

    /** The organisation a staff page is about. */
    record Organisation(long id, LocalizedText name, boolean canEdit) {
    }

    private final Organisations organisations;
    private final StaffAccess access;
    private final MessageSource messages;

    StaffPages(Organisations organisations, StaffAccess access, MessageSource messages) {
        this.organisations = organisations;
        this.access = access;
        this.messages = messages;
    }

    /**
     * The signed-in account after checking that it may view the organisation (educator or above):
     * 403 when the account is not its staff, 404 when the organisation is not on this request's site.
     */
    CurrentAccount viewer(long organisationId, Model model) {
        CurrentAccount account = StaffAccess.account();
        access.requireViewer(account.id(), organisationId);
        onThisSite(organisationId);
        model.addAttribute("organisation", new Organisation(organisationId,
                organisations.nameOf(organisationId).orElse(LocalizedText.EMPTY), access.canEdit(account.id(), organisationId)));
        return account;
    }

    /** The same for changes: editor or above. */
    CurrentAccount editor(long organisationId, Model model) {
        CurrentAccount account = StaffAccess.account();
        access.requireEditor(account.id(), organisationId);
        onThisSite(organisationId);
        model.addAttribute("organisation", new Organisation(organisationId,
                organisations.nameOf(organisationId).orElse(LocalizedText.EMPTY), true));
        return account;
    }

    /** An activity of the organisation named in the address, else 404 (ids of other organisations reveal nothing). */
    static void belongs(StoredActivity activity, long organisationId) {
        if (activity.organisationId() != organisationId) {
            throw RuleViolation.notFound();
        }
    }

    /** Field → message in the visitor's language, for showing beside each field. */
    Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            errors.putIfAbsent(problem.field(), messages.getMessage(problem.key(), problem.args().toArray(), problem.key(),
                    LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    private void onThisSite(long organisationId) {
        long site = Sites.current().id();
        if (organisations.siteOf(organisationId).filter(id -> id == site).isEmpty()) {
            throw RuleViolation.notFound();
        }
    }
}
