package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kirana.localstack.KiranaStack;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Khata at the counter, through the gateway: the cashier of a new shop sells on credit to a customer, the sale lands
 * on her khata, she pays part by UPI and the rest in cash, and her balance comes to exactly zero. The owner reads her
 * statement (JSON and PDF) and a trial balance that agrees; the cashier may not read the books. The accounting events
 * of the journey are this shop's and valid against the published schemas.
 *
 * <p>The figures, by hand. Two packets at ₹48.00 each, MRP (tax inclusive), GST 5 %, sold in the shop's own state:
 * <pre>
 *   line amount            2 × 48.00                   =  96.00
 *   base                   96.00 × 100 / 105 = 91.4285 →  91.43
 *   CGST = SGST            91.43 × 2.5 % = 2.28575     →   2.29 each
 *   taxable value          96.00 − 2.29 − 2.29         =  91.42
 *   invoice                91.42 + 2.29 + 2.29         =  96.00, round-off 0.00, payable 96.00
 * </pre>
 * Khata: sale 96.00 → UPI 50.00 leaves 46.00 → cash 46.00 leaves 0.00.
 * <p>The shop's books in the period (its only postings):
 * <pre>
 *   stock received 10 × 40.00   Dr 1200 Inventory 400.00         Cr 3100 Stock introduced 400.00
 *   credit sale                 Dr 1100 Customers  96.00         Cr 4000 Sales 91.42, 2100 CGST 2.29, 2110 SGST 2.29
 *   its cost 2 × 40.00          Dr 5000 COGS       80.00         Cr 1200 Inventory 80.00
 *   UPI collection              Dr 1020 UPI        50.00         Cr 1100 Customers 50.00
 *   cash collection             Dr 1000 Cash       46.00         Cr 1100 Customers 46.00
 *   totals                      Dr 672.00                        Cr 672.00
 * </pre>
 */
@Order(4)
class KhataJourneyIT {
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    static final Path SCHEMAS = Path.of(System.getProperty("kirana.root", "..")).resolve("platform/events/src/main/resources/schemas");
    static final String SALE_TOTAL = "96.00";
    static final String AFTER_UPI = "46.00";
    static final String PERIOD_TOTAL = "672.00";

    @Test
    void aCreditSaleGoesOnTheKhataAndIsCollectedToZero() throws Exception {
        KiranaStack stack = SuiteUnderTest.get();
        Http http = new Http(stack.gatewayUrl());
        Journeys.NewShop shop = Journeys.openShop(http, "Kiran", "Kiran General Store");
        String owner = shop.owner();
        String cashier = shop.cashier();
        String productId = Journeys.stockedProduct(http, owner, "48.00", 10);

        // the cashier sells 2 on credit to Meena, named by her phone
        String phone = "98" + (10000000L + ThreadLocalRandom.current().nextLong(89999999L));
        JsonNode sale = Journeys.sellConfirmed(http, cashier, Map.of(
                "lines", List.of(Map.of("productId", productId, "quantity", "2")),
                "customer", Map.of("name", "Meena " + shop.tag(), "phone", phone),
                "tenders", List.of(Map.of("type", "CREDIT", "amount", SALE_TOTAL))));
        assertThat(sale.get("taxableValue").asString()).isEqualTo("91.42");
        assertThat(sale.get("cgst").asString()).isEqualTo("2.29");
        assertThat(sale.get("sgst").asString()).isEqualTo("2.29");
        assertThat(sale.get("roundOff").asString()).isEqualTo("0.00");
        assertThat(sale.get("total").asString()).isEqualTo(SALE_TOTAL);

        // accounting follows the sale from Kafka: the counter finds her by phone with what she owes
        Http.Response[] found = new Http.Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            found[0] = http.get("/api/v1/accounting/parties/balance?phone=" + phone, cashier);
            return found[0].status() == 200 && SALE_TOTAL.equals(found[0].body().get("balance").asString());
        });
        JsonNode balance = found[0].body();
        String partyId = balance.get("partyId").asString();
        assertThat(balance.get("kind").asString()).isEqualTo("CUSTOMER");
        assertThat(balance.get("name").asString()).isEqualTo("Meena " + shop.tag());
        assertThat(balance.get("due").asString()).isEqualTo(SALE_TOTAL);
        assertThat(balance.get("advance").asString()).isEqualTo("0.00");

        // the owner reads her statement: the sale, with the running balance at the invoice total
        LocalDate today = LocalDate.now(INDIA);
        String range = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        String statementPath = "/api/v1/accounting/parties/" + partyId + "/statement" + range;
        JsonNode statement = ok(http.get(statementPath, owner), "statement").get("statement");
        assertThat(statement.get("openingBalance").asString()).isEqualTo("0.00");
        assertThat(statement.get("lines")).hasSize(1);
        JsonNode saleLine = statement.get("lines").get(0);
        assertThat(saleLine.get("type").asString()).isEqualTo("SALE");
        assertThat(saleLine.get("debit").asString()).isEqualTo(SALE_TOTAL);
        assertThat(saleLine.get("balance").asString()).isEqualTo(SALE_TOTAL);
        assertThat(statement.get("closingBalance").asString()).isEqualTo(SALE_TOTAL);
        assertThat(http.get(statementPath, cashier).status()).as("a cashier sees the balance, not the statement").isEqualTo(403);

        // she pays 50 by UPI at the counter, then the rest in cash
        String collections = "/api/v1/accounting/parties/" + partyId + "/collections";
        Http.Response upi = http.postIdempotent(collections, cashier, Map.of("amount", "50.00", "mode", "UPI",
                "reference", "UTR " + shop.tag()));
        assertThat(upi.status()).as("UPI collection: %s", upi.body()).isEqualTo(201);
        assertThat(upi.body().get("balanceAfter").asString()).isEqualTo(AFTER_UPI);
        assertThat(http.get("/api/v1/accounting/parties/balance?phone=" + phone, cashier).body().get("balance").asString())
                .isEqualTo(AFTER_UPI);

        String cashKey = UUID.randomUUID().toString();
        Map<String, Object> rest = Map.of("amount", AFTER_UPI, "mode", "CASH");
        Http.Response cash = http.post(collections, cashier, rest, "Idempotency-Key", cashKey);
        assertThat(cash.status()).as("cash collection: %s", cash.body()).isEqualTo(201);
        assertThat(cash.body().get("balanceAfter").asString()).isEqualTo("0.00");

        // the till retries the cash collection (same Idempotency-Key): the first answer again, nothing recorded twice
        Http.Response retried = http.post(collections, cashier, rest, "Idempotency-Key", cashKey);
        assertThat(retried.status()).as("retried collection: %s", retried.body()).isEqualTo(201);
        assertThat(retried.body().get("id").asString()).isEqualTo(cash.body().get("id").asString());
        JsonNode settled = ok(http.get("/api/v1/accounting/parties/balance?phone=" + phone, cashier), "balance");
        assertThat(settled.get("balance").asString()).isEqualTo("0.00");
        assertThat(settled.get("due").asString()).isEqualTo("0.00");
        assertThat(settled.get("advance").asString()).isEqualTo("0.00");
        JsonNode payments = ok(http.get("/api/v1/accounting/parties/" + partyId + "/payments", owner), "payments");
        assertThat(payments).hasSize(2);

        // her statement now: sale 96.00, UPI 50.00 → 46.00, cash 46.00 → 0.00
        statement = ok(http.get(statementPath, owner), "statement").get("statement");
        assertThat(statement.get("lines")).hasSize(3);
        List<String> types = new ArrayList<>();
        List<String> running = new ArrayList<>();
        for (JsonNode line : statement.get("lines")) {
            types.add(line.get("type").asString());
            running.add(line.get("balance").asString());
        }
        assertThat(types).containsExactly("SALE", "COLLECTION", "COLLECTION");
        assertThat(running).containsExactly(SALE_TOTAL, AFTER_UPI, "0.00");
        assertThat(statement.get("lines").get(1).get("credit").asString()).isEqualTo("50.00");
        assertThat(statement.get("lines").get(2).get("credit").asString()).isEqualTo(AFTER_UPI);
        assertThat(statement.get("totalDebits").asString()).isEqualTo(SALE_TOTAL);
        assertThat(statement.get("totalCredits").asString()).isEqualTo(SALE_TOTAL);
        assertThat(statement.get("closingBalance").asString()).isEqualTo("0.00");

        // ... and as a PDF to send her
        Http.Download pdf = http.download("/api/v1/accounting/parties/" + partyId + "/statement.pdf" + range, owner);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the books: a cashier may not read them; the owner's trial balance agrees, to the paisa of the hand figures
        String trialBalance = "/api/v1/accounting/statements/trial-balance" + range;
        Http.Response refused = http.get(trialBalance, cashier);
        assertThat(refused.status()).as("cashier reads the trial balance: %s", refused.body()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode[] tb = new JsonNode[1];
        // the cost of the sale travels on kirana.inventory.events and may reach the books after the rest
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            tb[0] = ok(http.get(trialBalance, owner), "trial balance");
            assertThat(tb[0].get("totalDebit").asString()).isEqualTo(PERIOD_TOTAL);
        });
        assertThat(tb[0].get("totalCredit").asString()).isEqualTo(PERIOD_TOTAL);
        assertThat(tb[0].get("totalClosingDebit").asString()).isEqualTo(tb[0].get("totalClosingCredit").asString());
        assertThat(tb[0].get("balanced").asBoolean()).isTrue();
        Map<String, JsonNode> rows = new HashMap<>();
        tb[0].get("rows").forEach(r -> rows.put(r.get("account").asString(), r));
        assertThat(rows.get("1100").get("debit").asString()).isEqualTo(SALE_TOTAL);
        assertThat(rows.get("1100").get("credit").asString()).isEqualTo(SALE_TOTAL);
        assertThat(rows.get("1100").get("closing").asString()).isEqualTo("0.00");
        assertThat(rows.get("1020").get("debit").asString()).isEqualTo("50.00");
        assertThat(rows.get("1000").get("debit").asString()).isEqualTo(AFTER_UPI);
        assertThat(rows.get("4000").get("credit").asString()).isEqualTo("91.42");
        assertThat(rows.get("2100").get("credit").asString()).isEqualTo("2.29");
        assertThat(rows.get("2110").get("credit").asString()).isEqualTo("2.29");

        assertAccountingEvents(stack, shop.id(), partyId);
    }

    /** The party's events as a partner sees them: this shop's, schema-valid, two collections (the retry added none). */
    private static void assertAccountingEvents(KiranaStack stack, String shopId, String partyId) throws Exception {
        List<ConsumerRecord<String, byte[]>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> partner = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "khata-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            partner.subscribe(List.of("kirana.accounting.events"));
            long end = System.currentTimeMillis() + 60_000;
            long settleUntil = Long.MAX_VALUE; // once all are in, a few seconds more to catch anything recorded twice
            while (System.currentTimeMillis() < Math.min(end, settleUntil)) {
                for (ConsumerRecord<String, byte[]> r : partner.poll(Duration.ofMillis(500))) {
                    if (partyId.equals(r.key())) {
                        events.add(r);
                    }
                }
                if (settleUntil == Long.MAX_VALUE && settledToZero(events)) {
                    settleUntil = System.currentTimeMillis() + 3_000;
                }
            }
        }
        assertThat(settledToZero(events)).as("the party's events arrived: %s",
                events.stream().map(r -> header(r, "ce_type") + " " + new String(r.value(), StandardCharsets.UTF_8)).toList()).isTrue();

        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, Schema> schemas = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : events) {
            assertThat(header(r, "ce_shopid")).as("shop of %s", header(r, "ce_type")).isEqualTo(shopId);
            assertThat(header(r, "ce_subject")).isEqualTo(partyId);
            assertThat(header(r, "ce_source")).isNotBlank();
            String type = header(r, "ce_type");
            Schema schema = schemas.computeIfAbsent(type, t -> registry.getSchema(read(SCHEMAS.resolve(t + ".json"))));
            assertThat(schema.validate(Http.JSON.readTree(r.value())))
                    .as("%s data %s", type, new String(r.value(), StandardCharsets.UTF_8)).isEmpty();
        }
        Map<String, ConsumerRecord<String, byte[]>> unique = byId(events);
        List<String> collected = unique.values().stream().filter(r -> "kirana.payment.received.v1".equals(header(r, "ce_type")))
                .map(r -> new BigDecimal(data(r).get("amount").asString()).setScale(2).toPlainString()).toList();
        assertThat(collected).as("one event per collection").containsExactly("50.00", AFTER_UPI);
        assertThat(unique.values().stream().filter(r -> "kirana.party.created.v1".equals(header(r, "ce_type")))).hasSize(1);
        List<String> balances = unique.values().stream().filter(r -> "kirana.party.balance-changed.v1".equals(header(r, "ce_type")))
                .map(r -> new BigDecimal(data(r).get("balance").asString()).setScale(2).toPlainString()).toList();
        assertThat(balances).containsSubsequence(SALE_TOTAL, AFTER_UPI, "0.00").endsWith("0.00");
    }

    private static boolean settledToZero(List<ConsumerRecord<String, byte[]>> events) {
        long collections = byId(events).values().stream().filter(r -> "kirana.payment.received.v1".equals(header(r, "ce_type"))).count();
        boolean zero = events.stream().anyMatch(r -> "kirana.party.balance-changed.v1".equals(header(r, "ce_type"))
                && new BigDecimal(data(r).get("balance").asString()).signum() == 0);
        return collections >= 2 && zero;
    }

    /** Events by id, in the order first seen (a redelivered event keeps its id and counts once). */
    private static Map<String, ConsumerRecord<String, byte[]>> byId(List<ConsumerRecord<String, byte[]>> events) {
        Map<String, ConsumerRecord<String, byte[]>> out = new LinkedHashMap<>();
        events.forEach(r -> out.putIfAbsent(header(r, "ce_id"), r));
        return out;
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> r) {
        return Http.JSON.readTree(r.value());
    }

    private static JsonNode ok(Http.Response r, String what) {
        assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(200);
        return r.body();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
