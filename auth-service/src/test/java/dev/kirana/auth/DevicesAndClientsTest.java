package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.auth.demo.DemoSeed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class DevicesAndClientsTest extends AuthServiceTest {

    @Test
    void aPairedDeviceLetsACashierSwitchInWithAPinUntilTheDeviceIsRevoked() {
        Owner owner = newOwnerWithShop("Device Store");
        String cashierEmail = uniqueEmail("pin");
        post("/api/v1/shops/" + owner.shopId() + "/members", owner.token(),
                Map.of("email", cashierEmail, "name", "Pinny", "role", "CASHIER", "initialPassword", "pin-cashier-1")).expectStatus().isCreated();
        String cashier = (String) login(cashierEmail, "pin-cashier-1").get("accessToken");
        http.put().uri("/api/v1/users/me/pin").headers(h -> h.setBearerAuth(cashier)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", "1234")).exchange().expectStatus().isBadRequest();
        http.put().uri("/api/v1/users/me/pin").headers(h -> h.setBearerAuth(cashier)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", "4829")).exchange().expectStatus().isNoContent();

        Map<String, Object> pairing = json(post("/api/v1/devices", owner.token(), Map.of("name", "Counter 1")).expectStatus().isCreated());
        assertThat((String) pairing.get("pairingUri")).startsWith("kirana://pair?token=");
        post("/api/v1/devices", cashier, Map.of("name", "mine")).expectStatus().isForbidden();

        Map<String, Object> paired = json(post("/api/v1/devices/pair", null, Map.of("pairingToken", pairing.get("pairingToken"))).expectStatus().isOk());
        assertThat(paired).containsEntry("shopId", owner.shopId()).containsEntry("shopName", "Device Store");
        post("/api/v1/devices/pair", null, Map.of("pairingToken", pairing.get("pairingToken"))).expectStatus().isUnauthorized();

        Map<String, Object> pinLogin = Map.of("deviceId", paired.get("deviceId"), "deviceSecret", paired.get("deviceSecret"),
                "username", cashierEmail, "pin", "4829");
        Map<String, Object> session = json(post("/api/v1/devices/session", null, pinLogin).expectStatus().isOk());
        assertThat(session).containsEntry("shopId", owner.shopId());
        assertThat(session.get("roles")).isEqualTo(List.of("CASHIER"));
        var claims = claims((String) session.get("accessToken"));
        assertThat(claims.getClaim("amr")).isEqualTo(List.of("pin"));
        assertThat(claims.getClaim("device_id")).isEqualTo(paired.get("deviceId"));

        post("/api/v1/devices/session", null, Map.of("deviceId", paired.get("deviceId"), "deviceSecret", "wrong",
                "username", cashierEmail, "pin", "4829")).expectStatus().isUnauthorized();

        http.get().uri("/api/v1/devices").headers(h -> h.setBearerAuth(owner.token())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].status").isEqualTo("PAIRED");
        http.delete().uri("/api/v1/devices/" + paired.get("deviceId")).headers(h -> h.setBearerAuth(owner.token())).exchange()
                .expectStatus().isNoContent();
        post("/api/v1/devices/session", null, pinLogin).expectStatus().isUnauthorized();
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", session.get("refreshToken"))).expectStatus().isUnauthorized();
    }

    @Test
    void wrongPinsLockPinLogin() {
        Owner owner = newOwnerWithShop("Pin Lock Store");
        String token = owner.token();
        http.put().uri("/api/v1/users/me/pin").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", "7315")).exchange().expectStatus().isNoContent();
        Map<String, Object> pairing = json(post("/api/v1/devices", token, Map.of("name", "Till")).expectStatus().isCreated());
        Map<String, Object> paired = json(post("/api/v1/devices/pair", null, Map.of("pairingToken", pairing.get("pairingToken"))).expectStatus().isOk());
        for (int i = 0; i < 4; i++) {
            post("/api/v1/devices/session", null, Map.of("deviceId", paired.get("deviceId"), "deviceSecret", paired.get("deviceSecret"),
                    "username", owner.email(), "pin", "000" + i)).expectStatus().isUnauthorized();
        }
        post("/api/v1/devices/session", null, Map.of("deviceId", paired.get("deviceId"), "deviceSecret", paired.get("deviceSecret"),
                "username", owner.email(), "pin", "0009")).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        post("/api/v1/devices/session", null, Map.of("deviceId", paired.get("deviceId"), "deviceSecret", paired.get("deviceSecret"),
                "username", owner.email(), "pin", "7315")).expectStatus().isEqualTo(429);
    }

    @Test
    void aPartnerClientGetsScopedTokensByClientCredentialsUntilRevoked() {
        String owner = (String) login(DemoSeed.OWNER_EMAIL, DemoSeed.PASSWORD).get("accessToken");
        post("/api/v1/clients", owner, Map.of("name", "Bad", "scopes", List.of("root:all"))).expectStatus().isBadRequest();
        // a null among the scopes is a 400 naming them, not a 500
        post("/api/v1/clients", owner, Map.of("name", "Bad", "scopes", java.util.Collections.singletonList(null)))
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("scopes");
        Map<String, Object> client = json(post("/api/v1/clients", owner, Map.of("name", "Tally connector",
                "scopes", List.of("orders:read", "accounting:read"))).expectStatus().isCreated());
        String id = (String) client.get("clientId");
        String secret = (String) client.get("clientSecret");
        String basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));

        Map<String, Object> token = json(http.post().uri("/oauth2/token").header("Authorization", basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("scope", "orders:read"))
                .exchange().expectStatus().isOk().expectHeader().cacheControl(org.springframework.http.CacheControl.noStore()));
        assertThat(token).containsEntry("token_type", "Bearer").containsEntry("scope", "orders:read");
        var claims = claims((String) token.get("access_token"));
        assertThat(claims.getSubject()).isEqualTo(id);
        assertThat(claims.getClaim("client_id")).isEqualTo(id);
        assertThat(claims.getClaim("shop_id")).isEqualTo(DemoSeed.SHOP_ID.toString());
        assertThat(claims.getClaim("roles")).isEqualTo(List.of());

        // the token works as a bearer token (subject = the client); it names no account
        http.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth((String) token.get("access_token"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.userId").isEqualTo(id).jsonPath("$.scopes[0]").isEqualTo("orders:read");

        http.post().uri("/oauth2/token").header("Authorization", basic).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("scope", "orders:write"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_scope");
        http.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", id).with("client_secret", "nope"))
                .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("invalid_client");
        http.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "password")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unsupported_grant_type");

        http.get().uri("/api/v1/clients").headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.clientId=='" + id + "')].name").isEqualTo("Tally connector");
        http.delete().uri("/api/v1/clients/" + id).headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isNoContent();
        http.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", id).with("client_secret", secret))
                .exchange().expectStatus().isUnauthorized();
    }
}
