package org.learningmap.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log. Writing happens in its own short transaction and never fails the action it records:
 * a failure is logged and counted ({@code learningmap.audit.write.failures}, to alert on). Reading
 * answers the filtered, paged lists the owners, coordinators and administrators see.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Counter written;
    private final Counter failures;

    AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setTimeout(5);
        this.written = Counter.builder("learningmap.audit.written").description("Audit entries written").register(meters);
        this.failures = Counter.builder("learningmap.audit.write.failures")
                .description("Audit entries that could not be written (the action itself went on)").register(meters);
    }

    /** Writes one entry; never throws. */
    void record(NewEntry entry) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO audit_entry (at, event, site_id, actor_account_id, actor_email, role, channel, method, route,
                                                     path_variables, status, refused, organisation_id, client_ip, request_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                            """)
                    .params(Timestamp.from(entry.at()), entry.event(), entry.siteId(), entry.actorAccountId(),
                            cut(entry.actorEmail(), 320), entry.role(), entry.channel(), cut(entry.method(), 10),
                            cut(entry.route(), 500), JSON.writeValueAsString(entry.pathVariables()), entry.status(),
                            entry.refused(), entry.organisationId(), entry.clientIp(), cut(entry.requestId(), 64))
                    .update());
            written.increment();
        } catch (RuntimeException e) {
            failures.increment();
            log.error("Could not write the audit entry {} {} {} (status {}, request {})", entry.event(), entry.method(), entry.route(),
                    entry.status(), entry.requestId(), e);
        }
    }

    /** One page of the entries matching the query, newest first; one more than {@code limit} tells a next page exists. */
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT * FROM audit_entry" + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(AuditLog::entry)
                .list();
    }

    /** Every entry of which the person was the actor, newest first (at most 5,000), for the export of their data. */
    public List<AuditEntry> ofActor(long accountId) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE actor_account_id = ? ORDER BY at DESC, id DESC LIMIT 5000")
                .param(accountId)
                .query(AuditLog::entry)
                .list();
    }

    /** Blanks the e-mail and address of the person's entries; the action and account number stay. */
    int forget(long accountId) {
        return jdbc.sql("UPDATE audit_entry SET actor_email = NULL, client_ip = NULL "
                        + "WHERE actor_account_id = ? AND (actor_email IS NOT NULL OR client_ip IS NOT NULL)")
                .param(accountId)
                .update();
    }

    /** Deletes the entries older than {@code before}; answers how many. */
    int deleteOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM audit_entry WHERE at < ?").param(Timestamp.from(before)).update();
    }

    private static String where(AuditQuery query, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.siteId() != null) {
            conditions.add("site_id = ?");
            params.add(query.siteId());
        }
        if (query.organisationId() != null) {
            conditions.add("organisation_id = ?");
            params.add(query.organisationId());
        }
        if (query.from() != null) {
            conditions.add("at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("at < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            conditions.add("(actor_email ILIKE ? ESCAPE '\\' OR actor_account_id::text = ?)");
            params.add("%" + like(query.actor().strip()) + "%");
            params.add(query.actor().strip());
        }
        if (query.action() != null && !query.action().isBlank()) {
            conditions.add("(method || ' ' || route || ' ' || event) ILIKE ? ESCAPE '\\'");
            params.add("%" + like(query.action().strip()) + "%");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        Map<String, String> variables;
        try {
            variables = JSON.readValue(rs.getString("path_variables"), VARIABLES);
        } catch (RuntimeException e) {
            variables = Map.of();
        }
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("event"),
                rs.getObject("site_id", Long.class), rs.getObject("actor_account_id", Long.class), rs.getString("actor_email"),
                rs.getString("role"), rs.getString("channel"), rs.getString("method"), rs.getString("route"),
                new LinkedHashMap<>(variables), rs.getInt("status"), rs.getBoolean("refused"),
                rs.getObject("organisation_id", Long.class), rs.getString("client_ip"), rs.getString("request_id"));
    }
}
