package dev.kirana.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A token issued by a real Keycloak realm (the shipped export: shop in the user attribute shop_id mapped
 * to the claim shop_id, roles as realm roles under realm_access.roles) is accepted by the gateway, mapped
 * to the same principal as a native token, and forwarded to the service untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class KeycloakIssuerIT {
    static final String DEMO_SHOP = "00000000-0000-4000-a000-000000000001";

    @Autowired
    WebTestClient http;

    @BeforeAll
    static void keycloakCanRun() {
        var why = KeycloakServer.unavailable();
        assumeTrue(why.isEmpty(), () -> why.orElse(""));
    }

    @DynamicPropertySource
    static void keycloakIsTrusted(DynamicPropertyRegistry registry) {
        if (KeycloakServer.unavailable().isPresent()) {
            return;
        }
        KeycloakServer keycloak = KeycloakServer.get();
        TestIssuers nativeIssuer = TestIssuers.INSTANCE;
        registry.add("kirana.security.jwt.issuer", () -> nativeIssuer.nativeIssuer);
        registry.add("kirana.security.jwt.jwk-set-uri", () -> nativeIssuer.nativeIssuer + "/oauth2/jwks");
        // exactly what an operator sets: KIRANA_SECURITY_TRUSTEDISSUERS_0_ISSUER, ..._JWKSETURI, ..._ROLESCLAIM
        registry.add("kirana.security.trusted-issuers[0].issuer", () -> keycloak.issuer);
        registry.add("kirana.security.trusted-issuers[0].jwk-set-uri", () -> keycloak.issuer + "/protocol/openid-connect/certs");
        registry.add("kirana.security.trusted-issuers[0].shop-claim", () -> "shop_id");
        registry.add("kirana.security.trusted-issuers[0].roles-claim", () -> "realm_access.roles");
        for (String service : new String[]{"AUTH", "CATALOG", "INVENTORY", "ORDER", "ACCOUNTING", "REPORTING"}) {
            registry.add("KIRANA_" + service + "_SERVICE_URL", () -> StubServices.INSTANCE.url);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeycloakOwnerReachesTheServicesAndTheTokenIsForwardedAsIs() {
        String token = KeycloakServer.get().token("kc-owner", "kirana-demo");
        Map<String, Object> echo = http.get().uri("/api/v1/products/1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<String, String>) echo.get("headers")).get("authorization")).isEqualTo("Bearer " + token);
        http.post().uri("/api/v1/orders").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("shopId", DEMO_SHOP)).exchange().expectStatus().isOk();
    }

    @Test
    void aKeycloakAuditorIsReadOnlyAndATamperedTokenIsRefused() {
        String auditor = KeycloakServer.get().token("kc-auditor", "kirana-demo");
        http.get().uri("/api/v1/reports/sales").headers(h -> h.setBearerAuth(auditor)).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/orders").headers(h -> h.setBearerAuth(auditor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        String cashier = KeycloakServer.get().token("kc-cashier", "kirana-demo");
        String[] parts = cashier.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        http.get().uri("/api/v1/products/1").headers(h -> h.setBearerAuth(tampered)).exchange().expectStatus().isUnauthorized();
    }
}
