package org.learningmap.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.PersonalDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the network keeps about a person: their volunteering (profiles, shifts, session help, hours,
 * help slots offered) and the 1:1 help they booked. When the account goes, profiles, places and
 * bookings go; counted hours stay for the organisation's totals without pointing to the person.
 */
@Component
class VolunteeringPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    VolunteeringPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "volunteering";
    }

    @Override
    public Object export(long accountId) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("volunteerProfiles", rows("""
                SELECT organisation_id, display_name, roles, languages, topics, venue_ids, availability, status, created_at
                FROM volunteer WHERE account_id = ? ORDER BY id""", accountId));
        part.put("shifts", rows("""
                SELECT organisation_id, shift_id, starts_at, ends_at, status FROM volunteer_shift_signup
                WHERE account_id = ? ORDER BY starts_at""", accountId));
        part.put("sessionsHelped", rows("""
                SELECT organisation_id, session_id, starts_at, ends_at FROM volunteer_session_helper
                WHERE account_id = ? ORDER BY starts_at""", accountId));
        part.put("hours", rows("""
                SELECT organisation_id, source, minutes, worked_on, note, status FROM volunteer_hours
                WHERE account_id = ? ORDER BY worked_on, id""", accountId));
        part.put("helpSlotsOffered", rows("""
                SELECT organisation_id, venue_id, starts_at, languages, topics, status FROM help_slot
                WHERE volunteer_account_id = ? ORDER BY starts_at""", accountId));
        part.put("helpBooked", rows("""
                SELECT organisation_id, venue_id, topic, language, starts_at, status FROM help_booking
                WHERE person_account_id = ? ORDER BY starts_at""", accountId));
        return part;
    }

    private List<Map<String, Object>> rows(String sql, long accountId) {
        return jdbc.sql(sql).param(accountId).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof java.sql.Array array) {
                    value = List.of((Object[]) array.getArray());
                } else if (value instanceof java.sql.Timestamp timestamp) {
                    value = timestamp.toInstant().toString();
                } else if (value instanceof java.sql.Date date) {
                    value = date.toLocalDate().toString();
                }
                row.put(meta.getColumnLabel(i), value);
            }
            return row;
        }).list();
    }

    @Override
    public void forget(long accountId) {
        jdbc.sql("DELETE FROM help_booking WHERE person_account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM help_booking WHERE volunteer_account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM help_slot WHERE volunteer_account_id = ?").param(accountId).update();
        jdbc.sql("UPDATE help_slot SET present_account_id = NULL WHERE present_account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM volunteer_shift_signup WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM volunteer_session_helper WHERE account_id = ?").param(accountId).update();
        jdbc.sql("UPDATE volunteer_hours SET account_id = NULL, volunteer_id = NULL, note = '' WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM volunteer_milestone WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM volunteer WHERE account_id = ?").param(accountId).update();
    }
}
