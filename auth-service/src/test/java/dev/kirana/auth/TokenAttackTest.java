package dev.kirana.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** auth-service validates tokens like every service: its own and nobody else's forgeries. */
class TokenAttackTest extends AuthServiceTest {

    private void refused(String token) {
        http.get().uri("/api/v1/auth/me").headers(h -> {
                    if (token != null) h.setBearerAuth(token);
                }).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private JWTClaimsSet.Builder claims(Instant exp) {
        return new JWTClaimsSet.Builder().issuer(SELF).subject("00000000-0000-4000-a000-0000000000a1").audience("kirana")
                .issueTime(Date.from(exp.minusSeconds(900))).expirationTime(Date.from(exp))
                .claim("shop_id", "00000000-0000-4000-a000-000000000001").claim("roles", List.of("OWNER"));
    }

    @Test
    void forgedUnsignedExpiredAndMisaddressedTokensAreRefused() throws Exception {
        String real = (String) login("owner@demo.kirana", "kirana-demo").get("accessToken");
        String kid = kid(real);
        var forger = new RSAKeyGenerator(2048).keyID(kid).generate();
        Instant later = Instant.now().plusSeconds(600);

        refused(null);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims(later).build());
        forged.sign(new RSASSASigner(forger));
        refused(forged.serialize());
        refused(new PlainJWT(claims(later).build()).serialize());
        // a real token with its payload swapped keeps a signature that no longer matches
        String[] parts = real.split("\\.");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(later).claim("roles", List.of("OWNER", "MANAGER")).build().toString().getBytes()) + "." + parts[2];
        refused(tampered);
        SignedJWT expired = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                claims(Instant.now().minusSeconds(3600)).build());
        expired.sign(new RSASSASigner(forger));
        refused(expired.serialize());
        refused(TestTokens.fromTestIssuerWithAudience("someone-else"));
    }
}
