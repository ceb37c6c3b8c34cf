package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Changing one's name, email and phone: a new contact logs in only once the code sent to it is confirmed. */
class ProfileTest extends AuthServiceTest {

    private WebTestClient.ResponseSpec put(String path, String token, Object body) {
        return http.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aNewEmailReplacesTheOldOneOnlyWhenItsCodeIsConfirmed() {
        String oldEmail = uniqueEmail("ravi");
        String newEmail = uniqueEmail("ravi-new");
        String token = (String) register("Ravi", oldEmail, null, "sharma-store-2026").get("accessToken");

        put("/api/v1/auth/me/profile", token, Map.of("name", "Ravi Kumar Sharma", "email", newEmail, "currentPassword", "sharma-store-2026"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Ravi Kumar Sharma")
                .jsonPath("$.email").isEqualTo(oldEmail)
                .jsonPath("$.pendingEmail").isEqualTo(newEmail);
        // until the code is confirmed the old address logs in, the new one does not
        login(oldEmail, "sharma-store-2026");
        post("/api/v1/auth/login", null, Map.of("username", newEmail, "password", "sharma-store-2026")).expectStatus().isUnauthorized();

        post("/api/v1/auth/me/profile/confirm", token, Map.of("channel", "EMAIL", "code", sent.lastCode(newEmail)))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo(newEmail).jsonPath("$.emailVerified").isEqualTo(true)
                .jsonPath("$.pendingEmail").doesNotExist();
        login(newEmail, "sharma-store-2026");
        post("/api/v1/auth/login", null, Map.of("username", oldEmail, "password", "sharma-store-2026")).expectStatus().isUnauthorized();
        http.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Ravi Kumar Sharma").jsonPath("$.email").isEqualTo(newEmail);
    }

    @Test
    void aNewPhoneIsVerifiedBySmsAndTheNameChangesAtOnce() {
        String email = uniqueEmail("asha");
        String phone = uniquePhone();
        String token = (String) register("Asha", email, null, "counter-one-2026").get("accessToken");
        put("/api/v1/auth/me/profile", token, Map.of("phone", phone, "currentPassword", "counter-one-2026"))
                .expectStatus().isOk().expectBody().jsonPath("$.pendingPhone").isEqualTo(phone).jsonPath("$.phone").doesNotExist();
        // a wrong code is refused and leaves the phone pending
        post("/api/v1/auth/me/profile/confirm", token, Map.of("channel", "PHONE", "code", "000000".equals(sent.lastCode(phone)) ? "111111" : "000000"))
                .expectStatus().isUnauthorized();
        post("/api/v1/auth/me/profile/confirm", token, Map.of("channel", "PHONE", "code", sent.lastCode(phone)))
                .expectStatus().isOk().expectBody().jsonPath("$.phone").isEqualTo(phone).jsonPath("$.phoneVerified").isEqualTo(true);
        login(phone, "counter-one-2026");

        // a name alone needs no password
        put("/api/v1/auth/me/profile", token, Map.of("name", "Asha Devi")).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Asha Devi");
    }

    @Test
    void badChangesAreProblemsAndChangeNothing() {
        String email = uniqueEmail("meena");
        String taken = uniqueEmail("taken");
        register("Taken", taken, null, "someone-else-1");
        String token = (String) register("Meena", email, null, "meena-pass-2026").get("accessToken");

        put("/api/v1/auth/me/profile", token, Map.of("email", uniqueEmail("m2"))).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
        put("/api/v1/auth/me/profile", token, Map.of("name", "Meena K", "email", uniqueEmail("m3"), "currentPassword", "wrong-pass-1"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
        put("/api/v1/auth/me/profile", token, Map.of("email", taken, "currentPassword", "meena-pass-2026")).expectStatus().isEqualTo(409);
        put("/api/v1/auth/me/profile", token, Map.of("email", "not-an-email", "currentPassword", "meena-pass-2026")).expectStatus().isBadRequest();
        put("/api/v1/auth/me/profile", token, Map.of("name", "  ")).expectStatus().isBadRequest();
        post("/api/v1/auth/me/profile/confirm", token, Map.of("channel", "PHONE", "code", "123456")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel");
        // none of it changed the account
        http.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Meena").jsonPath("$.email").isEqualTo(email);
        put("/api/v1/auth/me/profile", token, Map.of("name", "Meena K")).expectStatus().isOk();
        http.put().uri("/api/v1/auth/me/profile").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "x")).exchange()
                .expectStatus().isUnauthorized();
    }
}
