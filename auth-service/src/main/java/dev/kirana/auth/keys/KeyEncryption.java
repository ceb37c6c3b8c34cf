package dev.kirana.auth.keys;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How a private signing key is stored: a JWE (dir, A256GCM) whose key is derived from the operator's secret
 * ({@code KIRANA_AUTH_KEY_SECRET}) with PBKDF2-HMAC-SHA256, a per-installation random salt (kept in the
 * database) and a high iteration count. Stored forms:
 * <ul>
 *   <li>{@code jwe2:<compact JWE>}: the current form; the header names the KDF ({@code kdf}) and its iteration
 *       count ({@code kdf_iter}), so raising the count later keeps older keys readable;</li>
 *   <li>{@code jwe:<compact JWE>}: the first form, keyed by a plain SHA-256 of the secret; still read, and
 *       re-encrypted into the current form by {@link SigningKeys} (see {@link #isCurrent});</li>
 *   <li>a bare JWK JSON: stored without a secret (local use only; refused under the prod profile).</li>
 * </ul>
 */
public final class KeyEncryption {
    static final String CURRENT = "jwe2:";
    static final String LEGACY = "jwe:";
    static final String KDF = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 100_000;

    private final char[] secret;
    private final byte[] salt;
    private final int iterations;
    private final byte[] legacyKey;
    private final Map<Integer, byte[]> derived = new ConcurrentHashMap<>();

    private KeyEncryption(String secret, byte[] salt, int iterations) {
        this.secret = secret == null ? null : secret.toCharArray();
        this.salt = salt == null ? null : salt.clone();
        this.iterations = iterations;
        this.legacyKey = secret == null ? null : sha256(secret);
    }

    /** No secret: keys are stored as plain JWK JSON. */
    public static KeyEncryption none() {
        return new KeyEncryption(null, null, 0);
    }

    /** Encrypts with a key derived from {@code secret}; the derivation is run here, once (it is slow on purpose). */
    public static KeyEncryption pbkdf2(String secret, byte[] salt, int iterations) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("no secret");
        }
        if (salt == null || salt.length < 16) {
            throw new IllegalArgumentException("the salt must have at least 16 bytes");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("kirana.auth.keys.kdf-iterations must be at least " + MIN_ITERATIONS);
        }
        KeyEncryption e = new KeyEncryption(secret, salt, iterations);
        e.key(iterations);
        return e;
    }

    public boolean encrypts() {
        return secret != null;
    }

    /** Whether {@code stored} is already in the form this instance writes (else {@link SigningKeys} rewrites it). */
    public boolean isCurrent(String stored) {
        if (!encrypts()) {
            return !stored.startsWith(CURRENT) && !stored.startsWith(LEGACY);
        }
        if (!stored.startsWith(CURRENT)) {
            return false;
        }
        try {
            return Integer.valueOf(iterations).equals(iterationsOf(JWEObject.parse(stored.substring(CURRENT.length())).getHeader()));
        } catch (ParseException e) {
            return false;
        }
    }

    public String encrypt(String json) {
        if (!encrypts()) {
            return json;
        }
        try {
            JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .customParam("kdf", KDF).customParam("kdf_iter", iterations).build();
            JWEObject jwe = new JWEObject(header, new Payload(json));
            jwe.encrypt(new DirectEncrypter(key(iterations)));
            return CURRENT + jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt a signing key", e);
        }
    }

    /** The JWK JSON of a stored key in any of the three forms. */
    public String decrypt(String stored) {
        boolean current = stored.startsWith(CURRENT);
        if (!current && !stored.startsWith(LEGACY)) {
            return stored;
        }
        if (!encrypts()) {
            throw new IllegalStateException("signing keys are encrypted but KIRANA_AUTH_KEY_SECRET is not set");
        }
        try {
            JWEObject jwe = JWEObject.parse(stored.substring(current ? CURRENT.length() : LEGACY.length()));
            byte[] key;
            if (current) {
                Integer count = iterationsOf(jwe.getHeader());
                if (!KDF.equals(jwe.getHeader().getCustomParam("kdf")) || count == null) {
                    throw new IllegalStateException("a stored signing key names an unknown key derivation");
                }
                key = key(count);
            } else {
                key = legacyKey;
            }
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read a stored signing key (wrong KIRANA_AUTH_KEY_SECRET?)", e);
        }
    }

    private byte[] key(int count) {
        return derived.computeIfAbsent(count, c -> derive(secret, salt, c));
    }

    private static Integer iterationsOf(JWEHeader header) {
        Object v = header.getCustomParam("kdf_iter");
        return v instanceof Number n ? n.intValue() : null;
    }

    /** PBKDF2-HMAC-SHA256 of {@code secret} (UTF-8), 32 bytes: the AES-256 key. */
    static byte[] derive(char[] secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The first form's key: SHA-256 of the secret, no salt, no work factor. Only read, never written. */
    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return encrypts() ? "PBKDF2-HMAC-SHA256 (" + iterations + " iterations, salt " + salt.length + " bytes)" : "unencrypted";
    }
}
