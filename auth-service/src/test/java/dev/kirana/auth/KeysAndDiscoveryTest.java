package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.auth.keys.SigningKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class KeysAndDiscoveryTest extends AuthServiceTest {
    @Autowired
    SigningKeys keys;

    @Test
    void discoveryNamesTheIssuerAndItsKeys() {
        http.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.issuer").isEqualTo(SELF)
                .jsonPath("$.jwks_uri").isEqualTo(SELF + "/oauth2/jwks")
                .jsonPath("$.token_endpoint").isEqualTo(SELF + "/oauth2/token")
                .jsonPath("$.id_token_signing_alg_values_supported[0]").isEqualTo("RS256");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rotationPublishesTheNewKeyAndKeepsTheOldOneSoIssuedTokensStayValid() {
        Map<String, Object> before = login("owner@demo.kirana", "kirana-demo");
        String oldToken = (String) before.get("accessToken");
        String oldKid = kid(oldToken);

        Map<String, Object> jwks = json(http.get().uri("/oauth2/jwks").exchange().expectStatus().isOk());
        List<Map<String, Object>> published = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(published).anySatisfy(k -> assertThat(k).containsEntry("kid", oldKid).containsEntry("kty", "RSA")
                .containsEntry("alg", "RS256").containsEntry("use", "sig"));
        assertThat(published).allSatisfy(k -> assertThat(k).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));

        keys.rotate().block();

        String newToken = (String) login("owner@demo.kirana", "kirana-demo").get("accessToken");
        assertThat(kid(newToken)).isNotEqualTo(oldKid);
        List<Map<String, Object>> after = (List<Map<String, Object>>) json(http.get().uri("/oauth2/jwks").exchange().expectStatus().isOk()).get("keys");
        assertThat(after).extracting(k -> k.get("kid")).contains(oldKid, kid(newToken));

        for (String token : List.of(oldToken, newToken)) {
            http.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        }
    }
}
