package org.learningmap.organisations;

import java.util.List;
import java.util.Optional;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask about organisations: who works where in which role, and whether an
 * organisation may publish. Staff of one organisation never act on another's data: every staff
 * action elsewhere checks {@link #roleOf} first.
 */
@Service
public class Organisations {

    private final JdbcClient jdbc;
    private final VenueRepository venues;

    Organisations(JdbcClient jdbc, VenueRepository venues) {
        this.jdbc = jdbc;
        this.venues = venues;
    }

    /** The account's role in the organisation, empty when it has none. */
    public Optional<StaffRole> roleOf(long accountId, long organisationId) {
        return jdbc.sql("SELECT role FROM membership WHERE account_id = ? AND organisation_id = ?")
                .params(accountId, organisationId)
                .query(String.class)
                .optional()
                .map(StaffRole::valueOf);
    }

    /** True when the account holds at least the given role in the organisation. */
    public boolean hasRole(long accountId, long organisationId, StaffRole atLeast) {
        return roleOf(accountId, organisationId).map(role -> role.atLeast(atLeast)).orElse(false);
    }

    /** The organisations the account works for, on every site. */
    public List<Membership> membershipsOf(long accountId) {
        return jdbc.sql("""
                        SELECT o.id, o.site_id, o.name, o.status, m.role
                        FROM membership m JOIN organisation o ON o.id = m.organisation_id
                        WHERE m.account_id = ?
                        ORDER BY o.name ->> 'en'
                        """)
                .param(accountId)
                .query((rs, n) -> new Membership(rs.getLong("id"), rs.getLong("site_id"),
                        org.learningmap.platform.Json.text(rs.getString("name")), rs.getString("status"),
                        StaffRole.valueOf(rs.getString("role"))))
                .list();
    }

    /** An approved organisation may publish on its site; a pending or rejected one may only prepare drafts. */
    public boolean isApproved(long organisationId) {
        return "APPROVED".equals(jdbc.sql("SELECT status FROM organisation WHERE id = ?")
                .param(organisationId).query(String.class).optional().orElse(null));
    }

    /** The site an organisation belongs to. */
    public Optional<Long> siteOf(long organisationId) {
        return jdbc.sql("SELECT site_id FROM organisation WHERE id = ?").param(organisationId).query(Long.class).optional();
    }

    public Optional<LocalizedText> nameOf(long organisationId) {
        return jdbc.sql("SELECT name FROM organisation WHERE id = ?").param(organisationId).query(String.class).optional()
                .map(org.learningmap.platform.Json::text);
    }

    /** What an organisation tells about itself in public, whatever its status; empty for an unknown organisation. */
    public Optional<OrganisationFacts> facts(long organisationId) {
        return jdbc.sql("SELECT id, site_id, slug, name, description, email, website, colour, status FROM organisation WHERE id = ?")
                .param(organisationId)
                .query((rs, n) -> new OrganisationFacts(rs.getLong("id"), rs.getLong("site_id"), rs.getString("slug"),
                        org.learningmap.platform.Json.text(rs.getString("name")),
                        org.learningmap.platform.Json.text(rs.getString("description")), rs.getString("email"),
                        rs.getString("website"), rs.getString("colour"), "APPROVED".equals(rs.getString("status"))))
                .optional();
    }

    /**
     * The site's own issuer: an approved organisation standing for the site's network, which awards
     * what no single provider does (skills-check bands, volunteer milestones). Made on first use with
     * the given name and description (slug {@value #SITE_ISSUER_SLUG}, which no applicant can get, and no staff); its id is the same every time.
     */
    public long siteIssuer(long siteId, LocalizedText name, LocalizedText description) {
        jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, description, verified, status, decided_at)
                        VALUES (?, ?, 'LIBRARY_NETWORK', CAST(? AS jsonb), CAST(? AS jsonb), true, 'APPROVED', now())
                        ON CONFLICT (site_id, slug) DO NOTHING
                        """)
                .params(siteId, SITE_ISSUER_SLUG, org.learningmap.platform.Json.json(name), org.learningmap.platform.Json.json(description))
                .update();
        return jdbc.sql("SELECT id FROM organisation WHERE site_id = ? AND slug = ?").params(siteId, SITE_ISSUER_SLUG)
                .query(Long.class).single();
    }

    /** The slug of the site's own issuer, see {@link #siteIssuer}. */
    public static final String SITE_ISSUER_SLUG = "site--issuer";

    /** The venue, whatever its organisation's status; empty when there is none with this id. */
    public Optional<VenueSummary> venue(long venueId) {
        return venues.find(venueId).map(Venue::summary);
    }

    /** The organisation's venues, by town and name. */
    public List<VenueSummary> venuesOf(long organisationId) {
        return venues.ofOrganisation(organisationId).stream().map(Venue::summary).toList();
    }
}
