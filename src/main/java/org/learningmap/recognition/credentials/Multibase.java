package org.learningmap.recognition.credentials;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Base58-btc multibase and Ed25519 Multikey encodings (W3C Controlled Identifiers, Multikey). */
final class Multibase {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEXES = new int[128];
    private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
    /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key. */
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEXES[ALPHABET.charAt(i)] = i;
        }
    }

    private Multibase() {
    }

    static String base58btc(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        byte[] input = Arrays.copyOf(bytes, bytes.length);
        char[] encoded = new char[input.length * 2];
        int out = encoded.length;
        int start = zeros;
        while (start < input.length) {
            int remainder = 0;
            for (int i = start; i < input.length; i++) {
                int digit = (input[i] & 0xff) + remainder * 256;
                input[i] = (byte) (digit / 58);
                remainder = digit % 58;
            }
            encoded[--out] = ALPHABET.charAt(remainder);
            if (input[start] == 0) {
                start++;
            }
        }
        while (out < encoded.length && encoded[out] == ALPHABET.charAt(0)) {
            out++;
        }
        for (int i = 0; i < zeros; i++) {
            encoded[--out] = ALPHABET.charAt(0);
        }
        return "z" + new String(encoded, out, encoded.length - out);
    }

    /** Decodes a {@code z...} base58-btc multibase string; throws {@link IllegalArgumentException} if it is not one. */
    static byte[] decodeBase58btc(String multibase) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("not a base58-btc multibase value");
        }
        String s = multibase.substring(1);
        BigInteger value = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not a base58 character");
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            value = value.multiply(base).add(BigInteger.valueOf(digit));
        }
        byte[] raw = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            raw = Arrays.copyOfRange(raw, 1, raw.length);
        }
        var out = new ByteArrayOutputStream();
        out.write(new byte[zeros], 0, zeros);
        out.write(raw, 0, raw.length);
        return out.toByteArray();
    }

    /** The {@code z6Mk...} Multikey form of an Ed25519 public key. */
    static String ed25519Multikey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        byte[] prefixed = new byte[34];
        prefixed[0] = ED25519_PUB[0];
        prefixed[1] = ED25519_PUB[1];
        System.arraycopy(raw, 0, prefixed, 2, 32);
        return base58btc(prefixed);
    }

    /** The Ed25519 public key of a {@code z6Mk...} Multikey, or {@code null} if it is not one. */
    static PublicKey ed25519FromMultikey(String multibase) {
        try {
            byte[] bytes = decodeBase58btc(multibase);
            if (bytes.length != 34 || bytes[0] != ED25519_PUB[0] || bytes[1] != ED25519_PUB[1]) {
                return null;
            }
            byte[] spki = new byte[X509_ED25519_PREFIX.length + 32];
            System.arraycopy(X509_ED25519_PREFIX, 0, spki, 0, X509_ED25519_PREFIX.length);
            System.arraycopy(bytes, 2, spki, X509_ED25519_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            return null;
        }
    }
}
