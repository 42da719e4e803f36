package org.learningmap.impact;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends facts to {@code impact_fact} (never changes or deletes one: an undo is a fact with the
 * opposite sign) and brings the derived day and month cells they touch up to date.
 */
@Component
class Facts {

    enum Kind { SESSION_HELD, ENROLMENT, ATTENDANCE, NO_SHOW, BADGE, VOLUNTEER_MINUTES, HELP, RATING_BEFORE, RATING_AFTER }

    /** Where a fact counts: the site, the organisation, the area (0: none), the topics and audiences (0: none) and the day. */
    record Cell(long siteId, long organisationId, long areaId, int profileId, LocalDate day) {
    }

    private final JdbcClient jdbc;
    private final AtomicLong version = new AtomicLong();

    Facts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes whenever a fact is added or the tables are rebuilt on this node. */
    long version() {
        return version.get();
    }

    /** Counts a change now and, inside a transaction, once more when it is committed (what is read before may miss it). */
    void changed() {
        version.incrementAndGet();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            version.incrementAndGet();
                        }
                    });
        }
    }

    /**
     * Records the fact and adds it to its day and month cells in one statement ({@code impact_record}): concurrent
     * writers of a cell are ordered by the cells' row locks, so the sums stay exactly those of the facts.
     */
    @Transactional
    void add(Cell cell, Kind kind, Long personId, int delta, int amount, String source) {
        jdbc.sql("SELECT impact_record(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(cell.siteId(), cell.organisationId(), cell.areaId(), cell.profileId(), kind.name(), Date.valueOf(cell.day()),
                        personId, delta, amount, source)
                .query(rs -> { });
        if (kind == Kind.ATTENDANCE && personId != null) {
            // A cell's learners are recomputed from its facts: writers of the cell take turns, so each sees the others' facts.
            lock("cell:" + cell.siteId() + ":" + cell.day() + ":" + cell.organisationId() + ":" + cell.areaId() + ":" + cell.profileId());
            jdbc.sql("SELECT impact_refresh_learner(?, ?, ?, ?, ?, ?)")
                    .params(cell.siteId(), Date.valueOf(cell.day().withDayOfMonth(1)), cell.organisationId(), cell.areaId(),
                            cell.profileId(), personId)
                    .query(rs -> { });
        }
        changed();
    }

    /** Adds +1 unless what {@code source} names already counts (the same event delivered twice). */
    @Transactional
    boolean addOnce(Cell cell, Kind kind, Long personId, String source) {
        lock(source);
        if (net(kind, source) > 0) {
            return false;
        }
        add(cell, kind, personId, 1, 0, source);
        return true;
    }

    /** Takes back one count of what {@code source} names, in the same cell it was counted in; nothing if it does not count. */
    @Transactional
    boolean retract(Kind kind, String source) {
        lock(source);
        if (net(kind, source) <= 0) {
            return false;
        }
        record Counted(Cell cell, Long personId) {
        }
        Optional<Counted> counted = jdbc.sql("""
                        SELECT site_id, organisation_id, area_id, profile_id, day, person_id FROM impact_fact
                         WHERE kind = ? AND source = ? AND delta > 0 ORDER BY id DESC LIMIT 1
                        """)
                .params(kind.name(), source)
                .query((rs, row) -> new Counted(new Cell(rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getLong("area_id"),
                        rs.getInt("profile_id"), rs.getDate("day").toLocalDate()), (Long) rs.getObject("person_id")))
                .optional();
        counted.ifPresent(c -> add(c.cell(), kind, c.personId(), -1, 0, source));
        return counted.isPresent();
    }

    /** A lock held until the transaction ends. */
    void lock(String what) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))").param(what).query(rs -> { });
    }

    boolean seen(Kind kind, String source) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM impact_fact WHERE kind = ? AND source = ?)").params(kind.name(), source)
                .query(Boolean.class).single();
    }

    int net(Kind kind, String source) {
        return jdbc.sql("SELECT coalesce(sum(delta), 0) FROM impact_fact WHERE kind = ? AND source = ?").params(kind.name(), source)
                .query(Integer.class).single();
    }

    /** The cell of the first fact of {@code source}, if any. */
    Optional<Cell> cellOf(Kind kind, String source) {
        return jdbc.sql("""
                        SELECT site_id, organisation_id, area_id, profile_id, day FROM impact_fact
                         WHERE kind = ? AND source = ? ORDER BY id LIMIT 1
                        """)
                .params(kind.name(), source)
                .query((rs, row) -> new Cell(rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getLong("area_id"),
                        rs.getInt("profile_id"), rs.getDate("day").toLocalDate()))
                .optional();
    }

    @Transactional
    void rebuild() {
        jdbc.sql("SELECT impact_rebuild()").query(rs -> { });
        changed();
    }
}
