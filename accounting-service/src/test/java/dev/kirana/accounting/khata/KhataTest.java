package dev.kirana.accounting.khata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.accounting.BooksTestSupport;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Parties and khata through the API and the sales events, against the real PostgreSQL and Kafka: opening balances,
 * credit sales linked to their customer, collections and supplier payments (partly, fully, in advance), reversals,
 * statements with ageing, merges, roles, bad input, and the events partners see.
 */
@KiranaServiceTest
class KhataTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    final LocalDate today = LocalDate.now(IST);

    @Autowired
    WebTestClient http;

    @AfterAll
    static void close() {
        PRODUCER.close();
    }

    static String token(String shop, String role) {
        return TestInfrastructure.get().jwt().token("u-" + role.toLowerCase(), shop, role);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    // ---- HTTP helpers (every body is read) ----

    WebTestClient.ResponseSpec post(String uri, String token, String key, Object body) {
        return http.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    Map<String, Object> ok(WebTestClient.ResponseSpec spec, int status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = spec.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
        return body;
    }

    void problem(WebTestClient.ResponseSpec spec, int status) {
        spec.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").exists();
    }

    String createParty(String shop, Map<String, Object> body) {
        return (String) ok(post("/api/v1/accounting/parties", token(shop, "OWNER"), null, body), 201).get("id");
    }

    Map<String, Object> party(String shop, String id) {
        return ok(get("/api/v1/accounting/parties/" + id, token(shop, "OWNER")), 200);
    }

    String balance(String shop, String id) {
        return (String) party(shop, id).get("balance");
    }

    Map<String, Object> collect(String shop, String role, String partyId, Map<String, Object> body) {
        return ok(post("/api/v1/accounting/parties/" + partyId + "/collections", token(shop, role), UUID.randomUUID().toString(), body), 201);
    }

    // ---- sales events ----

    static void publishSale(String shop, String type, String orderId, Object data, Instant at) {
        CloudEvent e = KiranaEvents.event(UUID.randomUUID().toString(), type, "order-service", orderId, shop,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), EventJson.write(data));
        try {
            PRODUCER.send(KiranaEvents.toRecord(Topics.ORDER, orderId, e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static OrderEvents.Tender tender(String type, String amount) {
        return new OrderEvents.Tender(type, d(amount), null, null, null, null);
    }

    /** A sale of one line at 5% GST intra-state: {@code total} = taxable + 2.5% + 2.5% + round-off, all on credit. */
    static OrderEvents.OrderConfirmed creditSale(String orderId, OrderEvents.Customer customer, String total, String taxable,
                                                 String halfTax, String roundOff) {
        return new OrderEvents.OrderConfirmed(orderId, "u-cashier", "INR", List.of(new OrderEvents.OrderLine("p-atta", "ATTA",
                "Atta", d("1"), d(total), d(total))), d(total), Instant.now(), "INV/2627/" + orderId.substring(0, 5), Instant.now(),
                null, "TAX_INVOICE", "29", "29", "INTRA_STATE", customer, List.of(tender("CREDIT", total)), d("0"), d(taxable),
                d(halfTax), d(halfTax), d("0"), d(roundOff), 0L);
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    // ---- the journeys ----

    @Test
    void aCustomersKhataFromOpeningBalanceToCollectionsReversalStatementAndAgeing() {
        String shop = "shop-" + UUID.randomUUID();
        String owner = token(shop, "OWNER");
        String cashier = token(shop, "CASHIER");
        String auditor = token(shop, "AUDITOR");
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ACCOUNTING)) {
            Map<String, Object> body = new HashMap<>(Map.of("kind", "CUSTOMER", "name", "Asha Patil", "phone", "+91 98765 00001",
                    "stateCode", "29", "creditLimit", "5000", "openingBalance", "250.00", "openingDate", today.minusDays(100).toString()));
            var created = post("/api/v1/accounting/parties", owner, null, body).expectStatus().isCreated()
                    .expectHeader().valueMatches("Location", "/api/v1/accounting/parties/[0-9a-f-]{36}")
                    .expectHeader().valueEquals("ETag", "W/\"1\"")
                    .expectBody(Map.class).returnResult().getResponseBody();
            String asha = (String) created.get("id");
            assertThat(created.get("phone")).isEqualTo("9876500001");
            assertThat(created.get("stateName")).isEqualTo("Karnataka");
            assertThat(created.get("balance")).isEqualTo("250.00");

            // a credit sale 45 days ago names her by phone: 553.33 + 13.83 + 13.83 + 0.01 = 581.00, all on her khata
            String order = UUID.randomUUID().toString();
            publishSale(shop, EventTypes.ORDER_CONFIRMED, order, creditSale(order,
                    new OrderEvents.Customer("Asha", "9876500001", null, null), "581.00", "553.33", "13.83", "0.01"), daysAgo(45));
            // 250.00 + 581.00
            await().atMost(Duration.ofSeconds(30)).until(() -> "831.00".equals(balance(shop, asha)));
            // the same sale announced again (a new event id) posts nothing twice and makes no second party
            publishSale(shop, EventTypes.ORDER_CONFIRMED, order, creditSale(order,
                    new OrderEvents.Customer("Asha", "9876500001", null, null), "581.00", "553.33", "13.83", "0.01"), daysAgo(45));
            String marker = UUID.randomUUID().toString();
            publishSale(shop, EventTypes.ORDER_CONFIRMED, marker, creditSale(marker, null, "10.00", "9.52", "0.24", "0.00"), Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/accounting/journal?from=" + today + "&to=" + today, owner)
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody().contains(marker));
            assertThat(balance(shop, asha)).isEqualTo("831.00");
            assertThat(ok(get("/api/v1/accounting/parties?kind=CUSTOMER", owner), 200).get("total")).isEqualTo(1);

            // the cashier takes 300.00 by UPI (dated 10 days ago); a retry with the same key records nothing more
            Map<String, Object> upi = Map.of("amount", "300.00", "mode", "UPI", "reference", "UTR 412345678901",
                    "date", today.minusDays(10).toString());
            String key = UUID.randomUUID().toString();
            Map<String, Object> first = ok(post("/api/v1/accounting/parties/" + asha + "/collections", cashier, key, upi), 201);
            assertThat(first.get("balanceAfter")).isEqualTo("531.00");   // 831 − 300
            post("/api/v1/accounting/parties/" + asha + "/collections", cashier, key, upi).expectStatus().isCreated()
                    .expectHeader().valueEquals("Idempotent-Replayed", "true")
                    .expectBody().jsonPath("$.id").isEqualTo(first.get("id"));
            Map<String, Object> atCounter = ok(get("/api/v1/accounting/parties/" + asha + "/balance", cashier), 200);
            assertThat(atCounter.get("due")).isEqualTo("531.00");
            assertThat(atCounter.get("availableCredit")).isEqualTo("4469.00");   // 5000 − 531
            // the counter finds her by the phone she gives
            Map<String, Object> byPhone = ok(get("/api/v1/accounting/parties/balance?phone=98765-00001", cashier), 200);
            assertThat(byPhone.get("partyId")).isEqualTo(asha);
            assertThat(byPhone.get("due")).isEqualTo("531.00");
            problem(get("/api/v1/accounting/parties/balance?phone=9000000000", cashier), 404);

            // 600.00 in cash by mistake: she has paid 69.00 ahead …
            Map<String, Object> cash = collect(shop, "OWNER", asha, Map.of("amount", "600", "mode", "CASH"));
            assertThat(cash.get("balanceAfter")).isEqualTo("-69.00");       // 531 − 600
            Map<String, Object> ahead = party(shop, asha);
            assertThat(ahead.get("due")).isEqualTo("0.00");
            assertThat(ahead.get("advance")).isEqualTo("69.00");
            // … until it is reversed by a counter-entry
            String cashId = (String) cash.get("id");
            Map<String, Object> undo = ok(post("/api/v1/accounting/payments/" + cashId + "/reversal", owner, UUID.randomUUID().toString(),
                    Map.of("reason", "entered twice")), 201);
            assertThat(undo.get("balanceAfter")).isEqualTo("531.00");
            assertThat(undo.get("reversalOf")).isEqualTo(cashId);
            assertThat(ok(get("/api/v1/accounting/payments/" + cashId, owner), 200).get("reversedBy")).isEqualTo(undo.get("id"));
            problem(post("/api/v1/accounting/payments/" + cashId + "/reversal", owner, UUID.randomUUID().toString(),
                    Map.of("reason", "again")), 409);
            problem(post("/api/v1/accounting/payments/" + undo.get("id") + "/reversal", owner, UUID.randomUUID().toString(),
                    Map.of("reason", "undo the undo")), 422);

            // the statement from 50 days ago: 250.00 brought forward, then
            //   sale −45d   Dr 581.00 → 831.00;  UPI −10d Cr 300.00 → 531.00;  cash today Cr 600.00 → −69.00;  reversal Dr 600.00 → 531.00
            Map<String, Object> st = ok(get("/api/v1/accounting/parties/" + asha + "/statement?from=" + today.minusDays(50) + "&to=" + today,
                    auditor), 200);
            @SuppressWarnings("unchecked")
            Map<String, Object> statement = (Map<String, Object>) st.get("statement");
            assertThat(statement.get("openingBalance")).isEqualTo("250.00");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) statement.get("lines");
            assertThat(lines).extracting(l -> l.get("type")).containsExactly("SALE", "COLLECTION", "COLLECTION", "REVERSAL");
            assertThat(lines).extracting(l -> l.get("balance")).containsExactly("831.00", "531.00", "-69.00", "531.00");
            assertThat(statement.get("totalDebits")).isEqualTo("1181.00");    // 581 + 600
            assertThat(statement.get("totalCredits")).isEqualTo("900.00");    // 300 + 600
            assertThat(statement.get("closingBalance")).isEqualTo("531.00");  // 250 + 1181 − 900
            // ageing today: the 300.00 pays off the opening 250.00 (100 days old) and 50.00 of the sale (45 days old);
            // the cash and its reversal cancel out: 531.00 of the sale is 31–60 days old
            @SuppressWarnings("unchecked")
            Map<String, Object> ageing = (Map<String, Object>) st.get("ageing");
            assertThat(ageing.get("over90Days")).isEqualTo("0.00");
            assertThat(ageing.get("days61To90")).isEqualTo("0.00");
            assertThat(ageing.get("days31To60")).isEqualTo("531.00");
            assertThat(ageing.get("days0To30")).isEqualTo("0.00");
            assertThat(ageing.get("totalDue")).isEqualTo("531.00");

            byte[] pdf = http.get().uri("/api/v1/accounting/parties/" + asha + "/statement.pdf?from=" + today.minusDays(50) + "&to=" + today)
                    .headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isOk()
                    .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

            // bad input is refused with a problem and writes nothing
            problem(post("/api/v1/accounting/parties/" + asha + "/collections", owner, UUID.randomUUID().toString(),
                    Map.of("amount", "0", "mode", "CASH")), 400);
            problem(post("/api/v1/accounting/parties/" + asha + "/collections", owner, UUID.randomUUID().toString(),
                    Map.of("amount", "-5", "mode", "CASH")), 400);
            problem(post("/api/v1/accounting/parties/" + asha + "/collections", owner, UUID.randomUUID().toString(),
                    Map.of("amount", "10", "mode", "UPI")), 400);   // UPI without its reference
            problem(post("/api/v1/accounting/parties/" + asha + "/collections", owner, null, Map.of("amount", "10", "mode", "CASH")), 400);
            problem(post("/api/v1/accounting/parties/" + UUID.randomUUID() + "/collections", owner, UUID.randomUUID().toString(),
                    Map.of("amount", "10", "mode", "CASH")), 404);
            // another shop's owner does not see her at all
            String elsewhere = token("shop-" + UUID.randomUUID(), "OWNER");
            problem(get("/api/v1/accounting/parties/" + asha, elsewhere), 404);
            problem(get("/api/v1/accounting/parties/" + asha + "/balance", elsewhere), 404);
            problem(post("/api/v1/accounting/parties/" + asha + "/collections", elsewhere, UUID.randomUUID().toString(),
                    Map.of("amount", "10", "mode", "CASH")), 404);
            // roles: a cashier collects and reads one balance, nothing else; an auditor reads, never writes
            problem(get("/api/v1/accounting/parties/" + asha, cashier), 403);
            problem(get("/api/v1/accounting/parties", cashier), 403);
            problem(get("/api/v1/accounting/parties/" + asha + "/statement?from=" + today + "&to=" + today, cashier), 403);
            problem(post("/api/v1/accounting/payments/" + first.get("id") + "/reversal", cashier, UUID.randomUUID().toString(),
                    Map.of("reason", "x")), 403);
            problem(post("/api/v1/accounting/parties/" + asha + "/collections", auditor, UUID.randomUUID().toString(),
                    Map.of("amount", "10", "mode", "CASH")), 403);
            problem(post("/api/v1/accounting/parties", cashier, null, Map.of("kind", "CUSTOMER", "name", "X")), 403);
            List<?> payments = get("/api/v1/accounting/parties/" + asha + "/payments", owner).expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody();
            assertThat(payments).hasSize(3);   // the UPI 300, the cash 600 and its reversal
            assertThat(balance(shop, asha)).isEqualTo("531.00");

            // what partners see: every event valid against its schema, keyed by the party
            List<CloudEvent> events = shopEvents(probe, shop, list -> list.stream().filter(e -> e.getType().equals(EventTypes.PARTY_BALANCE_CHANGED)).count() >= 5);
            EventSchemaValidator validator = new EventSchemaValidator();
            events.forEach(validator::assertValid);
            assertThat(events).allMatch(e -> asha.equals(e.getSubject()));
            assertThat(events).extracting(CloudEvent::getType).containsSubsequence(EventTypes.PARTY_CREATED, EventTypes.PARTY_BALANCE_CHANGED,
                    EventTypes.PARTY_BALANCE_CHANGED, EventTypes.PAYMENT_RECEIVED, EventTypes.PARTY_BALANCE_CHANGED,
                    EventTypes.PAYMENT_RECEIVED, EventTypes.PARTY_BALANCE_CHANGED, EventTypes.PAYMENT_RECEIVED, EventTypes.PARTY_BALANCE_CHANGED);
            List<String> received = events.stream().filter(e -> e.getType().equals(EventTypes.PAYMENT_RECEIVED))
                    .map(e -> KiranaEvents.data(e, dev.kirana.events.AccountingEvents.PaymentReceived.class).amount().toPlainString()).toList();
            assertThat(received).containsExactly("300.00", "600.00", "-600.00");
            List<String> balances = events.stream().filter(e -> e.getType().equals(EventTypes.PARTY_BALANCE_CHANGED))
                    .map(e -> KiranaEvents.data(e, dev.kirana.events.AccountingEvents.PartyBalanceChanged.class))
                    .map(b -> b.balance().toPlainString() + "/" + b.creditLimit().toPlainString()).toList();
            assertThat(balances).containsExactly("250.00/5000.00", "831.00/5000.00", "531.00/5000.00", "-69.00/5000.00", "531.00/5000.00");
        }
    }

    @Test
    void aSupplierIsPaidPartlyThenInAdvanceAndNeverCollectedFrom() {
        String shop = "shop-" + UUID.randomUUID();
        String owner = token(shop, "OWNER");
        Map<String, Object> gupta = ok(post("/api/v1/accounting/parties", owner, UUID.randomUUID().toString(), Map.of("kind", "SUPPLIER",
                "name", "Gupta Wholesale", "gstin", "29aagcb7383j1z4", "stateCode", "29", "openingBalance", "1000.00")), 201);
        String id = (String) gupta.get("id");
        assertThat(gupta.get("gstin")).isEqualTo("29AAGCB7383J1Z4");
        assertThat(gupta.get("balance")).isEqualTo("1000.00");     // the shop owes it 1000.00

        problem(post("/api/v1/accounting/parties/" + id + "/collections", owner, UUID.randomUUID().toString(),
                Map.of("amount", "100", "mode", "CASH")), 422);
        Map<String, Object> bank = ok(post("/api/v1/accounting/parties/" + id + "/payments", owner, UUID.randomUUID().toString(),
                Map.of("amount", "600.00", "mode", "BANK", "reference", "NEFT N123")), 201);
        assertThat(bank.get("balanceAfter")).isEqualTo("400.00");   // 1000 − 600
        Map<String, Object> cash = ok(post("/api/v1/accounting/parties/" + id + "/payments", owner, UUID.randomUUID().toString(),
                Map.of("amount", "500.00", "mode", "CASH")), 201);
        assertThat(cash.get("balanceAfter")).isEqualTo("-100.00");  // 400 − 500: 100.00 paid in advance
        Map<String, Object> now = party(shop, id);
        assertThat(now.get("due")).isEqualTo("0.00");
        assertThat(now.get("advance")).isEqualTo("100.00");
        problem(post("/api/v1/accounting/parties/" + id + "/payments", token(shop, "CASHIER"), UUID.randomUUID().toString(),
                Map.of("amount", "1", "mode", "CASH")), 403);
        // a cashier may not read a supplier's balance
        problem(get("/api/v1/accounting/parties/" + id + "/balance", token(shop, "CASHIER")), 403);

        // bad parties: wrong check character, a GSTIN of another state, the same GSTIN twice
        problem(post("/api/v1/accounting/parties", owner, null, Map.of("kind", "SUPPLIER", "name", "X", "gstin", "29AAGCB7383J1Z5")), 400);
        post("/api/v1/accounting/parties", owner, null, Map.of("kind", "SUPPLIER", "name", "X", "gstin", "27AAPFU0939F1ZV", "stateCode", "29"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("gstin");
        problem(post("/api/v1/accounting/parties", owner, null, Map.of("kind", "SUPPLIER", "name", "Gupta again", "gstin", "29AAGCB7383J1Z4")), 409);
        problem(post("/api/v1/accounting/parties", owner, null, Map.of("name", "No kind")), 400);
        Map<String, Object> suppliers = ok(get("/api/v1/accounting/parties?kind=SUPPLIER", owner), 200);
        assertThat(suppliers.get("total")).isEqualTo(1);

        // the books: Suppliers 2000 carries 1000 credit and 1100 debit; the bank paid 600, the drawer 500
        List<?> tb = get("/api/v1/accounting/trial-balance", owner).expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        Map<String, BigDecimal> net = new HashMap<>();
        for (Object o : tb) {
            Map<?, ?> r = (Map<?, ?>) o;
            net.put((String) r.get("account"), new BigDecimal((String) r.get("debit")).subtract(new BigDecimal((String) r.get("credit"))));
        }
        assertThat(net.get("2000")).isEqualByComparingTo("100.00");    // 1100 − 1000
        assertThat(net.get("1050")).isEqualByComparingTo("-600.00");
        assertThat(net.get("1000")).isEqualByComparingTo("-500.00");
        assertThat(net.get("3100")).isEqualByComparingTo("1000.00");
    }

    @Test
    void byBankWithoutABankAccountNamedTheShopsOnlyOneIsTakenAndAReversalFollowsItsOriginal() {
        String shop = "shop-" + UUID.randomUUID();
        String owner = token(shop, "OWNER");
        String ravi = createParty(shop, Map.of("kind", "CUSTOMER", "name", "Ravi Kumar", "phone", "9876500002"));
        // no bank account yet: 1050 Bank accounts
        assertThat(collect(shop, "OWNER", ravi, Map.of("amount", "100.00", "mode", "BANK", "date", "2026-10-05"))).containsEntry("account", "1050");
        // UPI and card money waits on its settlement account, whatever the bank accounts
        assertThat(collect(shop, "OWNER", ravi, Map.of("amount", "20.00", "mode", "UPI", "reference", "UTR 5", "date", "2026-10-05")))
                .containsEntry("account", "1020");

        ok(post("/api/v1/accounting/bank-accounts", owner, null, Map.of("name", "Current account", "bankName", "Canara Bank", "last4", "4411")), 201);
        Map<String, Object> neft = collect(shop, "OWNER", ravi, Map.of("amount", "300.00", "mode", "BANK", "reference", "NEFT 77",
                "date", "2026-10-06"));
        assertThat(neft).containsEntry("account", "1051");
        // an expense paid from the bank with no bankAccount: the same default
        assertThat(ok(post("/api/v1/accounting/expenses", owner, UUID.randomUUID().toString(), Map.of("date", "2026-10-06",
                "category", "RENT", "amount", "1000.00", "mode", "BANK")), 201)).containsEntry("paidFrom", "1051");

        // a second account: no default any more, but the reversal of the NEFT collection still goes back through 1051
        ok(post("/api/v1/accounting/bank-accounts", owner, null, Map.of("name", "Savings", "bankName", "SBI", "last4", "9001")), 201);
        assertThat(ok(post("/api/v1/accounting/payments/" + neft.get("id") + "/reversal", owner, UUID.randomUUID().toString(),
                Map.of("reason", "cheque bounced", "date", "2026-10-07")), 201)).containsEntry("account", "1051");
        assertThat(collect(shop, "OWNER", ravi, Map.of("amount", "5.00", "mode", "BANK", "date", "2026-10-07"))).containsEntry("account", "1050");

        // 1051: +300.00 collected, -300.00 reversed, -1000.00 rent; 1050: 100.00 + 5.00
        var tb = BooksTestSupport.trialBalance(http, shop);
        assertThat(BooksTestSupport.net(tb, "1051")).isEqualByComparingTo("-1000.00");
        assertThat(BooksTestSupport.net(tb, "1050")).isEqualByComparingTo("105.00");
        assertThat(ok(get("/api/v1/accounting/payments/" + neft.get("id"), owner), 200)).containsEntry("account", "1051");
    }

    @Test
    void aCustomerNamedOnASaleBecomesAPartyAndAMergeMovesItsEntries() {
        String shop = "shop-" + UUID.randomUUID();
        String owner = token(shop, "OWNER");
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ACCOUNTING)) {
            // a walk-in customer, new to the shop, buys 100.00 on credit: 95.24 + 2.38 + 2.38 = 100.00
            OrderEvents.Customer ravi = new OrderEvents.Customer("Ravi", "9876500002", null, null);
            String o1 = UUID.randomUUID().toString();
            publishSale(shop, EventTypes.ORDER_CONFIRMED, o1, creditSale(o1, ravi, "100.00", "95.24", "2.38", "0.00"), Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) ok(get("/api/v1/accounting/parties?q=98765000", owner), 200)
                    .get("total")).intValue() == 1);
            @SuppressWarnings("unchecked")
            Map<String, Object> fromSale = ((List<Map<String, Object>>) ok(get("/api/v1/accounting/parties?q=ravi", owner), 200).get("items")).get(0);
            String b = (String) fromSale.get("id");
            assertThat(fromSale.get("name")).isEqualTo("Ravi");
            assertThat(fromSale.get("balance")).isEqualTo("100.00");

            // the same man was entered by hand with another phone and 40.00 from the old notebook
            String a = createParty(shop, Map.of("kind", "CUSTOMER", "name", "Ravi Kumar", "phone", "9876500003", "openingBalance", "40.00"));
            Map<String, Object> merged = ok(post("/api/v1/accounting/parties/" + a + "/merge", owner, null, Map.of("mergedPartyId", b)), 200);
            assertThat(merged.get("balance")).isEqualTo("140.00");   // 40 + 100
            Map<String, Object> old = party(shop, b);
            assertThat(old.get("mergedInto")).isEqualTo(a);
            assertThat(old.get("balance")).isEqualTo("0.00");
            problem(post("/api/v1/accounting/parties/" + a + "/merge", owner, null, Map.of("mergedPartyId", b)), 409);
            problem(post("/api/v1/accounting/parties/" + a + "/merge", owner, null, Map.of("mergedPartyId", a)), 422);
            String supplier = createParty(shop, Map.of("kind", "SUPPLIER", "name", "Ravi Traders"));
            problem(post("/api/v1/accounting/parties/" + a + "/merge", owner, null, Map.of("mergedPartyId", supplier)), 422);
            problem(post("/api/v1/accounting/parties/" + a + "/merge", owner, null, Map.of("mergedPartyId", UUID.randomUUID().toString())), 404);

            // his old phone on a later sale posts to the survivor: 50.00 more; then 30.00 of it is refunded to the khata
            String o2 = UUID.randomUUID().toString();
            publishSale(shop, EventTypes.ORDER_CONFIRMED, o2, creditSale(o2, ravi, "50.00", "47.62", "1.19", "0.00"), Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> "190.00".equals(balance(shop, a)));   // 140 + 50
            publishSale(shop, EventTypes.ORDER_REFUNDED, o2, new OrderEvents.OrderRefunded(o2, "r-" + o2, "CN/2627/00001",
                    "INV/2627/00002", null, "u-mgr", Instant.now(), "INR", null, List.of(), d("30.00"), "TAX_INVOICE", "29",
                    "INTRA_STATE", ravi, tender("CREDIT", "30.00"), d("28.57"), d("0.71"), d("0.72"), d("0"), d("0.00"), 0L, false),
                    Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> "160.00".equals(balance(shop, a)));   // 190 − 30
            // the first sale is voided: its 100.00 comes off the khata too
            OrderEvents.OrderConfirmed s1 = creditSale(o1, ravi, "100.00", "95.24", "2.38", "0.00");
            publishSale(shop, EventTypes.ORDER_VOIDED, o1, new OrderEvents.OrderVoided(o1, s1.invoiceNumber(), "wrong customer", "u-mgr",
                    Instant.now(), "INR", null, s1.lines(), s1.total(), "TAX_INVOICE", "29", "INTRA_STATE", ravi, s1.tenders(),
                    s1.taxableValue(), s1.cgst(), s1.sgst(), s1.igst(), s1.roundOff(), 0L), Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> "60.00".equals(balance(shop, a)));    // 160 − 100

            Map<String, Object> live = ok(get("/api/v1/accounting/parties?kind=CUSTOMER", owner), 200);
            assertThat(live.get("total")).isEqualTo(1);
            Map<String, Object> all = ok(get("/api/v1/accounting/parties?kind=CUSTOMER&includeMerged=true", owner), 200);
            assertThat(all.get("total")).isEqualTo(2);

            // b's events are on b's partition, a's on a's: wait for what is asserted from each
            List<CloudEvent> events = shopEvents(probe, shop, list -> list.stream().anyMatch(e -> e.getType().equals(EventTypes.PARTY_MERGED))
                    && list.stream().anyMatch(e -> e.getType().equals(EventTypes.PARTY_CREATED) && b.equals(e.getSubject()))
                    && list.stream().filter(e -> e.getType().equals(EventTypes.PARTY_BALANCE_CHANGED) && a.equals(e.getSubject())).count() >= 5
                    && list.stream().anyMatch(e -> e.getType().equals(EventTypes.PARTY_BALANCE_CHANGED) && b.equals(e.getSubject())
                            && a.equals(KiranaEvents.data(e, dev.kirana.events.AccountingEvents.PartyBalanceChanged.class).mergedInto())));
            EventSchemaValidator validator = new EventSchemaValidator();
            events.forEach(validator::assertValid);
            CloudEvent createdFromSale = events.stream().filter(e -> e.getType().equals(EventTypes.PARTY_CREATED) && b.equals(e.getSubject()))
                    .findFirst().orElseThrow();
            assertThat(KiranaEvents.data(createdFromSale, dev.kirana.events.AccountingEvents.PartyCreated.class).origin()).isEqualTo("SALE");
            CloudEvent merge = events.stream().filter(e -> e.getType().equals(EventTypes.PARTY_MERGED)).findFirst().orElseThrow();
            assertThat(merge.getSubject()).isEqualTo(a);
            assertThat(KiranaEvents.data(merge, dev.kirana.events.AccountingEvents.PartyMerged.class).mergedPartyId()).isEqualTo(b);
            assertThat(events.stream().filter(e -> e.getType().equals(EventTypes.PARTY_BALANCE_CHANGED) && b.equals(e.getSubject()))
                    .map(e -> KiranaEvents.data(e, dev.kirana.events.AccountingEvents.PartyBalanceChanged.class)).reduce((x, y) -> y)
                    .orElseThrow().mergedInto()).isEqualTo(a);
        }
    }

    @Test
    void detailsChangeWithTheirETagAndANewOpeningBalancePostsTheDifference() {
        String shop = "shop-" + UUID.randomUUID();
        String owner = token(shop, "OWNER");
        String id = createParty(shop, Map.of("kind", "CUSTOMER", "name", "Meena", "phone", "9876500004", "openingBalance", "120.00"));
        http.patch().uri("/api/v1/accounting/parties/" + id).headers(h -> {
                    h.setBearerAuth(owner);
                    h.setIfMatch("W/\"7\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("creditLimit", "2000")).exchange()
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.type").exists();
        Map<String, Object> changed = http.patch().uri("/api/v1/accounting/parties/" + id).headers(h -> {
                    h.setBearerAuth(owner);
                    h.setIfMatch("W/\"1\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("creditLimit", "2000", "openingBalance", "150.00", "address", "Main Road"))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "W/\"2\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        // 120 opening, corrected to 150: a second entry of 30.00 posts the difference
        assertThat(changed.get("balance")).isEqualTo("150.00");
        assertThat(changed.get("creditLimit")).isEqualTo("2000.00");
        assertThat(changed.get("address")).isEqualTo("Main Road");
        assertThat(changed.get("phone")).isEqualTo("9876500004");
        http.patch().uri("/api/v1/accounting/parties/" + id).headers(h -> h.setBearerAuth(owner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("gstin", "27AAPFU0939F1ZW")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("gstin");
        problem(http.patch().uri("/api/v1/accounting/parties/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "X")).exchange(), 404);
        assertThat(balance(shop, id)).isEqualTo("150.00");
    }

    @Test
    void theListPagesByNameOrByWhatIsDueAndSearchesNameAndPhone() {
        String shop = "shop-" + UUID.randomUUID();
        String owner = token(shop, "OWNER");
        createParty(shop, Map.of("kind", "CUSTOMER", "name", "Chitra", "phone", "9876500013", "openingBalance", "100.00"));
        createParty(shop, Map.of("kind", "CUSTOMER", "name", "Anil", "phone", "9876500011", "openingBalance", "300.00"));
        createParty(shop, Map.of("kind", "CUSTOMER", "name", "Deepa", "phone", "9876500014"));
        createParty(shop, Map.of("kind", "CUSTOMER", "name", "Bhavna", "phone", "9876500012", "openingBalance", "200.00"));
        createParty(shop, Map.of("kind", "SUPPLIER", "name", "Anand Agencies", "openingBalance", "999.00"));
        assertThat(names(ok(get("/api/v1/accounting/parties?kind=CUSTOMER&size=3", owner), 200))).containsExactly("Anil", "Bhavna", "Chitra");
        assertThat(names(ok(get("/api/v1/accounting/parties?kind=CUSTOMER&size=3&page=1", owner), 200))).containsExactly("Deepa");
        assertThat(names(ok(get("/api/v1/accounting/parties?kind=CUSTOMER&sort=DUE&size=2", owner), 200))).containsExactly("Anil", "Bhavna");
        assertThat(names(ok(get("/api/v1/accounting/parties?kind=CUSTOMER&sort=DUE&size=2&page=1", owner), 200))).containsExactly("Chitra", "Deepa");
        // "an" is in Anand and Anil (not in Bhavna: b-h-a-v-n-a)
        assertThat(names(ok(get("/api/v1/accounting/parties?q=an", owner), 200))).containsExactly("Anand Agencies", "Anil");
        assertThat(names(ok(get("/api/v1/accounting/parties?q=98765-00014", owner), 200))).containsExactly("Deepa");
        assertThat(ok(get("/api/v1/accounting/parties?q=98765", owner), 200).get("total")).isEqualTo(4);
        problem(get("/api/v1/accounting/parties?size=500", owner), 400);
    }

    @SuppressWarnings("unchecked")
    static List<String> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(p -> (String) p.get("name")).toList();
    }

    @Test
    void salesPostedWhileTheRecordIsMergedAllEndUpWithTheSurvivor() {
        String shop = "shop-" + UUID.randomUUID();
        String owner = token(shop, "OWNER");
        String survivor = createParty(shop, Map.of("kind", "CUSTOMER", "name", "Imran Khan", "phone", "9876500021", "openingBalance", "5.00"));
        String duplicate = createParty(shop, Map.of("kind", "CUSTOMER", "name", "Imran", "phone", "9876500022"));
        OrderEvents.Customer imran = new OrderEvents.Customer("Imran", "9876500022", null, null);
        int sales = 20;
        for (int i = 0; i < sales; i++) {
            String order = UUID.randomUUID().toString();
            // 9.52 + 0.24 + 0.24 = 10.00 on credit
            publishSale(shop, EventTypes.ORDER_CONFIRMED, order, creditSale(order, imran, "10.00", "9.52", "0.24", "0.00"), Instant.now());
        }
        // merged while the sales are being posted
        ok(post("/api/v1/accounting/parties/" + survivor + "/merge", owner, null, Map.of("mergedPartyId", duplicate)), 200);
        // 5.00 + 20 × 10.00, whichever sales were posted before the merge and whichever after
        await().atMost(Duration.ofSeconds(60)).until(() -> "205.00".equals(balance(shop, survivor)));
        assertThat(balance(shop, duplicate)).isEqualTo("0.00");
    }

    @Test
    void collectionsAtTwoCountersAtOnceEachSeeTheBalanceTheyLeft() throws Exception {
        String shop = "shop-" + UUID.randomUUID();
        String id = createParty(shop, Map.of("kind", "CUSTOMER", "name", "Farooq", "phone", "9876500005", "openingBalance", "1000.00"));
        int counters = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(counters);
        try {
            List<java.util.concurrent.Future<Map<String, Object>>> results = new java.util.ArrayList<>();
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < counters; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return collect(shop, "CASHIER", id, Map.of("amount", "25.00", "mode", "CASH"));
                }));
            }
            start.countDown();
            java.util.Set<String> seen = new java.util.TreeSet<>();
            for (var r : results) {
                seen.add((String) r.get(60, java.util.concurrent.TimeUnit.SECONDS).get("balanceAfter"));
            }
            // 1000 − 25 × k for k = 1..8: every counter saw a different balance, none lost an update
            assertThat(seen).containsExactly("800.00", "825.00", "850.00", "875.00", "900.00", "925.00", "950.00", "975.00");
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(shop, id)).isEqualTo("800.00");   // 1000 − 8 × 25
    }

    @Test
    void everyPartyAndKhataEndpointIsInTheOpenApiDocument() {
        String doc = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(doc).contains("\"/api/v1/accounting/parties\"", "\"/api/v1/accounting/parties/{id}\"",
                "\"/api/v1/accounting/parties/{id}/balance\"", "\"/api/v1/accounting/parties/balance\"",
                "\"/api/v1/accounting/parties/{id}/merge\"", "\"/api/v1/accounting/parties/{partyId}/collections\"",
                "\"/api/v1/accounting/parties/{partyId}/payments\"", "\"/api/v1/accounting/payments/{id}\"",
                "\"/api/v1/accounting/payments/{id}/reversal\"", "\"/api/v1/accounting/parties/{partyId}/statement\"",
                "\"/api/v1/accounting/parties/{partyId}/statement.pdf\"");
    }

    /** The party and payment events of {@code shop} once {@code done} holds for them. */
    static List<CloudEvent> shopEvents(TopicProbe probe, String shop, java.util.function.Predicate<List<CloudEvent>> done) {
        java.util.function.Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>, List<CloudEvent>> ofShop =
                records -> records.stream().filter(r -> shop.equals(TopicProbe.header(r, "ce_shopid")))
                        .filter(r -> TopicProbe.header(r, "ce_type").startsWith("kirana.party.")
                                || TopicProbe.header(r, "ce_type").startsWith("kirana.payment."))
                        .map(r -> {
                            CloudEvent e = KiranaEvents.fromRecord(r);
                            assertThat(r.key()).isEqualTo(e.getSubject());
                            return e;
                        }).toList();
        return ofShop.apply(probe.awaitUntil(records -> done.test(ofShop.apply(records)), Duration.ofSeconds(30)));
    }
}
