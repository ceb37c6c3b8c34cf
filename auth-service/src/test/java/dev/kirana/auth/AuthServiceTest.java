package dev.kirana.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kirana.auth.otp.EmailSender;
import dev.kirana.sms.SmsSender;
import dev.kirana.testing.KiranaServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The whole auth-service on the shared test PostgreSQL and Kafka, one Spring context for every test class.
 * The service trusts itself as an issuer (its JWKS served on its own port), as in production, and the
 * shared test issuer too. Codes "sent" by SMS or email are recorded so that tests can read them.
 */
@KiranaServiceTest
@AutoConfigureWebTestClient(timeout = "30s")
@Import(AuthServiceTest.RecordingSenders.class)
@TestPropertySource(properties = {
        "kirana.auth.password.bcrypt-strength=4",
        "kirana.outbox.poll-interval=100ms",
        "kirana.notifications.delivery-interval=200ms",
        "kirana.notifications.retry-backoff=200ms",
        "kirana.notifications.max-attempts=3",
        "kirana.notifications.whatsapp.authorization=Bearer whatsapp-test-token"})
public abstract class AuthServiceTest {
    protected static final int PORT = freePort();
    protected static final String SELF = "http://127.0.0.1:" + PORT;
    /** Where notification emails go (an SMTP server that NotificationTest runs) and the WhatsApp provider's API. */
    protected static final int MAIL_PORT = freePort();
    protected static final int WHATSAPP_PORT = freePort();

    @Autowired
    protected WebTestClient http;

    @DynamicPropertySource
    static void selfIssued(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("kirana.auth.url", () -> SELF);
        registry.add("kirana.auth.issuer", () -> SELF);
        registry.add("kirana.security.trusted-issuers[0].issuer", () -> SELF);
        registry.add("kirana.security.trusted-issuers[0].jwk-set-uri", () -> SELF + "/oauth2/jwks");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL_PORT);
        registry.add("kirana.notifications.whatsapp.url", () -> "http://127.0.0.1:" + WHATSAPP_PORT + "/v1/messages");
    }

    /** Every text and email the service sent, by destination. */
    public static final class Outbox implements SmsSender, EmailSender {
        private final Map<String, List<String>> messages = new ConcurrentHashMap<>();

        @Override
        public Mono<Void> send(String phone, String text) {
            return Mono.fromRunnable(() -> messages.computeIfAbsent(phone, k -> new CopyOnWriteArrayList<>()).add(text));
        }

        @Override
        public Mono<Void> send(String email, String subject, String text) {
            return send(email, text);
        }

        /** The code in the latest message to {@code destination}. */
        public String lastCode(String destination) {
            List<String> all = messages.getOrDefault(destination, List.of());
            if (all.isEmpty()) throw new AssertionError("nothing was sent to " + destination);
            Matcher m = Pattern.compile("code is ([0-9]+)").matcher(all.get(all.size() - 1));
            if (!m.find()) throw new AssertionError("no code in " + all.get(all.size() - 1));
            return m.group(1);
        }

        public int count(String destination) {
            return messages.getOrDefault(destination, List.of()).size();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecordingSenders {
        @Bean
        @Primary
        Outbox recordingOutbox() {
            return new Outbox();
        }
    }

    @Autowired
    protected Outbox sent;

    // ---- helpers -------------------------------------------------------------------------------------

    protected static String uniquePhone() {
        long n = 6_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 3_999_999_999L);
        return "+91" + n;
    }

    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected WebTestClient.ResponseSpec post(String path, String token, Object body) {
        return http.post().uri(path).headers(h -> {
                    if (token != null) h.setBearerAuth(token);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> json(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(Map.class).returnResult().getResponseBody();
    }

    protected Map<String, Object> login(String username, String password) {
        return json(post("/api/v1/auth/login", null, Map.of("username", username, "password", password)).expectStatus().isOk());
    }

    protected Map<String, Object> register(String name, String email, String phone, String password) {
        var body = new java.util.HashMap<String, Object>();
        body.put("name", name);
        if (email != null) body.put("email", email);
        if (phone != null) body.put("phone", phone);
        body.put("password", password);
        return json(post("/api/v1/auth/register", null, body).expectStatus().isCreated());
    }

    /** A new owner with a new shop; returns the owner's token for that shop. */
    protected Owner newOwnerWithShop(String shopName) {
        String email = uniqueEmail("owner");
        Map<String, Object> reg = register("Owner " + shopName, email, null, "owner-pass-123");
        String token = (String) reg.get("accessToken");
        Map<String, Object> shop = json(post("/api/v1/shops", token, Map.of("name", shopName, "stateCode", "29"))
                .expectStatus().isCreated());
        String shopId = (String) shop.get("id");
        Map<String, Object> switched = json(post("/api/v1/auth/switch-shop", token, Map.of("shopId", shopId)).expectStatus().isOk());
        return new Owner((String) reg.get("userId"), email, shopId, (String) switched.get("accessToken"), (String) switched.get("refreshToken"));
    }

    protected record Owner(String userId, String email, String shopId, String token, String refreshToken) {
    }

    protected static JWTClaimsSet claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    protected static String kid(String jwt) {
        try {
            return SignedJWT.parse(jwt).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
