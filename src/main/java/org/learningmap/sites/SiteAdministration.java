package org.learningmap.sites;

import org.learningmap.platform.FieldErrors;
import java.util.List;
import org.learningmap.platform.RuleViolation;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Setting up sites: platform administrators create and edit sites and their logos; a site's
 * coordinators (and administrators) keep its areas. Each change is used by the running application
 * at once ({@link Sites#refresh()}).
 */
@Service
class SiteAdministration {

    private final Sites sites;
    private final SiteStore store;
    private final SiteAccess access;

    SiteAdministration(Sites sites, SiteStore store, SiteAccess access) {
        this.sites = sites;
        this.store = store;
        this.access = access;
    }

    List<Site> allSites() {
        access.requirePlatformAdmin();
        sites.refresh();
        return sites.all();
    }

    Site site(long siteId) {
        return sites.byId(siteId).or(() -> {
            sites.refresh();
            return sites.byId(siteId);
        }).orElseThrow(RuleViolation::notFound);
    }

    Site siteToEdit(long siteId) {
        access.requirePlatformAdmin();
        return site(siteId);
    }

    /** Creates a site; it answers at {@code /<slug>/} at once. Fails with field problems. */
    @Transactional
    long create(SiteForm form) {
        access.requirePlatformAdmin();
        SiteSettings settings = checked(form, null);
        long id;
        try {
            id = store.insert(settings);
        } catch (DataIntegrityViolationException raced) {
            throw taken("slug");
        }
        refreshAfterCommit();
        return id;
    }

    @Transactional
    void update(long siteId, SiteForm form) {
        access.requirePlatformAdmin();
        site(siteId);
        SiteSettings settings = checked(form, siteId);
        try {
            store.update(siteId, settings);
        } catch (DataIntegrityViolationException raced) {
            throw taken("slug");
        }
        refreshAfterCommit();
    }

    @Transactional
    void uploadLogo(long siteId, byte[] bytes) {
        access.requirePlatformAdmin();
        site(siteId);
        store.saveLogo(siteId, LogoImage.process(bytes));
        refreshAfterCommit();
    }

    @Transactional
    void removeLogo(long siteId) {
        access.requirePlatformAdmin();
        site(siteId);
        store.removeLogo(siteId);
        refreshAfterCommit();
    }

    List<Area> areas(long siteId) {
        access.requireAreaManager(siteId);
        site(siteId);
        return sites.areas(siteId);
    }

    Area area(long siteId, long areaId) {
        access.requireAreaManager(siteId);
        return sites.area(siteId, areaId).orElseThrow(RuleViolation::notFound);
    }

    @Transactional
    long addArea(long siteId, AreaForm form) {
        access.requireAreaManager(siteId);
        site(siteId);
        AreaForm.Checked area = checkedArea(siteId, form, null);
        return store.insertArea(siteId, area);
    }

    @Transactional
    void updateArea(long siteId, long areaId, AreaForm form) {
        area(siteId, areaId);
        AreaForm.Checked area = checkedArea(siteId, form, areaId);
        store.updateArea(siteId, areaId, area);
    }

    /** Removes an area that nothing uses; refused ("site-admin.area.in-use") while a venue lies in it. */
    @Transactional
    void removeArea(long siteId, long areaId) {
        area(siteId, areaId);
        try {
            store.deleteArea(siteId, areaId);
        } catch (DataIntegrityViolationException used) {
            throw new RuleViolation("site-admin.area.in-use");
        }
    }

    boolean canAdministerSites() {
        return access.canAdministerSites();
    }

    /** Forgets the cached sites once the change is committed, so the next request reads it. */
    private void refreshAfterCommit() {
        sites.refresh();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sites.refresh();
                }
            });
        }
    }

    private SiteSettings checked(SiteForm form, Long siteId) {
        FieldErrors errors = new FieldErrors();
        SiteSettings settings = form.check(errors);
        if (settings != null && store.slugTaken(settings.slug(), siteId)) {
            errors.reject("slug", "site-admin.error.slug-taken");
        }
        if (settings != null && settings.host() != null && store.hostTaken(settings.host(), siteId)) {
            errors.reject("host", "site-admin.error.host-taken");
        }
        errors.throwIfAny();
        return settings;
    }

    private AreaForm.Checked checkedArea(long siteId, AreaForm form, Long areaId) {
        FieldErrors errors = new FieldErrors();
        AreaForm.Checked area = form.check(errors);
        if (area != null && store.areaCodeTaken(siteId, area.code(), areaId)) {
            errors.reject("code", "site-admin.error.area-code-taken");
        }
        errors.throwIfAny();
        return area;
    }

    private static FieldErrors.Invalid taken(String field) {
        FieldErrors errors = new FieldErrors();
        errors.reject(field, "site-admin.error.slug-taken");
        return new FieldErrors.Invalid(errors);
    }
}
