package dev.kirana.accounting.khata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.accounting.BooksTestSupport;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Payment reminders by SMS against the real PostgreSQL and Kafka, with the log provider behind a sender that remembers
 * what it sent: the text (shop name, amount with Indian grouping), one per party per day even for two requests at the
 * same moment, the refusals, the list and the event partners see.
 */
@KiranaServiceTest
class PaymentReminderTest {
    private static final String TEXT_END = " is due on your account. Please pay at the shop or by UPI.";
    private static final EventSchemaValidator SCHEMAS = new EventSchemaValidator();

    @Autowired
    WebTestClient http;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    DatabaseClient db;

    static String owner(String shop) {
        return BooksTestSupport.token(shop, "OWNER");
    }

    WebTestClient.ResponseSpec remind(String shop, String role, String partyId) {
        return http.post().uri("/api/v1/accounting/parties/" + partyId + "/reminders")
                .headers(h -> h.setBearerAuth(BooksTestSupport.token(shop, role))).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> created(WebTestClient.ResponseSpec spec) {
        return spec.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    void problem(WebTestClient.ResponseSpec spec, int status, String type) {
        spec.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/" + type).jsonPath("$.detail").exists();
    }

    String party(String shop, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = http.post().uri("/api/v1/accounting/parties").headers(h -> h.setBearerAuth(owner(shop)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) p.get("id");
    }

    static String phone() {
        return "9" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
    }

    /** A shop as auth-service announces it; waits until the books know its name. */
    String namedShop(String name) {
        String shop = BooksTestSupport.newShop();
        BooksTestSupport.publish(Topics.SHOP, shop, shop, EventTypes.SHOP_CREATED,
                new ShopEvents.ShopCreated(shop, name, "29", null, "INR", "REGULAR", "u-owner"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT name FROM shop_states WHERE shop_id = :s AND name IS NOT NULL")
                .bind("s", shop).map(r -> r.get("name", String.class)).one().blockOptional().isPresent());
        return shop;
    }

    @Test
    void aCustomerWhoOwesIsTextedOnceADayInTheShopsNameAndPartnersHearOfIt() {
        String shop = namedShop("Sri Lakshmi Stores");
        String phone = phone();
        String asha = party(shop, Map.of("kind", "CUSTOMER", "name", "Asha Patil", "phone", phone, "openingBalance", "123456.00"));
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ACCOUNTING)) {
            Map<String, Object> sent = created(remind(shop, "MANAGER", asha));
            String text = "Sri Lakshmi Stores: ₹1,23,456.00" + TEXT_END;
            assertThat(sent).containsEntry("partyId", asha).containsEntry("amountDue", "123456.00").containsEntry("phone", "+91" + phone)
                    .containsEntry("message", text).containsEntry("sentBy", "u-manager");
            assertThat(sms.to("+91" + phone)).containsExactly(text);
            assertThat(text).hasSizeLessThan(160);

            // the next one within 24 h: refused, with when to try again, and nothing sent
            EntityExchangeResult<byte[]> again = remind(shop, "OWNER", asha).expectStatus().isEqualTo(429)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/reminder-too-soon").returnResult();
            long retryAfter = Long.parseLong(again.getResponseHeaders().getFirst("Retry-After"));
            assertThat(retryAfter).isBetween(Duration.ofHours(24).toSeconds() - 120, Duration.ofHours(24).toSeconds());
            assertThat(sms.to("+91" + phone)).hasSize(1);

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = http.get().uri("/api/v1/accounting/parties/" + asha + "/reminders")
                    .headers(h -> h.setBearerAuth(BooksTestSupport.token(shop, "AUDITOR"))).exchange()
                    .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
                    .map(m -> (Map<String, Object>) m).toList();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0)).containsEntry("id", sent.get("id")).containsEntry("amountDue", "123456.00")
                    .containsEntry("message", text);

            List<CloudEvent> events = probe.awaitUntil(records -> records.stream().anyMatch(r -> shop.equals(TopicProbe.header(r, "ce_shopid"))
                            && EventTypes.KHATA_REMINDER_SENT.equals(TopicProbe.header(r, "ce_type"))), Duration.ofSeconds(30)).stream()
                    .filter(r -> shop.equals(TopicProbe.header(r, "ce_shopid")))
                    .filter(r -> EventTypes.KHATA_REMINDER_SENT.equals(TopicProbe.header(r, "ce_type")))
                    .map(r -> {
                        assertThat(r.key()).isEqualTo(asha);
                        return KiranaEvents.fromRecord(r);
                    }).toList();
            assertThat(events).hasSize(1);
            events.forEach(SCHEMAS::assertValid);
            String data = new String(events.get(0).getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(data).contains("\"amountDue\":\"123456.00\"").contains("\"phone\":\"+91" + phone + "\"")
                    .contains("\"reminderId\":\"" + sent.get("id") + "\"");
        }
    }

    @Test
    void twoRemindersAtTheSameMomentSendOneText() throws Exception {
        String shop = BooksTestSupport.newShop(); // no shop event: the text is signed "Your shop"
        String phone = phone();
        String ravi = party(shop, Map.of("kind", "CUSTOMER", "name", "Ravi Kumar", "phone", phone, "openingBalance", "1234567.50"));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> calls = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return remind(shop, "OWNER", ravi).returnResult(byte[].class).getStatus().value();
            }, two)).toList();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(201, 429);
        } finally {
            two.shutdown();
        }
        assertThat(sms.to("+91" + phone)).containsExactly("Your shop: ₹12,34,567.50" + TEXT_END);
        Long rows = db.sql("SELECT count(*) AS n FROM khata_reminders WHERE shop_id = :s AND party_id = :p")
                .bind("s", shop).bind("p", UUID.fromString(ravi)).map(r -> r.get("n", Long.class)).one().block();
        assertThat(rows).isEqualTo(1L);
    }

    @Test
    void onlyACustomerWithAPhoneWhoOwesSomethingIsReminded() {
        String shop = BooksTestSupport.newShop();
        String noPhone = party(shop, Map.of("kind", "CUSTOMER", "name", "Meena", "openingBalance", "500.00"));
        String advance = party(shop, Map.of("kind", "CUSTOMER", "name", "Suresh", "phone", phone(), "openingBalance", "-200.00"));
        String settled = party(shop, Map.of("kind", "CUSTOMER", "name", "Farida", "phone", phone()));
        String supplier = party(shop, new HashMap<>(Map.of("kind", "SUPPLIER", "name", "Gupta Traders", "phone", phone(),
                "openingBalance", "900.00")));
        String owes = party(shop, Map.of("kind", "CUSTOMER", "name", "Kiran", "phone", phone(), "openingBalance", "75.00"));

        problem(remind(shop, "OWNER", noPhone), 422, "no-phone");
        problem(remind(shop, "OWNER", advance), 422, "nothing-due");
        problem(remind(shop, "OWNER", settled), 422, "nothing-due");
        problem(remind(shop, "OWNER", supplier), 422, "reminder-to-supplier");
        problem(remind(shop, "OWNER", UUID.randomUUID().toString()), 404, "not-found");
        problem(remind(BooksTestSupport.newShop(), "OWNER", owes), 404, "not-found");
        http.get().uri("/api/v1/accounting/parties/" + owes + "/reminders").headers(h -> h.setBearerAuth(owner(BooksTestSupport.newShop())))
                .exchange().expectStatus().isNotFound();
        remind(shop, "CASHIER", owes).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        remind(shop, "AUDITOR", owes).expectStatus().isForbidden();
        http.get().uri("/api/v1/accounting/parties/" + owes + "/reminders").headers(h -> h.setBearerAuth(BooksTestSupport.token(shop, "CASHIER")))
                .exchange().expectStatus().isForbidden();
        Long rows = db.sql("SELECT count(*) AS n FROM khata_reminders WHERE shop_id = :s").bind("s", shop)
                .map(r -> r.get("n", Long.class)).one().block();
        assertThat(rows).isZero();
        // and the one who owes is reminded
        assertThat(created(remind(shop, "OWNER", owes))).containsEntry("amountDue", "75.00");
    }

    @Test
    void theRemindersAreInTheOpenApiDocument() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/accounting/parties/{partyId}/reminders'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/parties/{partyId}/reminders'].post.responses['429']").exists()
                .jsonPath("$.paths['/api/v1/accounting/parties/{partyId}/reminders'].get.summary").exists();
    }
}
