package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Notifications end to end: events from the other services and auth's own facts become inbox items and messages,
 * delivered to an SMTP server (GreenMail) and a WhatsApp provider's API that run inside this test.
 */
class NotificationTest extends AuthServiceTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    static final GreenMail SMTP = new GreenMail(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final List<String[]> WHATSAPP = new CopyOnWriteArrayList<>();   // {authorization, body}
    static HttpServer whatsApp;

    @BeforeAll
    static void servers() throws IOException {
        whatsApp = HttpServer.create(new InetSocketAddress("127.0.0.1", WHATSAPP_PORT), 0);
        whatsApp.createContext("/v1/messages", exchange -> {
            WHATSAPP.add(new String[] {exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        whatsApp.start();
    }

    @AfterAll
    static void stopServers() {
        whatsApp.stop(0);
        PRODUCER.close();
    }

    @BeforeEach
    void smtpUp() {
        SMTP.start();
    }

    @AfterEach
    void smtpDown() {
        SMTP.stop();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    static CloudEvent publish(String topic, String key, String shop, String type, Object data) {
        CloudEvent e = KiranaEvents.event(type, "test", key, shop, data);
        try {
            PRODUCER.send(KiranaEvents.toRecord(topic, key, e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return e;
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec put(String path, String token, Object body) {
        return http.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec delete(String path, String token) {
        return http.delete().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private long unread(String shop, String token) {
        return ((Number) json(get("/api/v1/shops/" + shop + "/notifications/unread-count", token).expectStatus().isOk()).get("unread")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String shop, String token, String query) {
        return (List<Map<String, Object>>) json(get("/api/v1/shops/" + shop + "/notifications" + query, token).expectStatus().isOk()).get("items");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deliveries(String shop, String token, String query) {
        return (List<Map<String, Object>>) (List<?>) get("/api/v1/shops/" + shop + "/notifications/" + query, token).expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String content(MimeMessage m) {
        try {
            return m.getContent().toString().trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A member added by the owner, logged in (their first shop is this one). */
    private String member(Owner owner, String role) {
        String email = uniqueEmail(role.toLowerCase());
        post("/api/v1/shops/" + owner.shopId() + "/members", owner.token(),
                Map.of("email", email, "name", "Member " + role, "role", role, "initialPassword", "member-pass-123"))
                .expectStatus().isCreated();
        return (String) login(email, "member-pass-123").get("accessToken");
    }

    private static InventoryEvents.StockLow low(String product, String sku, String name, String available) {
        return new InventoryEvents.StockLow(product, sku, name, new BigDecimal(available), new BigDecimal(available), new BigDecimal("10"));
    }

    private static OrderEvents.OrderVoided voided(String order, String invoice, String total) {
        return new OrderEvents.OrderVoided(order, invoice, "customer changed mind", "u-cashier", Instant.now(), "INR", null, List.of(),
                new BigDecimal(total), "TAX_INVOICE", "29", "INTRA_STATE", null, List.of(), null, null, null, null, null, null);
    }

    // ---- tests ---------------------------------------------------------------------------------------

    @Test
    void lowStockReachesTheOwnersInboxAndMailboxOncePerProductPerDay() {
        Owner owner = newOwnerWithShop("Notify Store");
        String base = "/api/v1/shops/" + owner.shopId();
        String manager = member(owner, "MANAGER");
        put(base + "/notification-rules", owner.token(), Map.of("rules", List.of(
                Map.of("kind", "STOCK_LOW", "roles", List.of("OWNER"), "channels", List.of("IN_APP", "EMAIL")))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.kind == 'STOCK_LOW')].channels[1]").isEqualTo("EMAIL")
                .jsonPath("$[?(@.kind == 'STOCK_LOW')].builtIn").isEqualTo(false)
                .jsonPath("$[?(@.kind == 'LARGE_VOID')].params.threshold").isEqualTo("2000.00");

        // atta low twice on the same day, then biscuits: one key, so one partition, in this order
        publish(Topics.INVENTORY, "p-atta", owner.shopId(), EventTypes.STOCK_LOW, low("p-atta", "ATTA-5", "Atta 5kg", "3"));
        publish(Topics.INVENTORY, "p-atta", owner.shopId(), EventTypes.STOCK_LOW, low("p-atta", "ATTA-5", "Atta 5kg", "2"));
        // an alert from two days ago (a replay of the topic's history) is not news
        CloudEvent old = KiranaEvents.event(UUID.randomUUID().toString(), EventTypes.STOCK_LOW, "test", "p-dal", owner.shopId(),
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), EventJson.write(low("p-dal", "DAL-1", "Toor dal", "1")));
        try {
            PRODUCER.send(KiranaEvents.toRecord(Topics.INVENTORY, "p-atta", old)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        publish(Topics.INVENTORY, "p-atta", owner.shopId(), EventTypes.STOCK_LOW, low("p-bisc", "BISC-1", "Biscuits", "4"));
        await().atMost(Duration.ofSeconds(30)).until(() -> items(owner.shopId(), owner.token(), "").stream()
                .anyMatch(i -> "Low stock: Biscuits".equals(i.get("title"))));
        // 2, not 4: the second atta alert of the day is not a second notification, and the old one none
        assertThat(unread(owner.shopId(), owner.token())).isEqualTo(2);
        List<Map<String, Object>> inbox = items(owner.shopId(), owner.token(), "?unread=true");
        assertThat(inbox).extracting(i -> i.get("title")).containsExactly("Low stock: Biscuits", "Low stock: Atta 5kg");
        assertThat(inbox.get(1).get("body")).isEqualTo("Atta 5kg (ATTA-5) is down to 3; the reorder level is 10.");
        assertThat(inbox.get(1).get("kind")).isEqualTo("STOCK_LOW");
        // the rule addresses owners only
        assertThat(unread(owner.shopId(), manager)).isZero();

        // and two emails reached the SMTP server
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(owner.email()).size() == 2);
        MimeMessage atta = mailTo(owner.email()).stream().filter(m -> subject(m).contains("Atta")).findFirst().orElseThrow();
        assertThat(subject(atta)).isEqualTo("Low stock: Atta 5kg");
        assertThat(content(atta)).isEqualTo("Atta 5kg (ATTA-5) is down to 3; the reorder level is 10.");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(owner.shopId(), owner.token(), "deliveries").stream()
                .allMatch(d -> "SENT".equals(d.get("status"))));
        List<Map<String, Object>> log = deliveries(owner.shopId(), owner.token(), "deliveries");
        assertThat(log).hasSize(2).allSatisfy(d -> {
            assertThat(d).containsEntry("channel", "EMAIL").containsEntry("recipient", owner.email()).containsEntry("attempts", 1);
            assertThat(d.get("sentAt")).isNotNull();
        });
        // the delivery log is the owner's
        get(base + "/notifications/deliveries", manager).expectStatus().isForbidden();
    }

    @Test
    void aBatchIsToldOnceWhenItComesWithinTheRulesDays() {
        Owner owner = newOwnerWithShop("Expiry Store");
        String base = "/api/v1/shops/" + owner.shopId();
        put(base + "/notification-rules", owner.token(), Map.of("rules", List.of(Map.of("kind", "BATCH_EXPIRING", "params", Map.of("days", 5)))))
                .expectStatus().isOk();
        LocalDate today = LocalDate.now(IST);
        // inventory announces the batch every day: 9 days left (beyond 5), then 5 (told), then 4 (already told)
        for (int left : new int[] {9, 5, 4}) {
            publish(Topics.INVENTORY, "p-milk", owner.shopId(), EventTypes.STOCK_BATCH_EXPIRING, new InventoryEvents.BatchExpiring("41",
                    "p-milk", "MILK-1L", "Milk 1L", null, "M-SOON", LocalDate.of(2026, 12, 8), new BigDecimal("12.000"), left,
                    LocalDate.of(2026, 12, 8).minusDays(left)));
        }
        // a second batch, on the same partition after them: once it is in, the three before it were handled
        publish(Topics.INVENTORY, "p-milk", owner.shopId(), EventTypes.STOCK_BATCH_EXPIRING, new InventoryEvents.BatchExpiring("42",
                "p-milk", "MILK-1L", "Milk 1L", null, "M-NEXT", today.plusDays(1), new BigDecimal("6"), 1, today));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(owner.shopId(), owner.token()) == 2
                || items(owner.shopId(), owner.token(), "").stream().anyMatch(i -> ((String) i.get("title")).contains("M-NEXT")));
        List<Map<String, Object>> inbox = items(owner.shopId(), owner.token(), "");
        assertThat(inbox).extracting(i -> i.get("title")).containsExactly("Expiring soon: Milk 1L batch M-NEXT", "Expiring soon: Milk 1L batch M-SOON");
        assertThat(inbox.get(1).get("body")).isEqualTo("12 of Milk 1L (batch M-SOON) expire on 2026-12-08, in 5 days.");
    }

    @Test
    void aBadRuleIsRefusedNamingTheFieldAndNothingIsWritten() {
        Owner owner = newOwnerWithShop("Rules Store");
        String rules = "/api/v1/shops/" + owner.shopId() + "/notification-rules";
        put(rules, owner.token(), Map.of("rules", List.of(Map.of("kind", "LARGE_VOID", "params", Map.of("threshold", "5000.00")))))
                .expectStatus().isOk();

        put(rules, owner.token(), Map.of("rules", List.of(
                Map.of("kind", "LARGE_REFUND", "params", Map.of("threshold", "1000")),
                Map.of("kind", "PRICE_CHANGED", "channels", List.of("IN_APP")))))
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("rules[1].kind")
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("rules[1].kind: unknown event kind PRICE_CHANGED"));
        put(rules, owner.token(), Map.of("rules", List.of(Map.of("kind", "LOGIN_BURST",
                "params", Map.of("failures", "2.5", "windowMinutes", 0), "channels", List.of("PIGEON")))))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'rules[0].params.failures')].message").isEqualTo("must be a whole number")
                .jsonPath("$.errors[?(@.field == 'rules[0].params.windowMinutes')].message").isEqualTo("must be between 1 and 1440")
                .jsonPath("$.errors[?(@.field == 'rules[0].channels')].message").value(m -> assertThat(m.toString()).contains("unknown channel PIGEON"));
        put(rules, owner.token(), Map.of("rules", List.of(Map.of("kind", "STOCK_LOW", "params", Map.of("days", 3)),
                Map.of("kind", "LARGE_VOID", "params", Map.of("threshold", "-1")))))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("rules[0].params.days")
                .jsonPath("$.errors[1].field").isEqualTo("rules[1].params.threshold");

        // still the rule that was set, and the refund threshold untouched at its default
        get(rules, owner.token()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(8)
                .jsonPath("$[?(@.kind == 'LARGE_VOID')].params.threshold").isEqualTo("5000.00")
                .jsonPath("$[?(@.kind == 'LARGE_VOID')].builtIn").isEqualTo(false)
                .jsonPath("$[?(@.kind == 'LARGE_REFUND')].params.threshold").isEqualTo("2000.00")
                .jsonPath("$[?(@.kind == 'LARGE_REFUND')].builtIn").isEqualTo(true);
        // only owners set rules
        String manager = member(owner, "MANAGER");
        put(rules, manager, Map.of("rules", List.of())).expectStatus().isForbidden();
    }

    @Test
    void noticesReachTheAddressedStaffWhoReadAndDeleteOnlyTheirOwn() {
        Owner owner = newOwnerWithShop("Notice Store");
        String base = "/api/v1/shops/" + owner.shopId();
        String cashier = member(owner, "CASHIER");
        String manager = member(owner, "MANAGER");
        post(base + "/notices", owner.token(), Map.of("title", "Stock count", "body", "Stock count on Sunday at 8")).expectStatus().isCreated()
                .expectBody().jsonPath("$.recipients").isEqualTo(2);   // the cashier and the manager, not the owner
        post(base + "/notices", owner.token(), Map.of("title", "Cash drawer", "body", "Count the drawer twice", "roles", List.of("CASHIER")))
                .expectStatus().isCreated().expectBody().jsonPath("$.recipients").isEqualTo(1);
        post(base + "/notices", manager, Map.of("title", "Diwali hours", "body", "Open till 11 pm this week", "roles", List.of("CASHIER")))
                .expectStatus().isCreated().expectBody().jsonPath("$.recipients").isEqualTo(1);
        post(base + "/notices", cashier, Map.of("title", "x", "body", "y")).expectStatus().isForbidden();
        post(base + "/notices", owner.token(), Map.of("title", " ", "body", "y")).expectStatus().isBadRequest();

        assertThat(unread(owner.shopId(), cashier)).isEqualTo(3);
        assertThat(unread(owner.shopId(), manager)).isEqualTo(1);
        assertThat(unread(owner.shopId(), owner.token())).isZero();
        List<Map<String, Object>> mine = items(owner.shopId(), cashier, "");
        assertThat(mine).extracting(i -> i.get("title")).containsExactly("Diwali hours", "Cash drawer", "Stock count");
        String diwali = (String) mine.get(0).get("id");
        String stockCount = (String) mine.get(2).get("id");

        // read the newest: unread ones come first, so it moves to the end
        post(base + "/notifications/" + diwali + "/read", cashier, Map.of()).expectStatus().isNoContent();
        assertThat(unread(owner.shopId(), cashier)).isEqualTo(2);
        assertThat(items(owner.shopId(), cashier, "")).extracting(i -> i.get("title")).containsExactly("Cash drawer", "Stock count", "Diwali hours");
        assertThat(items(owner.shopId(), cashier, "?unread=true")).extracting(i -> i.get("title")).containsExactly("Cash drawer", "Stock count");
        // paged: 2 of 3, then the last
        get(base + "/notifications?size=2", cashier).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.hasMore").isEqualTo(true).jsonPath("$.unread").isEqualTo(2);
        get(base + "/notifications?size=2&page=1", cashier).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].title").isEqualTo("Diwali hours").jsonPath("$.hasMore").isEqualTo(false);
        get(base + "/notifications?size=0", cashier).expectStatus().isBadRequest();

        // another member's item does not exist for them
        post(base + "/notifications/" + stockCount + "/read", manager, Map.of()).expectStatus().isNotFound();
        delete(base + "/notifications/" + stockCount, owner.token()).expectStatus().isNotFound();
        assertThat(unread(owner.shopId(), cashier)).isEqualTo(2);

        post(base + "/notifications/read-all", cashier, Map.of()).expectStatus().isOk().expectBody().jsonPath("$.marked").isEqualTo(2);
        assertThat(unread(owner.shopId(), cashier)).isZero();
        assertThat(unread(owner.shopId(), manager)).isEqualTo(1);
        delete(base + "/notifications/" + stockCount, cashier).expectStatus().isNoContent();
        delete(base + "/notifications/" + stockCount, cashier).expectStatus().isNotFound();
        assertThat(items(owner.shopId(), cashier, "")).extracting(i -> i.get("title")).containsExactly("Diwali hours", "Cash drawer");

        // a shop the caller is not a member of
        Owner other = newOwnerWithShop("Other Store");
        get("/api/v1/shops/" + owner.shopId() + "/notifications", other.token()).expectStatus().isNotFound();
    }

    @Test
    void duringQuietHoursTheEmailWaitsWhileTheInboxHasItAtOnce() {
        Owner owner = newOwnerWithShop("Quiet Store");
        String base = "/api/v1/shops/" + owner.shopId();
        // quiet from an hour ago until an hour from now, shop time (IST)
        LocalDateTime now = LocalDateTime.now(IST).truncatedTo(ChronoUnit.MINUTES);
        String from = now.minusHours(1).toLocalTime().toString();
        String until = now.plusHours(1).toLocalTime().toString();
        put(base + "/notification-preferences", owner.token(), Map.of("quietFrom", from, "quietUntil", until)).expectStatus().isOk()
                .expectBody().jsonPath("$.quietUntil").isEqualTo(until).jsonPath("$.quietFrom").isEqualTo(from).jsonPath("$.email").isEqualTo(true);
        put(base + "/notification-preferences", owner.token(), Map.of("quietFrom", "25:00", "language", "fr")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        put(base + "/notification-rules", owner.token(), Map.of("rules", List.of(
                Map.of("kind", "LARGE_VOID", "channels", List.of("EMAIL"), "params", Map.of("threshold", "5000"))))).expectStatus().isOk();

        // 4,999.00 is under the 5,000.00 threshold; 7,500.00 is over it
        publish(Topics.ORDER, "o-quiet", owner.shopId(), EventTypes.ORDER_VOIDED, voided("o-small", "INV/2627/00011", "4999.00"));
        publish(Topics.ORDER, "o-quiet", owner.shopId(), EventTypes.ORDER_VOIDED, voided("o-large", "INV/2627/00012", "7500.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> unread(owner.shopId(), owner.token()) > 0);
        List<Map<String, Object>> inbox = items(owner.shopId(), owner.token(), "");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0)).containsEntry("title", "Bill INV/2627/00012 voided: ₹7500.00")
                .containsEntry("body", "Bill INV/2627/00012 of ₹7500.00 was voided. Reason: customer changed mind.");

        // the email is due when quiet hours end, and has not been sent meanwhile
        Instant quietEnd = now.plusHours(1).atZone(IST).toInstant();
        List<Map<String, Object>> log = deliveries(owner.shopId(), owner.token(), "deliveries");
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("status", "PENDING").containsEntry("attempts", 0).containsEntry("channel", "EMAIL");
        assertThat(Instant.parse((String) log.get(0).get("nextAttemptAt"))).isEqualTo(quietEnd);
        try {
            Thread.sleep(1000);   // five delivery rounds
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(mailTo(owner.email())).isEmpty();
        assertThat(deliveries(owner.shopId(), owner.token(), "deliveries").get(0)).containsEntry("status", "PENDING");
    }

    @Test
    void aNewDevicePairedIsToldInHindiToAnOwnerWhoReadsHindi() throws Exception {
        Owner owner = newOwnerWithShop("Hindi Store");
        String base = "/api/v1/shops/" + owner.shopId();
        put(base + "/notification-preferences", owner.token(), Map.of("language", "hi")).expectStatus().isOk();
        Map<String, Object> pairing = json(post("/api/v1/devices", owner.token(), Map.of("name", "Counter 1")).expectStatus().isCreated());
        post("/api/v1/devices/pair", null, Map.of("pairingToken", pairing.get("pairingToken"))).expectStatus().isOk();

        // urgent and in the default rule: inbox and email at once
        List<Map<String, Object>> inbox = items(owner.shopId(), owner.token(), "");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0)).containsEntry("kind", "DEVICE_PAIRED").containsEntry("urgent", true)
                .containsEntry("title", "नया डिवाइस जोड़ा गया: Counter 1")
                .containsEntry("body", "डिवाइस Counter 1 दुकान से जोड़ा गया। अगर यह अपेक्षित नहीं था, तो इसे डिवाइस में जाकर हटाएँ।");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(owner.email()).size() == 1);
        MimeMessage mail = mailTo(owner.email()).get(0);
        assertThat(subject(mail)).isEqualTo("नया डिवाइस जोड़ा गया: Counter 1");
        assertThat(content(mail)).startsWith("डिवाइस Counter 1 दुकान से जोड़ा गया।");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("no-reply@kirana.local");
    }

    @Test
    void aBurstOfFailedLoginsWhileSmtpIsDownEndsInTheOwnersDeadLetters() {
        SMTP.stop();
        Owner owner = newOwnerWithShop("Dead Letter Store");
        String base = "/api/v1/shops/" + owner.shopId();
        put(base + "/notification-rules", owner.token(), Map.of("rules", List.of(
                Map.of("kind", "LOGIN_BURST", "params", Map.of("failures", 3, "windowMinutes", 10))))).expectStatus().isOk();
        for (int i = 0; i < 3; i++) {
            post("/api/v1/auth/login", null, Map.of("username", owner.email(), "password", "wrong-pass-" + i)).expectStatus().isUnauthorized();
        }
        // the third failure within 10 minutes is the burst: one notification
        List<Map<String, Object>> inbox = items(owner.shopId(), owner.token(), "");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0)).containsEntry("title", "Failed logins for Owner Dead Letter Store")
                .containsEntry("body", "3 wrong passwords were entered for Owner Dead Letter Store within 10 minutes. If it was not them, change the password.");

        // three attempts (200 ms, then 400 ms apart), then DEAD
        await().atMost(Duration.ofSeconds(20)).until(() -> !deliveries(owner.shopId(), owner.token(), "dead-letters").isEmpty());
        List<Map<String, Object>> dead = deliveries(owner.shopId(), owner.token(), "dead-letters");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0)).containsEntry("status", "DEAD").containsEntry("attempts", 3).containsEntry("channel", "EMAIL")
                .containsEntry("recipient", owner.email()).containsEntry("subject", "Failed logins for Owner Dead Letter Store");
        assertThat((String) dead.get(0).get("lastError")).contains("MailSendException");
        // a fourth failure in the same window tells no one again
        post("/api/v1/auth/login", null, Map.of("username", owner.email(), "password", "wrong-pass-3")).expectStatus().isUnauthorized();
        assertThat(items(owner.shopId(), owner.token(), "")).hasSize(1);
        // the dead-letter list is the owner's
        String manager = member(owner, "MANAGER");
        get(base + "/notifications/dead-letters", manager).expectStatus().isForbidden();
    }

    @Test
    void khataRemindersAndCashVariancesGoBySmsAndWhatsApp() {
        String phone = uniquePhone();
        String email = uniqueEmail("phone-owner");
        String token = (String) register("Phone Owner", email, phone, "owner-pass-123").get("accessToken");
        String shop = (String) json(post("/api/v1/shops", token, Map.of("name", "Phone Store", "stateCode", "29")).expectStatus().isCreated()).get("id");
        String base = "/api/v1/shops/" + shop;
        put(base + "/notification-rules", token, Map.of("rules", List.of(
                Map.of("kind", "KHATA_REMINDER", "channels", List.of("SMS", "WHATSAPP")),
                Map.of("kind", "CASH_VARIANCE", "channels", List.of("WHATSAPP"), "params", Map.of("minVariance", "100.00"))))).expectStatus().isOk();
        int smsBefore = sent.count(phone);

        publish(Topics.ACCOUNTING, "party-1", shop, EventTypes.KHATA_REMINDER_SENT, new AccountingEvents.ReminderSent("rem-1", "party-1",
                new BigDecimal("1250.50"), "+919812300001", "u-owner", Instant.now()));
        // counted 4,850.00 against 5,000.00 expected: −150.00, beyond the 100.00 allowed; the next day's −50.00 is not
        publish(Topics.ACCOUNTING, "day", shop, EventTypes.DAY_CLOSED, new AccountingEvents.DayClosed(LocalDate.of(2026, 12, 2),
                new BigDecimal("4850.00"), new BigDecimal("5000.00"), new BigDecimal("-150.00"), "je-1", "u-owner", Instant.now()));
        publish(Topics.ACCOUNTING, "day", shop, EventTypes.DAY_CLOSED, new AccountingEvents.DayClosed(LocalDate.of(2026, 12, 3),
                new BigDecimal("4950.00"), new BigDecimal("5000.00"), new BigDecimal("-50.00"), "je-2", "u-owner", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> WHATSAPP.stream().filter(w -> w[1].contains(phone)).count() == 2
                && sent.count(phone) == smsBefore + 1);
        assertThat(unread(shop, token)).isEqualTo(2);
        List<String[]> wa = WHATSAPP.stream().filter(w -> w[1].contains(phone)).toList();
        assertThat(wa).allSatisfy(w -> assertThat(w[0]).isEqualTo("Bearer whatsapp-test-token"));
        assertThat(wa).extracting(w -> w[1]).anySatisfy(b -> assertThat(b).contains("\"type\":\"text\"")
                .contains("Khata reminder sent for ₹1250.50\\nA payment reminder for ₹1250.50 was sent to +919812300001."));
        assertThat(wa).extracting(w -> w[1]).anySatisfy(b -> assertThat(b)
                .contains("Cash variance at day close on 2026-12-02\\nThe drawer was counted at ₹4850.00 against ₹5000.00 expected: a variance of ₹-150.00."));
    }
}
