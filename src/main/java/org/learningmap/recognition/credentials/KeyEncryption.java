package org.learningmap.recognition.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts issuers' private keys at rest with AES-256-GCM under a key derived from the configured
 * secret ({@code learningmap.badges.key-encryption-key}, env {@code LEARNINGMAP_BADGE_KEY_SECRET}); the
 * same secret must be set on every node. Each ciphertext is bound to its key row (additional data).
 */
@Component
class KeyEncryption {

    private static final int IV_BYTES = 12;
    private final SecretKeySpec key;
    private final SecretKeySpec saltKey;
    private final SecureRandom random = new SecureRandom();

    KeyEncryption(@Value("${learningmap.badges.key-encryption-key:}") String secret) {
        if (secret == null || secret.isBlank() || secret.strip().length() < 16) {
            throw new IllegalStateException("learningmap.badges.key-encryption-key (env LEARNINGMAP_BADGE_KEY_SECRET) "
                    + "must be set to a secret of at least 16 characters: it encrypts the badge issuers' signing keys");
        }
        this.key = new SecretKeySpec(derive(secret, "learningmap badge issuer keys"), "AES");
        this.saltKey = new SecretKeySpec(derive(secret, "learningmap badge recipient salt"), "HmacSHA256");
    }

    byte[] encrypt(byte[] plain, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an issuer key", e);
        }
    }

    byte[] decrypt(byte[] stored, String boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt an issuer key: is learningmap.badges.key-encryption-key the "
                    + "one the key was stored with?", e);
        }
    }

    /** A salt for hashing one award's recipient e-mail: stable for the award, unguessable without the secret. */
    String recipientSalt(String awardPublicId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(saltKey);
            byte[] out = mac.doFinal(awardPublicId.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(out, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(String secret, String label) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(label.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(secret.strip().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
