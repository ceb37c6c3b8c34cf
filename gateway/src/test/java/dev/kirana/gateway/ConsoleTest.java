package dev.kirana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The web console at the edge: its pages with a strict Content-Security-Policy, and its cookie session — the
 * tokens stay in HttpOnly cookies the page cannot read, API calls with the cookie reach the services as bearer
 * tokens, and writes without the CSRF header or sign-ins from another origin are refused before any service sees them.
 */
class ConsoleTest extends GatewayTest {

    @Test
    void pagesAreServedWithAStrictContentSecurityPolicy() {
        http.get().uri("/").exchange().expectStatus().isSeeOther().expectHeader().location("/console/");
        EntityExchangeResult<String> page = http.get().uri("/console/").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult();
        assertThat(page.getResponseBody()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        String csp = page.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        http.get().uri("/console/js/app.js").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Content-Type", "(text|application)/javascript.*")
                .expectHeader().exists("Content-Security-Policy")
                .expectBody().consumeWith(b -> assertThat(b.getResponseBody()).isNotEmpty());
    }

    @Test
    void nobodySignedInIsAnAnswerNotAnError() {
        http.get().uri("/console/session").exchange().expectStatus().isNoContent().expectBody().isEmpty();
    }

    @Test
    void aWrongPasswordIsAuthServicesProblemAndSetsNoCookie() {
        EntityExchangeResult<JsonNode> r = http.post().uri("/console/session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "owner@example.com", "password", "wrong")).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult();
        assertThat(r.getResponseBody().path("detail").asString()).isEqualTo("Wrong username or password");
        assertThat(r.getResponseCookies()).isEmpty();
    }

    @Test
    void signingInKeepsTheTokensInHttpOnlyCookiesAndTheApiSeesABearerToken() {
        Session s = signIn();
        assertThat(s.body.has("accessToken")).isFalse();
        assertThat(s.body.has("refreshToken")).isFalse();
        assertThat(s.body.path("userId").asString()).isEqualTo(StubServices.USER);
        assertThat(s.body.path("expiresIn").asLong()).isEqualTo(900);

        ResponseCookie access = s.cookies.getFirst("kirana_at");
        assertThat(access.isHttpOnly()).isTrue();
        assertThat(access.getSameSite()).isEqualTo("Strict");
        assertThat(access.getPath()).isEqualTo("/");
        assertThat(access.getMaxAge().toSeconds()).isEqualTo(900);
        ResponseCookie refresh = s.cookies.getFirst("kirana_rt");
        assertThat(refresh.isHttpOnly()).isTrue();
        assertThat(refresh.getPath()).isEqualTo("/console/session");
        assertThat(refresh.getValue()).isEqualTo("rt-1");
        ResponseCookie csrf = s.cookies.getFirst("kirana_csrf");
        assertThat(csrf.isHttpOnly()).as("the page must read the CSRF value").isFalse();
        assertThat(csrf.getValue()).hasSizeGreaterThanOrEqualTo(40);

        // a read with the cookie: forwarded with the token as a bearer header, the cookies themselves not forwarded
        JsonNode echo = http.get().uri("/api/v1/products").cookie("kirana_at", access.getValue())
                .cookie("kirana_csrf", csrf.getValue()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(echo.path("headers").path("authorization").asString()).isEqualTo("Bearer " + access.getValue());
        assertThat(echo.path("headers").has("cookie")).isFalse();

        // who is signed in, from the cookie
        JsonNode me = http.get().uri("/console/session").cookie("kirana_at", access.getValue()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(me.path("bearer").asString()).isEqualTo(access.getValue());
    }

    @Test
    void aWriteWithTheCookieNeedsTheCsrfHeader() {
        Session s = signIn();
        int before = stub.calls("POST /api/v1/products");
        http.post().uri("/api/v1/products").cookie("kirana_at", s.access()).cookie("kirana_csrf", s.csrf())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("sku", "X")).exchange()
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/csrf");
        http.post().uri("/api/v1/products").cookie("kirana_at", s.access()).cookie("kirana_csrf", s.csrf())
                .header("X-CSRF-Token", "not-the-cookie").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("sku", "X"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/csrf");
        assertThat(stub.calls("POST /api/v1/products")).as("refused writes never reach the service").isEqualTo(before);

        JsonNode echo = http.post().uri("/api/v1/products").cookie("kirana_at", s.access()).cookie("kirana_csrf", s.csrf())
                .header("X-CSRF-Token", s.csrf()).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("sku", "X"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(echo.path("method").asString()).isEqualTo("POST");
        assertThat(echo.path("headers").path("authorization").asString()).isEqualTo("Bearer " + s.access());
        assertThat(echo.path("headers").has("x-csrf-token")).isFalse();
        assertThat(stub.calls("POST /api/v1/products")).isEqualTo(before + 1);
    }

    @Test
    void aSignInFromAnotherOriginIsRefused() {
        // refused by the CORS check (an origin not allowed) or, for an allowed one, by the session's own origin check
        int before = stub.calls("POST /api/v1/auth/login");
        http.post().uri("/console/session").header(HttpHeaders.ORIGIN, "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "owner@example.com", "password", StubServices.PASSWORD)).exchange()
                .expectStatus().isForbidden().expectBody().returnResult();
        http.post().uri("/console/session").header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "owner@example.com", "password", StubServices.PASSWORD)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/cross-origin");
        assertThat(stub.calls("POST /api/v1/auth/login")).isEqualTo(before);
    }

    @Test
    void refreshRotatesTheTokensAndAnExpiredAccessCookieIsRenewedOnLoad() {
        Session s = signIn();
        http.post().uri("/console/session/refresh").cookie("kirana_rt", "rt-1").cookie("kirana_csrf", s.csrf())
                .exchange().expectStatus().isForbidden();
        EntityExchangeResult<JsonNode> refreshed = http.post().uri("/console/session/refresh").cookie("kirana_rt", "rt-1")
                .cookie("kirana_csrf", s.csrf()).header("X-CSRF-Token", s.csrf()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
        assertThat(refreshed.getResponseCookies().getFirst("kirana_rt").getValue()).isEqualTo("rt-2");
        assertThat(refreshed.getResponseCookies().getFirst("kirana_at").getValue()).isNotBlank();
        assertThat(refreshed.getResponseCookies().getFirst("kirana_csrf").getValue()).as("the CSRF value is kept").isEqualTo(s.csrf());

        // the access cookie has expired (the browser dropped it): opening the console resumes the session
        EntityExchangeResult<JsonNode> resumed = http.get().uri("/console/session").cookie("kirana_rt", "rt-2")
                .cookie("kirana_csrf", s.csrf()).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult();
        assertThat(resumed.getResponseBody().path("userId").asString()).isEqualTo(StubServices.USER);
        assertThat(resumed.getResponseCookies().getFirst("kirana_rt").getValue()).isEqualTo("rt-3");

        // a refresh token auth-service does not know: signed out, cookies cleared
        EntityExchangeResult<byte[]> gone = http.get().uri("/console/session").cookie("kirana_rt", "stolen").exchange()
                .expectStatus().isNoContent().expectBody().returnResult();
        assertThat(gone.getResponseCookies().getFirst("kirana_rt").getMaxAge().isZero()).isTrue();
    }

    @Test
    void signingOutRevokesTheRefreshTokenAndClearsTheCookies() {
        Session s = signIn();
        int before = stub.calls("POST /api/v1/auth/logout");
        http.delete().uri("/console/session").cookie("kirana_rt", "rt-1").cookie("kirana_csrf", s.csrf()).exchange()
                .expectStatus().isForbidden();
        EntityExchangeResult<byte[]> out = http.delete().uri("/console/session").cookie("kirana_rt", "rt-1")
                .cookie("kirana_csrf", s.csrf()).header("X-CSRF-Token", s.csrf()).exchange()
                .expectStatus().isNoContent().expectBody().returnResult();
        assertThat(stub.calls("POST /api/v1/auth/logout")).isEqualTo(before + 1);
        for (String name : List.of("kirana_at", "kirana_rt", "kirana_csrf")) {
            assertThat(out.getResponseCookies().getFirst(name).getMaxAge().isZero()).as(name).isTrue();
        }
    }

    @Test
    void theCookieIsIgnoredWhenTheRequestCarriesItsOwnToken() {
        String partner = issuers.token("partner", StubServices.SHOP, "OWNER");
        JsonNode echo = http.get().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, "Bearer " + partner)
                .cookie("kirana_at", "not-a-token").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(echo.path("headers").path("authorization").asString()).isEqualTo("Bearer " + partner);
        http.get().uri("/api/v1/products").cookie("kirana_at", "not-a-token").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED).expectBody().jsonPath("$.status").isEqualTo(401);
    }

    private record Session(JsonNode body, MultiValueMap<String, ResponseCookie> cookies) {
        String access() {
            return cookies.getFirst("kirana_at").getValue();
        }

        String csrf() {
            return cookies.getFirst("kirana_csrf").getValue();
        }
    }

    private Session signIn() {
        EntityExchangeResult<JsonNode> r = http.post().uri("/console/session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "owner@example.com", "password", StubServices.PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
        return new Session(r.getResponseBody(), r.getResponseCookies());
    }
}
