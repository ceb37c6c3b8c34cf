package dev.kirana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Token validation at the edge (the attack list) and what reaches the services. */
class EdgeSecurityTest extends GatewayTest {
    @LocalManagementPort
    int managementPort;
    @org.springframework.boot.test.web.server.LocalServerPort
    int serverPort;

    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(h -> {
            if (token != null) h.setBearerAuth(token);
        }).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> forwardedHeaders(WebTestClient.ResponseSpec spec) {
        Map<String, Object> echo = spec.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (Map<String, String>) echo.get("headers");
    }

    private void refused(String path, String token, String why) {
        int before = stub.calls("GET " + path);
        get(path, token).expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        assertThat(stub.calls("GET " + path)).as(why + ": nothing forwarded").isEqualTo(before);
    }

    @Test
    void aValidTokenIsForwardedAsIsWithARequestIdAndWithoutClientIdentityHeaders() {
        String token = issuers.token("u-" + UUID.randomUUID(), "shop-a", "OWNER");
        var spec = http.get().uri("/api/v1/orders/42").headers(h -> {
            h.setBearerAuth(token);
            h.set("X-User-Id", "admin");
            h.set("X-Shop-Id", "shop-b");
            h.set("X-Roles", "OWNER");
            h.set("X-Forwarded-User", "admin");
            h.set("X-Forwarded-For", "10.9.9.9");
            h.set("X-Auth-Request-User", "admin");
            h.set("X-Kirana-Shop", "shop-b");
            h.set("X-Customer-Note", "kept");
        }).exchange();
        var responseHeaders = spec.returnResult(Map.class).getResponseHeaders();
        String responseId = responseHeaders.getFirst("X-Request-Id");
        // the gateway's own headers and the service's are not duplicated
        assertThat(responseHeaders.get("X-Request-Id")).hasSize(1);
        assertThat(responseHeaders.get("Cache-Control")).hasSize(1);
        assertThat(responseHeaders.get("X-Content-Type-Options")).hasSize(1);
        Map<String, String> headers = forwardedHeaders(spec);
        assertThat(headers.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(headers).doesNotContainKeys("x-user-id", "x-shop-id", "x-roles", "x-forwarded-user", "x-forwarded-for",
                "x-auth-request-user", "x-kirana-shop");
        assertThat(headers).containsEntry("x-customer-note", "kept");
        assertThat(headers.get("x-request-id")).isNotBlank().isEqualTo(responseId);
    }

    @Test
    void theCallersRequestIdIsKeptWhenSane() {
        String token = issuers.token("u-" + UUID.randomUUID(), "shop-a", "CASHIER");
        var spec = http.get().uri("/api/v1/products/1").headers(h -> {
            h.setBearerAuth(token);
            h.set("X-Request-Id", "pos-7f3a-0001");
        }).exchange();
        spec.expectHeader().valueEquals("X-Request-Id", "pos-7f3a-0001");
        assertThat(forwardedHeaders(spec)).containsEntry("x-request-id", "pos-7f3a-0001");
    }

    @Test
    void missingExpiredForgedUnsignedForeignAndMisaddressedTokensAreRefusedAtTheEdge() {
        String path = "/api/v1/orders/attack";
        refused(path, null, "missing token");
        refused(path, "not-a-jwt", "garbage");
        Instant past = Instant.now().minus(Duration.ofHours(1));
        refused(path, issuers.sign(issuers.claims("u1", "shop-a", "OWNER").issueTime(Date.from(past.minusSeconds(900)))
                .expirationTime(Date.from(past)).build()), "expired");
        refused(path, issuers.forge(issuers.claims("u1", "shop-a", "OWNER").build()), "wrong signature");
        refused(path, issuers.unsigned(issuers.claims("u1", "shop-a", "OWNER").build()), "alg none");
        refused(path, issuers.sign(issuers.claims("u1", "shop-a", "OWNER").issuer("http://evil.example").build()), "unknown issuer");
        refused(path, issuers.sign(issuers.claims("u1", "shop-a", "OWNER").audience("someone-else").build()), "wrong audience");
        JWTClaimsSet noAudience = new JWTClaimsSet.Builder(issuers.claims("u1", "shop-a", "OWNER").build()).audience((String) null).build();
        refused(path, issuers.sign(noAudience), "no audience");
    }

    @Test
    void publicPathsNeedNoTokenButEverythingElseDoes() {
        // the login reaches auth-service without a token: the wrong password is its answer, not the gateway's
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "owner@demo.kirana", "password", "x")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("Wrong username or password");
        http.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/auth/me").exchange().expectStatus().isUnauthorized();
    }

    /** The edge answers no actuator path (health, metrics, Prometheus are on the management port, for the cluster only). */
    @Test
    void actuatorIsOnTheManagementPortNotAtTheEdge() {
        String owner = issuers.token("u-" + UUID.randomUUID(), "shop-a", "OWNER");
        for (String path : new String[]{"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                "/actuator/metrics", "/actuator"}) {
            int before = stub.calls("GET " + path);
            get(path, null).expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(404);
            get(path, owner).expectStatus().isNotFound();
            assertThat(stub.calls("GET " + path)).as(path + " is not forwarded").isEqualTo(before);
        }
        // the console's "is the network back" probe (js/offline.js) asks a public URL of the edge instead
        http.head().uri("/v3/api-docs").exchange().expectStatus().isOk();
        assertThat(managementPort).isNotEqualTo(18080).isPositive();
        // the scrape carries the gateway's latency histogram buckets: more than the default 256 KB to buffer
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("application=\"gateway\""));
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemAndNeverForwarded() {
        String owner = issuers.token("u-" + UUID.randomUUID(), "shop-a", "OWNER");
        int before = stub.calls("GET /api/v1/products");
        for (String path : new String[] {"/api/v1/products/%2e%2e/%2e%2e/actuator", "/api/v1/products%2F..%2Fsecret", "/api/v1/products;jsessionid=1"}) {
            // as sent, not encoded again
            http.get().uri(java.net.URI.create("http://127.0.0.1:" + serverPort + path)).headers(h -> h.setBearerAuth(owner)).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("The request was refused"));
        }
        assertThat(stub.calls("GET /api/v1/products")).as("nothing reached the service").isEqualTo(before);
    }

    @Test
    void anOverlongUriAndOversizedHeadersAreProblemsAndNeverForwarded() {
        String owner = issuers.token("u-" + UUID.randomUUID(), "shop-a", "OWNER");
        int before = stub.calls("GET /api/v1/products");
        // "/api/v1/products" (16) + "?q=" … : 16 + 1 + 2 + 9000 = 9019 bytes, over the 8 KB (8192) limit
        http.get().uri("/api/v1/products?q=" + "a".repeat(9000)).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isEqualTo(414).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(414)
                .jsonPath("$.detail").isEqualTo("The request's path and query are 9019 bytes; at most 8192 are accepted");
        // a 17,000-character header is over the 16 KB (16384) of headers on its own
        http.get().uri("/api/v1/products").headers(h -> { h.setBearerAuth(owner); h.set("X-Padding", "p".repeat(17000)); }).exchange()
                .expectStatus().isEqualTo(431).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(431).jsonPath("$.title").isEqualTo("Request Header Fields Too Large");
        assertThat(stub.calls("GET /api/v1/products")).as("nothing reached the service").isEqualTo(before);
        // just under both limits is an ordinary request
        http.get().uri("/api/v1/products?q=" + "a".repeat(8000)).headers(h -> { h.setBearerAuth(owner); h.set("X-Padding", "p".repeat(12000)); })
                .exchange().expectStatus().isOk();
    }

    @Test
    void anAuditorCannotWriteAndNoRouteIsANotFoundProblem() {
        String auditor = issuers.token("u-" + UUID.randomUUID(), "shop-a", "AUDITOR");
        int before = stub.calls("POST /api/v1/orders");
        http.post().uri("/api/v1/orders").headers(h -> h.setBearerAuth(auditor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange()
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stub.calls("POST /api/v1/orders")).isEqualTo(before);
        get("/api/v1/orders/1", auditor).expectStatus().isOk();

        get("/api/v1/no-such-api", auditor).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void aTokenFromTheTrustedRealmIsAcceptedWithItsClaimsMapped() {
        String token = issuers.realmToken("kc-" + UUID.randomUUID(), "shop-a", "CASHIER", "offline_access");
        Map<String, String> headers = forwardedHeaders(get("/api/v1/products/9", token));
        assertThat(headers.get("authorization")).isEqualTo("Bearer " + token);
        // a realm cashier is not an auditor: writes pass the edge
        http.post().uri("/api/v1/orders").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isOk();
    }

    @Test
    void oversizedBodiesAreRefusedWithAProblem() {
        String token = issuers.token("u-" + UUID.randomUUID(), "shop-a", "OWNER");
        String big = "{\"note\":\"" + "x".repeat(100 * 1024) + "\"}";
        http.post().uri("/api/v1/orders").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/too-large");
    }

    @Test
    void corsPreflightIsAnsweredForAllowedOriginsOnlyAndErrorsCarryCorsHeaders() {
        http.options().uri("/api/v1/orders").header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000");
        http.options().uri("/api/v1/orders").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/orders").header("Origin", "http://localhost:3000").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000");
    }
}
