package org.learningmap.recognition.credentials;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.recognition.Award;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Signed credentials kept per award, so every node serves the same bytes and signing happens once. */
@Component
class CredentialStore {

    record Stored(String signedJson, String jwt) {
    }

    private final JdbcClient jdbc;

    CredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID publicId) {
        return jdbc.sql("select signed_json, jwt from recognition_credentials where public_id = ?")
                .param(publicId).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
    }

    /** Keeps a newly signed pair unless another request stored one first; returns the one kept. */
    Stored keep(Award award, Stored signed, Instant at) {
        jdbc.sql("""
                        insert into recognition_credentials (award_id, public_id, site_id, organisation_id, signed_json, jwt, signed_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .param(award.id()).param(award.publicId()).param(award.siteId()).param(award.organisationId())
                .param(signed.signedJson()).param(signed.jwt()).param(java.sql.Timestamp.from(at)).update();
        return find(award.publicId()).orElse(signed);
    }

    void forget(long awardId) {
        jdbc.sql("delete from recognition_credentials where award_id = ?").param(awardId).update();
    }
}
