package org.learningmap.impact;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns an account id into the anonymous person the impact tables count: an HMAC-SHA-256 of the id
 * under a key kept apart from the facts (configured, or made once at random and kept in
 * {@code impact_key}). The same account is the same person on every provider; the key is never shown.
 */
@Component
class PersonKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] key;

    PersonKeys(JdbcClient jdbc, @Value("${learningmap.impact.person-key:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    byte[] keyOf(long accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(("account:" + accountId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
        }
    }

    /** The person row of an account, made on first sight. */
    long personOf(long accountId) {
        byte[] personKey = keyOf(accountId);
        // one statement: the new row's id, or the existing one's
        return jdbc.sql("""
                        WITH inserted AS (INSERT INTO impact_person (person_key) VALUES (?) ON CONFLICT (person_key) DO NOTHING RETURNING id)
                        SELECT id FROM inserted UNION ALL SELECT id FROM impact_person WHERE person_key = ? LIMIT 1
                        """)
                .params(personKey, personKey).query(Long.class).optional()
                // another transaction inserted it meanwhile: it is committed now, and this statement sees it
                .orElseGet(() -> jdbc.sql("SELECT id FROM impact_person WHERE person_key = ?").param(personKey).query(Long.class).single());
    }

    /**
     * After an account is deleted its person keeps its counts but gets a random key, so nothing links
     * the counts to the account any more, not even with the key.
     */
    void forget(long accountId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        jdbc.sql("UPDATE impact_person SET person_key = ? WHERE person_key = ?").params(random, keyOf(accountId)).update();
        // the source of an attendance fact names the account ("attendance:<session>:<account>"), only to take each event once
        jdbc.sql("""
                        UPDATE impact_fact SET source = left(source, length(source) - length(?)) || 'forgotten'
                        WHERE kind = 'ATTENDANCE' AND source LIKE 'attendance:%' AND right(source, length(?) + 1) = ':' || ?
                        """)
                .params(Long.toString(accountId), Long.toString(accountId), Long.toString(accountId))
                .update();
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            if (!configured.isBlank()) {
                k = Base64.getDecoder().decode(configured.trim());
            } else {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                jdbc.sql("INSERT INTO impact_key (id, key) VALUES (1, ?) ON CONFLICT (id) DO NOTHING").param(fresh).update();
                k = jdbc.sql("SELECT key FROM impact_key WHERE id = 1").query(byte[].class).single();
            }
            key = k;
        }
        return k;
    }
}
