package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.auth.demo.DemoSeed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class LoginAndSessionsTest extends AuthServiceTest {

    @Test
    void demoOwnerLogsInToTheDemoShopAndTheTokenSaysSo() throws Exception {
        Map<String, Object> tokens = login("owner@demo.kirana", "kirana-demo");
        assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("shopId", DemoSeed.SHOP_ID.toString());
        assertThat(tokens.get("roles")).isEqualTo(java.util.List.of("OWNER"));
        assertThat(((Number) tokens.get("expiresIn")).longValue()).isEqualTo(900);

        String access = (String) tokens.get("accessToken");
        var claims = claims(access);
        assertThat(claims.getIssuer()).isEqualTo(SELF);
        assertThat(claims.getAudience()).containsExactly("kirana");
        assertThat(claims.getSubject()).isEqualTo(DemoSeed.OWNER_ID.toString());
        assertThat(claims.getStringClaim("shop_id")).isEqualTo(DemoSeed.SHOP_ID.toString());
        assertThat(claims.getStringListClaim("roles")).containsExactly("OWNER");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());

        http.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(access)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo("owner@demo.kirana")
                .jsonPath("$.activeShopId").isEqualTo(DemoSeed.SHOP_ID.toString())
                .jsonPath("$.shops[0].name").isEqualTo("Demo Kirana Store")
                .jsonPath("$.shops[0].role").isEqualTo("OWNER");

        Map<String, Object> cashier = login("cashier@demo.kirana", "kirana-demo");
        assertThat(cashier).containsEntry("shopId", DemoSeed.SHOP_ID.toString());
        assertThat(cashier.get("roles")).isEqualTo(java.util.List.of("CASHIER"));
    }

    @Test
    void aFormPostLogsInAsTheJsonLoginDoes() throws Exception {
        var tokens = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData("username", "owner@demo.kirana")
                        .with("password", "kirana-demo"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("shopId", DemoSeed.SHOP_ID.toString());
        assertThat(claims((String) tokens.get("accessToken")).getSubject()).isEqualTo(DemoSeed.OWNER_ID.toString());

        // the same refusals: a wrong password is a 401 problem, a missing field a 400 naming it
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=owner%40demo.kirana&password=wrong-one").exchange()
                .expectStatus().isUnauthorized().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=owner%40demo.kirana").exchange()
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void wrongPasswordIsA401ProblemAndRepeatedFailuresLockTheAccount() {
        String email = uniqueEmail("locky");
        register("Locky", email, null, "right-password-1");
        for (int i = 0; i < 4; i++) {
            post("/api/v1/auth/login", null, Map.of("username", email, "password", "wrong-" + i))
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/invalid-credentials");
        }
        post("/api/v1/auth/login", null, Map.of("username", email, "password", "wrong-5"))
                .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        // locked: even the right password is refused until the lock ends
        post("/api/v1/auth/login", null, Map.of("username", email, "password", "right-password-1"))
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // an unknown account looks like a wrong password
        post("/api/v1/auth/login", null, Map.of("username", uniqueEmail("nobody"), "password", "whatever-1"))
                .expectStatus().isUnauthorized();
    }

    @Test
    void refreshTokensRotateAndReusingOneRevokesTheWholeSession() {
        String email = uniqueEmail("rota");
        register("Rota", email, null, "rotate-me-123");
        Map<String, Object> first = login(email, "rotate-me-123");
        String r1 = (String) first.get("refreshToken");

        Map<String, Object> second = json(post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", r1)).expectStatus().isOk());
        String r2 = (String) second.get("refreshToken");
        assertThat(r2).isNotEqualTo(r1);
        assertThat(claims((String) second.get("accessToken")).getSubject()).isEqualTo(first.get("userId"));

        // r1 again: someone has a copy -> 401, and the family (including r2) is revoked
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", r1))
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("already used"));
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", r2)).expectStatus().isUnauthorized();

        // another login session is unaffected
        Map<String, Object> other = login(email, "rotate-me-123");
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", other.get("refreshToken"))).expectStatus().isOk();
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", "not-a-token")).expectStatus().isUnauthorized();
    }

    @Test
    void logoutEndsTheSession() {
        String email = uniqueEmail("bye");
        register("Bye", email, null, "leaving-now-1");
        Map<String, Object> s = login(email, "leaving-now-1");
        post("/api/v1/auth/logout", null, Map.of("refreshToken", s.get("refreshToken"))).expectStatus().isNoContent();
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", s.get("refreshToken"))).expectStatus().isUnauthorized();

        Map<String, Object> a = login(email, "leaving-now-1");
        Map<String, Object> b = login(email, "leaving-now-1");
        post("/api/v1/auth/logout", null, Map.of("refreshToken", a.get("refreshToken"), "allSessions", true)).expectStatus().isNoContent();
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", b.get("refreshToken"))).expectStatus().isUnauthorized();
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndEndsSessions() {
        String email = uniqueEmail("chg");
        Map<String, Object> reg = register("Chg", email, null, "first-password-1");
        String token = (String) reg.get("accessToken");
        post("/api/v1/auth/password/change", token, Map.of("currentPassword", "nope-nope-1", "newPassword", "second-password-2"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
        post("/api/v1/auth/password/change", token, Map.of("currentPassword", "first-password-1", "newPassword", "short"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
        post("/api/v1/auth/password/change", token, Map.of("currentPassword", "first-password-1", "newPassword", "second-password-2"))
                .expectStatus().isNoContent();
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", reg.get("refreshToken"))).expectStatus().isUnauthorized();
        login(email, "second-password-2");
    }

    @Test
    void malformedOrOversizedJsonIsA4xxProblemNeverA500() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("[1,2,3]")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String huge = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange().expectStatus().value(s -> assertThat(s).isBetween(400, 499))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/v1/auth/register", null, Map.of("name", "", "password", "x"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field=='name')]").exists();
    }
}
