package dev.kirana.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {
    static final String SECRET = "correct horse battery staple, twice over";
    static final byte[] SALT = "per-installation-salt-32-bytes!!".getBytes(StandardCharsets.US_ASCII);
    static final String JWK = "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}";

    @Test
    void theDerivationIsPbkdf2HmacSha256() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1), the first 32 bytes of dkLen=64
        assertThat(HexFormat.of().formatHex(KeyEncryption.derive("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        // RFC 7914: P="Password", S="NaCl", c=80000
        assertThat(HexFormat.of().formatHex(KeyEncryption.derive("Password".toCharArray(), "NaCl".getBytes(StandardCharsets.US_ASCII), 80000)))
                .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
    }

    @Test
    void roundTripsAndRecordsTheKdfInTheHeader() throws Exception {
        KeyEncryption enc = KeyEncryption.pbkdf2(SECRET, SALT, KeyEncryption.MIN_ITERATIONS);
        String stored = enc.encrypt(JWK);
        assertThat(stored).startsWith("jwe2:").doesNotContain("c2VjcmV0");
        JWEHeader header = JWEObject.parse(stored.substring(5)).getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(JWEAlgorithm.DIR);
        assertThat(header.getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(header.getCustomParam("kdf")).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(((Number) header.getCustomParam("kdf_iter")).intValue()).isEqualTo(KeyEncryption.MIN_ITERATIONS);
        assertThat(enc.decrypt(stored)).isEqualTo(JWK);
        assertThat(enc.isCurrent(stored)).isTrue();
        // the same secret under another installation's salt cannot read it
        KeyEncryption other = KeyEncryption.pbkdf2(SECRET, "another-installation-salt-32byte".getBytes(StandardCharsets.US_ASCII),
                KeyEncryption.MIN_ITERATIONS);
        assertThatThrownBy(() -> other.decrypt(stored)).hasMessageContaining("wrong KIRANA_AUTH_KEY_SECRET");
    }

    @Test
    void readsTheFirstSha256KeyedFormAndMarksItForReEncryption() throws Exception {
        // exactly what the first version wrote: dir/A256GCM under SHA-256(secret)
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(JWK));
        jwe.encrypt(new DirectEncrypter(MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8))));
        String legacy = "jwe:" + jwe.serialize();

        KeyEncryption enc = KeyEncryption.pbkdf2(SECRET, SALT, KeyEncryption.MIN_ITERATIONS);
        assertThat(enc.decrypt(legacy)).isEqualTo(JWK);
        assertThat(enc.isCurrent(legacy)).isFalse();
        assertThat(enc.isCurrent(JWK)).as("unencrypted, from before a secret was set").isFalse();
        assertThat(enc.decrypt(JWK)).isEqualTo(JWK);
        String rewritten = enc.encrypt(enc.decrypt(legacy));
        assertThat(enc.isCurrent(rewritten)).isTrue();
        assertThat(enc.decrypt(rewritten)).isEqualTo(JWK);
    }

    @Test
    void aRaisedIterationCountStillReadsKeysWrittenWithTheOldOne() {
        String old = KeyEncryption.pbkdf2(SECRET, SALT, KeyEncryption.MIN_ITERATIONS).encrypt(JWK);
        KeyEncryption raised = KeyEncryption.pbkdf2(SECRET, SALT, KeyEncryption.MIN_ITERATIONS + 1);
        assertThat(raised.decrypt(old)).isEqualTo(JWK);
        assertThat(raised.isCurrent(old)).isFalse();
    }

    @Test
    void withoutASecretKeysArePlainAndEncryptedOnesAreRefused() {
        KeyEncryption none = KeyEncryption.none();
        assertThat(none.encrypt(JWK)).isEqualTo(JWK);
        String stored = KeyEncryption.pbkdf2(SECRET, SALT, KeyEncryption.MIN_ITERATIONS).encrypt(JWK);
        assertThatThrownBy(() -> none.decrypt(stored)).hasMessageContaining("KIRANA_AUTH_KEY_SECRET is not set");
        assertThatThrownBy(() -> KeyEncryption.pbkdf2(SECRET, SALT, 1000)).hasMessageContaining("at least");
        assertThatThrownBy(() -> KeyEncryption.pbkdf2(SECRET, new byte[8], KeyEncryption.MIN_ITERATIONS)).hasMessageContaining("salt");
    }
}
