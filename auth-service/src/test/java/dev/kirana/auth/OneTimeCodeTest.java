package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

class OneTimeCodeTest extends AuthServiceTest {
    @Autowired
    DatabaseClient db;

    private String registeredPhone() {
        String phone = uniquePhone();
        register("Phone User", null, phone, "phone-user-123");
        return phone;
    }

    @Test
    void aUserLogsInWithAnSmsCodeWhichIsStoredOnlyAsAHash() {
        String phone = registeredPhone();
        http.post().uri("/api/v1/auth/otp/request").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone)).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.expiresInSeconds").isEqualTo(300);
        String code = sent.lastCode(phone);
        assertThat(code).hasSize(6);

        String stored = db.sql("SELECT code_hash FROM otp_challenge WHERE destination = :d AND purpose = 'LOGIN'")
                .bind("d", phone).map(r -> r.get(0, String.class)).one().block();
        assertThat(stored).hasSize(64).doesNotContain(code);

        Map<String, Object> tokens = json(post("/api/v1/auth/otp/verify", null, Map.of("phone", phone, "code", code)).expectStatus().isOk());
        assertThat(claims((String) tokens.get("accessToken")).getClaim("amr")).isEqualTo(java.util.List.of("otp"));
        // a code works once
        post("/api/v1/auth/otp/verify", null, Map.of("phone", phone, "code", code)).expectStatus().isUnauthorized();
        // the 10-digit local form is the same number
        assertThat(phone).startsWith("+91");
    }

    @Test
    void guessingTheCodeLocksItAfterFiveWrongAttemptsEvenForTheRightCode() {
        String phone = registeredPhone();
        post("/api/v1/auth/otp/request", null, Map.of("phone", phone)).expectStatus().isAccepted();
        String code = sent.lastCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            post("/api/v1/auth/otp/verify", null, Map.of("phone", phone, "code", wrong))
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.attemptsLeft").isEqualTo(left);
        }
        post("/api/v1/auth/otp/verify", null, Map.of("phone", phone, "code", code))
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/code-locked");
    }

    @Test
    void resendingIsThrottledAndUnknownNumbersLookTheSame() {
        String phone = registeredPhone();
        post("/api/v1/auth/otp/request", null, Map.of("phone", phone)).expectStatus().isAccepted();
        post("/api/v1/auth/otp/request", null, Map.of("phone", phone))
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(1, 60))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(sent.count(phone)).isEqualTo(2); // the verification SMS at registration + one login code

        String stranger = uniquePhone();
        post("/api/v1/auth/otp/request", null, Map.of("phone", stranger)).expectStatus().isAccepted();
        assertThat(sent.count(stranger)).isZero();
        post("/api/v1/auth/otp/request", null, Map.of("phone", "12")).expectStatus().isBadRequest();
    }

    @Test
    void aForgottenPasswordIsResetWithACodeAndOldSessionsEnd() {
        String email = uniqueEmail("forgot");
        Map<String, Object> reg = register("Forgetful", email, null, "i-forgot-it-1");
        post("/api/v1/auth/password/reset/request", null, Map.of("username", email)).expectStatus().isAccepted();
        String code = sent.lastCode(email);
        post("/api/v1/auth/password/reset/confirm", null, Map.of("username", email, "code", code, "newPassword", "remembered-2"))
                .expectStatus().isNoContent();
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", reg.get("refreshToken"))).expectStatus().isUnauthorized();
        login(email, "remembered-2");
        post("/api/v1/auth/login", null, Map.of("username", email, "password", "i-forgot-it-1")).expectStatus().isUnauthorized();
        // unknown accounts get the same 202
        post("/api/v1/auth/password/reset/request", null, Map.of("username", uniqueEmail("ghost"))).expectStatus().isAccepted();
    }

    @Test
    void emailAndPhoneAreVerifiedWithCodes() {
        String email = uniqueEmail("verify");
        String phone = uniquePhone();
        Map<String, Object> reg = register("Verify Me", email, phone, "verify-me-123");
        String token = (String) reg.get("accessToken");
        post("/api/v1/auth/verification/confirm", token, Map.of("channel", "EMAIL", "code", sent.lastCode(email))).expectStatus().isNoContent();
        post("/api/v1/auth/verification/confirm", token, Map.of("channel", "PHONE", "code", sent.lastCode(phone))).expectStatus().isNoContent();
        http.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.emailVerified").isEqualTo(true).jsonPath("$.phoneVerified").isEqualTo(true);
    }
}
