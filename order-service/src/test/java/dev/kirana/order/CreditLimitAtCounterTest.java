package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Credit limits at the counter, with accounting played by the test: it publishes the party events accounting-service
 * publishes on kirana.accounting.events, and order-service holds CREDIT sales against the replica it builds from them.
 */
class CreditLimitAtCounterTest extends OrderServiceTestBase {
    static final String SHOP = "shop-credit-" + UUID.randomUUID();
    static final String ASHA = UUID.randomUUID().toString();
    static final String ASHA_PHONE = "98" + (System.nanoTime() % 100_000_000L + 100_000_000L);
    static String toor, dal;
    static TopicProbe orderTopic;

    final String cashier = token("u-cashier-c", SHOP, "CASHIER");
    final String owner = token("u-owner-c", SHOP, "OWNER");

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void shopCatalogAndKhata() {
        shop(SHOP, "Lakshmi Stores", "29", "29AAPFU0939F1ZU", "REGULAR");
        // no GST on either, so the credit amounts are the prices: 581.00 and 390.00
        toor = product(SHOP, "TOOR-5", null, "0713", "0", "581.00", false);
        dal = product(SHOP, "MOONG-2", null, "0713", "0", "390.00", false);
        FakeInventory.get().serve(SHOP, Set.of());
        orderTopic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ORDER);
        Instant created = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        publish(Topics.ACCOUNTING, ASHA, SHOP, EventTypes.PARTY_CREATED, new AccountingEvents.PartyCreated(ASHA, "CUSTOMER",
                "Asha", ASHA_PHONE, null, "29", null, new BigDecimal("5000.00"), BigDecimal.ZERO, LocalDate.now(), "API", created));
    }

    @AfterAll
    static void close() {
        orderTopic.close();
    }

    static CloudEvent balanceChanged(String balance, Instant at) {
        return publish(Topics.ACCOUNTING, ASHA, SHOP, EventTypes.PARTY_BALANCE_CHANGED, new AccountingEvents.PartyBalanceChanged(
                ASHA, "CUSTOMER", new BigDecimal(balance), new BigDecimal("5000.00"), null, at));
    }

    BigDecimal replicaBalance() {
        return db.sql("SELECT balance FROM party_balances WHERE shop_id = :shop AND party_id = :id")
                .bind("shop", SHOP).bind("id", ASHA).map(r -> r.get("balance", BigDecimal.class)).one().block();
    }

    boolean processed(CloudEvent event) {
        return Boolean.TRUE.equals(db.sql("SELECT EXISTS (SELECT 1 FROM kirana_inbox WHERE event_id = :id) AS seen")
                .bind("id", event.getId()).map(r -> r.get("seen", Boolean.class)).one().block());
    }

    /** Waits until the shop's registration and both products have reached order-service. */
    void ready() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(get("/api/v1/orders/settings", cashier).get("registrationKnown")));
        for (String p : List.of(toor, dal)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> post("/api/v1/orders", cashier, UUID.randomUUID().toString(), null,
                    Map.of("lines", List.of(Map.of("productId", p, "quantity", "1")), "tenders", List.of(Map.of("type", "CARD", "amount", "0.01"))))
                    .expectBody(String.class).returnResult().getResponseBody().contains("\"field\":\"tenders\""));
        }
    }

    static Map<String, Object> creditSale(String product, String amount, String phone, Boolean override) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "lines", List.of(Map.of("productId", product, "quantity", "1")),
                "customer", Map.of("name", "Asha", "phone", phone),
                "tenders", List.of(Map.of("type", "CREDIT", "amount", amount))));
        if (override != null) {
            body.put("creditOverride", override);
        }
        return body;
    }

    List<CloudEvent> events(String orderId, int atLeast) {
        return eventsOf(orderTopic.awaitUntil(seen -> seen.stream().filter(r -> orderId.equals(r.key())).count() >= atLeast,
                Duration.ofSeconds(30)), orderId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void creditSalesAreHeldAgainstTheLimitAndAnOwnerMayOverride() {
        ready();
        Instant booked = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        balanceChanged("4600.00", booked);
        await().atMost(Duration.ofSeconds(30)).until(() -> new BigDecimal("4600.00").equals(replicaBalance()));

        // 4,600 + 581 = 5,181 > 5,000: refused, with the figures for the counter's screen, and nothing written
        Map<String, Object> refused = body(place(cashier, creditSale(toor, "581.00", ASHA_PHONE, null), "wait=15")
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat((String) refused.get("type")).endsWith("/credit-limit-exceeded");
        assertThat(refused).containsEntry("partyId", ASHA).containsEntry("creditLimit", "5000.00")
                .containsEntry("balance", "4600.00").containsEntry("amount", "581.00").containsEntry("balanceAfter", "5181.00")
                .containsEntry("overBy", "181.00").containsEntry("available", "400.00").containsEntry("creditNotInBooks", "0.00");
        assertThat((String) refused.get("detail")).contains("5000.00", "4600.00", "581.00");
        assertThat(getList("/api/v1/orders?customer=" + ASHA_PHONE, cashier)).isEmpty();

        // a cashier cannot override the limit
        Map<String, Object> forbidden = body(place(cashier, creditSale(toor, "581.00", ASHA_PHONE, true), "wait=15")
                .expectStatus().isForbidden());
        assertThat((String) forbidden.get("detail")).contains("owner or manager");
        assertThat(getList("/api/v1/orders?customer=" + ASHA_PHONE, cashier)).isEmpty();

        // 4,600 + 390 = 4,990 ≤ 5,000: sold
        Map<String, Object> within = body(place(cashier, creditSale(dal, "390.00", ASHA_PHONE, null), "wait=15").expectStatus().isCreated());
        assertThat(within).containsEntry("status", "CONFIRMED").containsEntry("creditOverride", null);

        // the books have not caught up with that sale yet: order-service counts it, 4,990 + 581 = 5,571 > 5,000
        Map<String, Object> stillRefused = body(place(cashier, creditSale(toor, "581.00", ASHA_PHONE, null), "wait=15")
                .expectStatus().isEqualTo(422));
        assertThat(stillRefused).containsEntry("balance", "4990.00").containsEntry("khataBalance", "4600.00")
                .containsEntry("creditNotInBooks", "390.00").containsEntry("balanceAfter", "5571.00");

        // a quote of that sale is refused with the same figures, and an owner's quote with the override is priced
        Map<String, Object> quoteRefused = body(post("/api/v1/orders/quote", cashier, null, null,
                creditSale(toor, "581.00", ASHA_PHONE, null)).expectStatus().isEqualTo(422));
        assertThat((String) quoteRefused.get("type")).endsWith("/credit-limit-exceeded");
        assertThat(quoteRefused).containsEntry("balance", "4990.00").containsEntry("creditNotInBooks", "390.00")
                .containsEntry("overBy", "571.00");
        assertThat(body(post("/api/v1/orders/quote", owner, null, null, creditSale(toor, "581.00", ASHA_PHONE, true))
                .expectStatus().isOk())).containsEntry("total", "581.00");
        assertThat(getList("/api/v1/orders?customer=" + ASHA_PHONE, cashier)).hasSize(1);

        // the owner allows it: sold, with the override on the order and on its events
        Map<String, Object> overridden = body(place(owner, creditSale(toor, "581.00", ASHA_PHONE, true), "wait=15")
                .expectStatus().isCreated());
        assertThat(overridden).containsEntry("status", "CONFIRMED");
        assertThat((Map<String, Object>) overridden.get("creditOverride")).containsEntry("by", "u-owner-c")
                .containsEntry("role", "OWNER").containsEntry("creditLimit", "5000.00").containsEntry("balance", "4990.00")
                .containsEntry("amount", "581.00");
        String id = (String) overridden.get("id");
        assertThat((Map<String, Object>) get("/api/v1/orders/" + id, cashier).get("creditOverride")).containsEntry("by", "u-owner-c");
        List<CloudEvent> evs = events(id, 2);
        assertThat(evs).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED);
        evs.forEach(e -> {
            assertThat(SCHEMAS.validate(e)).isEmpty();
            assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                    .contains("\"creditOverride\":{\"by\":\"u-owner-c\",\"role\":\"OWNER\",\"creditLimit\":\"5000.00\"");
        });

        // accounting posts both sales: 4,600 + 390 + 581 = 5,571, and the credit counted by order-service drops out
        Instant caughtUp = Instant.now().truncatedTo(ChronoUnit.MICROS);
        balanceChanged("5571.00", caughtUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> new BigDecimal("5571.00").equals(replicaBalance()));

        // an older balance arriving late (a replay) does not lower the known balance, and an event seen twice counts once
        CloudEvent stale = balanceChanged("1000.00", booked.plus(1, ChronoUnit.MINUTES));
        CloudEvent latest = balanceChanged("5571.00", caughtUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(stale) && processed(latest));
        publish(Topics.ACCOUNTING, ASHA, latest);
        assertThat(replicaBalance()).isEqualByComparingTo("5571.00");

        // so even a small credit sale is refused: 5,571 + 390 = 5,961 > 5,000 (not 1,000 + 390)
        Map<String, Object> afterReplay = body(place(cashier, creditSale(dal, "390.00", ASHA_PHONE, null), "wait=15")
                .expectStatus().isEqualTo(422));
        assertThat(afterReplay).containsEntry("balance", "5571.00").containsEntry("creditNotInBooks", "0.00")
                .containsEntry("balanceAfter", "5961.00").containsEntry("available", "0.00");
    }

    @Test
    void aCustomerAccountingHasNotToldUsOfIsANewCustomerAndMayBuyOnCredit() {
        ready();
        String stranger = "97" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        Map<String, Object> sold = body(place(cashier, creditSale(toor, "581.00", stranger, null), "wait=15").expectStatus().isCreated());
        assertThat(sold).containsEntry("status", "CONFIRMED").containsEntry("creditOverride", null);
    }

    @Test
    void aMergedRecordsPhoneFindsTheSurvivorsKhata() {
        ready();
        String survivor = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        String oldPhone = "96" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        String newPhone = "95" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        publish(Topics.ACCOUNTING, duplicate, SHOP, EventTypes.PARTY_CREATED, new AccountingEvents.PartyCreated(duplicate,
                "CUSTOMER", "Ravi (old number)", oldPhone, null, "29", null, null, BigDecimal.ZERO, LocalDate.now(), "SALE", at));
        publish(Topics.ACCOUNTING, survivor, SHOP, EventTypes.PARTY_CREATED, new AccountingEvents.PartyCreated(survivor,
                "CUSTOMER", "Ravi", newPhone, null, "29", null, new BigDecimal("1000.00"), BigDecimal.ZERO, LocalDate.now(), "API", at));
        publish(Topics.ACCOUNTING, survivor, SHOP, EventTypes.PARTY_MERGED, new AccountingEvents.PartyMerged(survivor, duplicate,
                "CUSTOMER", 3, "u-owner-c", at.plusSeconds(1)));
        CloudEvent last = publish(Topics.ACCOUNTING, survivor, SHOP, EventTypes.PARTY_BALANCE_CHANGED,
                new AccountingEvents.PartyBalanceChanged(survivor, "CUSTOMER", new BigDecimal("950.00"), new BigDecimal("1000.00"),
                        null, at.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(last));
        // sold under the old number: 950 + 390 = 1,340 > 1,000 on the survivor's khata
        Map<String, Object> refused = body(place(cashier, creditSale(dal, "390.00", oldPhone, null), "wait=15")
                .expectStatus().isEqualTo(422));
        assertThat(refused).containsEntry("partyId", survivor).containsEntry("customerName", "Ravi")
                .containsEntry("creditLimit", "1000.00").containsEntry("balance", "950.00").containsEntry("overBy", "340.00");
    }

    @Test
    void theOverrideAndTheRefusalAreInTheOpenApiDocument() {
        String doc = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(doc).contains("\"creditOverride\"", "credit-limit-exceeded", "\"422\"");
    }

    @Test
    void aCashierSendingAnOverrideIsRefusedEvenWithinTheLimit() {
        Map<String, Object> forbidden = body(place(cashier, creditSale(dal, "390.00", ASHA_PHONE, true), null)
                .expectStatus().isForbidden());
        assertThat((String) forbidden.get("type")).endsWith("/forbidden");
    }
}
