package org.learningmap.assessment;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Coordinators of a site and platform administrators edit the items of the check. An edit adds a
 * version of the item (earlier versions stay as they were, so results keep the questions as asked);
 * a retired item is no longer asked in new checks and can be restored. Routing needs, in every
 * competence, a self-rating and an objective item in each band: retiring, or moving to another band,
 * the last one is refused.
 */
@Service
class ItemEditing {

    static final String LAST_OF_BAND = "assessment.items.last-of-band";
    static final String LAST_SELF = "assessment.items.last-self";
    static final String BAND_LEFT_EMPTY = "assessment.items.error.band-left-empty";

    /** Thrown when the form has errors: each field with the key of its message. */
    static final class Invalid extends RuntimeException {
        private final transient Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super("the item form has errors", null, false, false);
            this.errors = errors;
        }

        Map<String, String> errors() {
            return errors;
        }
    }

    /** The outcome of saving: the new version's number, or 0 when nothing had changed. */
    record Saved(int version) {
        boolean changed() {
            return version > 0;
        }
    }

    private final ItemVersions versions;
    private final ItemBank bank;
    private final Clock clock;

    ItemEditing(ItemVersions versions, ItemBank bank, Clock clock) {
        this.versions = versions;
        this.bank = bank;
        this.clock = clock;
    }

    /** The signed-in coordinator of this site or platform administrator; 403 for everyone else. */
    static CurrentAccount requireEditor() {
        CurrentAccount account = CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
        if (!account.coordinates(Sites.current().id())) {
            throw RuleViolation.forbidden();
        }
        return account;
    }

    static boolean mayEdit() {
        return CurrentAccount.get().map(a -> a.coordinates(Sites.current().id())).orElse(false);
    }

    /** The items, filtered by competence, band, kind and status ("active", "retired"; anything else: all). */
    List<ItemVersions.Entry> list(String competence, String band, String kind, String status) {
        requireEditor();
        return versions.entries().stream()
                .filter(e -> blank(competence) || e.item().competence().equals(competence))
                .filter(e -> blank(band) || (e.item().objective() && e.item().band().name().equals(band)))
                .filter(e -> blank(kind) || e.item().kind().name().equals(kind))
                .filter(e -> !"active".equals(status) || !e.retired())
                .filter(e -> !"retired".equals(status) || e.retired())
                .toList();
    }

    ItemVersions.Entry item(String id) {
        requireEditor();
        return versions.entry(id).orElseThrow(RuleViolation::notFound);
    }

    List<ItemVersions.Version> history(String id) {
        requireEditor();
        return versions.history(id);
    }

    ItemVersions.Version version(String id, int version) {
        requireEditor();
        return versions.version(id, version).orElseThrow(RuleViolation::notFound);
    }

    /** Saves the form as the item's next version; throws {@link Invalid} with the fields to fix. */
    @Transactional
    Saved save(String id, ItemForm form) {
        CurrentAccount editor = requireEditor();
        ItemVersions.Entry entry = versions.entry(id).orElseThrow(RuleViolation::notFound);
        Item current = entry.item();
        Map<String, String> errors = new java.util.LinkedHashMap<>(form.errors(current));
        Item edited = form.toItem(current);
        versions.lockCompetence(current.competence());
        if (!errors.containsKey("band") && current.objective() && !entry.retired() && edited.band() != current.band()
                && othersInBand(current) == 0) {
            errors.put("band", BAND_LEFT_EMPTY);
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        if (edited.equals(current)) {
            return new Saved(0);
        }
        int version = versions.addVersion(edited, bank.version(), editor.id(), clock.instant());
        reloadAfterCommit();
        return new Saved(version);
    }

    @Transactional
    void retire(String id) {
        CurrentAccount editor = requireEditor();
        ItemVersions.Entry entry = versions.entry(id).orElseThrow(RuleViolation::notFound);
        versions.lockCompetence(entry.item().competence());
        if (entry.retired()) {
            return;
        }
        Item item = entry.item();
        if (item.objective() && othersInBand(item) == 0) {
            throw new RuleViolation(LAST_OF_BAND);
        }
        if (!item.objective() && activeOfCompetence(item).stream().noneMatch(o -> !o.objective() && !o.id().equals(item.id()))) {
            throw new RuleViolation(LAST_SELF);
        }
        versions.retire(id, editor.id(), clock.instant());
        reloadAfterCommit();
    }

    @Transactional
    void restore(String id) {
        requireEditor();
        versions.entry(id).orElseThrow(RuleViolation::notFound);
        versions.restore(id);
        reloadAfterCommit();
    }

    private long othersInBand(Item item) {
        return activeOfCompetence(item).stream()
                .filter(o -> o.objective() && o.band() == item.band() && !o.id().equals(item.id())).count();
    }

    private List<Item> activeOfCompetence(Item item) {
        return versions.entries().stream().filter(e -> !e.retired() && e.item().competence().equals(item.competence()))
                .map(ItemVersions.Entry::item).toList();
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    versions.reload();
                }
            });
        } else {
            versions.reload();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
