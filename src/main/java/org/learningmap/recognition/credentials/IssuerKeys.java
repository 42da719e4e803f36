package org.learningmap.recognition.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.learningmap.organisations.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each issuing organisation's signing keys, made on first need. A rotation retires the current keys
 * and makes new ones; retired public keys stay published so that credentials signed with them still
 * verify. Private keys are kept encrypted in the database and decrypted in memory when used.
 */
@Component
class IssuerKeys {

    enum Kind {
        /** Data Integrity proofs (eddsa-rdfc-2022) */
        ED25519("Ed25519"),
        /** VC-JWT with RS256 */
        RSA("RSA"),
        /** VC-JWT with ES256 */
        EC_P256("EC");

        final String algorithm;

        Kind(String algorithm) {
            this.algorithm = algorithm;
        }
    }

    /** A key's public half and where it is published. */
    record IssuerKey(long id, long organisationId, Kind kind, String keyId, PublicKey publicKey, Instant createdAt,
                     Instant retiredAt) {

        boolean retired() {
            return retiredAt != null;
        }

        /** The public JWK of an RSA or EC key, with its {@code kid}. */
        JWK jwk(String kid) {
            return switch (kind) {
                case RSA -> new RSAKey.Builder((RSAPublicKey) publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE)
                        .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build();
                case EC_P256 -> new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE)
                        .algorithm(com.nimbusds.jose.JWSAlgorithm.ES256).build();
                case ED25519 -> throw new IllegalStateException("Ed25519 keys are published as Multikey");
            };
        }
    }

    private static final Duration ACTIVE_KEY_CACHE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final KeyEncryption encryption;
    private final Organisations organisations;
    private final Clock clock;
    private final Map<Long, PrivateKey> privateKeys = new ConcurrentHashMap<>();
    private final Map<String, Cached> active = new ConcurrentHashMap<>();

    private record Cached(IssuerKey key, Instant at) {
    }

    IssuerKeys(JdbcClient jdbc, KeyEncryption encryption, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The key an organisation signs with now, made if it has none yet. */
    IssuerKey active(long organisationId, Kind kind) {
        String cacheKey = organisationId + ":" + kind;
        Cached cached = active.get(cacheKey);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.at().plus(ACTIVE_KEY_CACHE))) {
            return cached.key();
        }
        IssuerKey key = findActive(organisationId, kind).orElseGet(() -> {
            create(organisationId, kind);
            return findActive(organisationId, kind).orElseThrow();
        });
        active.put(cacheKey, new Cached(key, now));
        return key;
    }

    PrivateKey privateKey(IssuerKey key) {
        return privateKeys.computeIfAbsent(key.id(), id -> {
            byte[] stored = jdbc.sql("select private_key from recognition_issuer_keys where id = ?")
                    .param(id).query(byte[].class).single();
            byte[] pkcs8 = encryption.decrypt(stored, boundTo(key.organisationId(), key.kind(), key.keyId()));
            try {
                return KeyFactory.getInstance(key.kind().algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("an issuer key cannot be read", e);
            }
        });
    }

    /** Every key of an organisation, current and retired, oldest first. */
    List<IssuerKey> published(long organisationId) {
        return jdbc.sql("""
                        select id, organisation_id, kind, key_id, public_key, created_at, retired_at
                        from recognition_issuer_keys where organisation_id = ? order by created_at, id""")
                .param(organisationId).query((rs, n) -> key(rs)).list();
    }

    Optional<IssuerKey> byKeyId(long organisationId, String keyId) {
        return jdbc.sql("""
                        select id, organisation_id, kind, key_id, public_key, created_at, retired_at
                        from recognition_issuer_keys where organisation_id = ? and key_id = ?""")
                .param(organisationId).param(keyId).query((rs, n) -> key(rs)).optional();
    }

    /** Retires the organisation's current keys; the next signature makes new ones. */
    @Transactional
    void rotate(long organisationId) {
        jdbc.sql("update recognition_issuer_keys set retired_at = ? where organisation_id = ? and retired_at is null")
                .param(java.sql.Timestamp.from(clock.instant())).param(organisationId).update();
        active.keySet().removeIf(k -> k.startsWith(organisationId + ":"));
    }

    private Optional<IssuerKey> findActive(long organisationId, Kind kind) {
        return jdbc.sql("""
                        select id, organisation_id, kind, key_id, public_key, created_at, retired_at
                        from recognition_issuer_keys where organisation_id = ? and kind = ? and retired_at is null""")
                .param(organisationId).param(kind.name()).query((rs, n) -> key(rs)).optional();
    }

    private void create(long organisationId, Kind kind) {
        long siteId = organisations.siteOf(organisationId)
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + organisationId));
        KeyPair pair = generate(kind);
        String keyId = keyId(kind, pair.getPublic());
        byte[] sealed = encryption.encrypt(pair.getPrivate().getEncoded(), boundTo(organisationId, kind, keyId));
        // Two nodes may make a key at the same moment: one insert wins, both then use its key.
        jdbc.sql("""
                        insert into recognition_issuer_keys
                            (site_id, organisation_id, kind, key_id, public_key, private_key, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .param(siteId).param(organisationId).param(kind.name()).param(keyId)
                .param(pair.getPublic().getEncoded()).param(sealed).param(java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    static KeyPair generate(Kind kind) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(kind.algorithm);
            switch (kind) {
                case RSA -> generator.initialize(2048);
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                case ED25519 -> {
                }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ed25519: the publicKeyMultibase; RSA and EC: the JWK thumbprint (RFC 7638). */
    static String keyId(Kind kind, PublicKey publicKey) {
        if (kind == Kind.ED25519) {
            return Multibase.ed25519Multikey(publicKey);
        }
        try {
            JWK jwk = kind == Kind.RSA ? new RSAKey.Builder((RSAPublicKey) publicKey).build()
                    : new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).build();
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String boundTo(long organisationId, Kind kind, String keyId) {
        return "organisation " + organisationId + " " + kind + " " + keyId;
    }

    private static IssuerKey key(java.sql.ResultSet rs) throws java.sql.SQLException {
        Kind kind = Kind.valueOf(rs.getString("kind"));
        PublicKey publicKey;
        try {
            publicKey = KeyFactory.getInstance(kind.algorithm).generatePublic(new X509EncodedKeySpec(rs.getBytes("public_key")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        var retired = rs.getTimestamp("retired_at");
        return new IssuerKey(rs.getLong("id"), rs.getLong("organisation_id"), kind, rs.getString("key_id"), publicKey,
                rs.getTimestamp("created_at").toInstant(), retired == null ? null : retired.toInstant());
    }
}
