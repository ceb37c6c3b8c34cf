package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.localstack.KiranaStack;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A new shop's first day, as its people do it through the gateway: the owner registers, opens a
 * shop, adds a cashier, loads the price list from Excel and receives stock; the cashier sells for
 * cash, UPI and on credit; one sale is partly refunded. Beside it, the demo shop sees none of it.
 */
@Order(3)
class ShopJourneyIT {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void ownerOpensAShopAndTheCashierSellsWithCashUpiAndCredit() throws Exception {
        KiranaStack stack = SuiteUnderTest.get();
        Http http = new Http(stack.gatewayUrl());
        // the owner registers, opens a shop and adds a cashier, who logs in with a token for this shop
        Journeys.NewShop opened = Journeys.openShop(http, "Ravi", "Sharma Store");
        String shopId = opened.id();
        String owner = opened.owner();
        String cashier = opened.cashier();
        String tag = opened.tag();
        String phone = opened.ownerPhone();

        // ... loads the price list from a spreadsheet
        Http.Response imported = http.postBytes("/api/v1/products/imports?fileName=prices.xlsx", owner, XLSX, priceList());
        assertThat(imported.status()).as("import: %s", imported.body()).isEqualTo(201);
        assertThat(imported.body().get("created").asInt()).isEqualTo(2);
        assertThat(http.postBytes("/api/v1/products/imports?fileName=prices.xlsx", owner, XLSX, priceList())
                .body().get("created").asInt()).as("importing the same file again changes nothing").isZero();
        String rice = productId(http, owner, "RICE-5");
        String oil = productId(http, owner, "OIL-1");

        // ... and receives stock
        for (String p : List.of(rice, oil)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    http.postIdempotent("/api/v1/inventory/receipts", owner,
                            Map.of("productId", p, "quantity", "10", "unitCost", "100.00")).status() == 201);
        }

        // the cashier sells: cash with change, UPI, and on credit to a customer's khata
        JsonNode cash = Journeys.sellConfirmed(http, cashier, Map.of("lines", List.of(line(rice, "1")),
                "tenders", List.of(Map.of("type", "CASH", "amount", "500"))));
        assertThat(new BigDecimal(cash.get("change").asString())).isEqualByComparingTo("200");
        JsonNode upi = Journeys.sellConfirmed(http, cashier, Map.of("lines", List.of(line(oil, "2")),
                "tenders", List.of(Map.of("type", "UPI", "amount", "300.00", "reference", "UTR" + tag))));
        JsonNode credit = Journeys.sellConfirmed(http, cashier, Map.of("lines", List.of(line(rice, "1")),
                "customer", Map.of("name", "Meena", "phone", "98450" + phone.substring(5)),
                "tenders", List.of(Map.of("type", "CREDIT", "amount", "300.00"))));
        List<String> invoices = List.of(cash.get("invoiceNumber").asString(), upi.get("invoiceNumber").asString(),
                credit.get("invoiceNumber").asString());
        assertThat(invoices).doesNotHaveDuplicates().allMatch(n -> n.length() <= 16 && n.matches("[A-Za-z0-9/-]+"));
        assertThat(serials(invoices)).as("consecutive invoice numbers").containsExactly(1L, 2L, 3L);

        // one bottle of oil comes back: refunded to UPI and put back on the shelf
        Http.Response refund = http.postIdempotent("/api/v1/orders/" + upi.get("id").asString() + "/refunds", owner,
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "1", "disposition", "RESTOCK")), "tender", "UPI",
                        "reason", "leaking cap"));
        assertThat(refund.status()).as("refund: %s", refund.body()).isEqualTo(201);
        assertThat(refund.body().toString()).contains("CN/");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(onHand(http, owner, rice)).isEqualByComparingTo("8");
            assertThat(onHand(http, owner, oil)).isEqualByComparingTo("9");
        });
        assertThat(http.get("/api/v1/inventory/reconciliation", owner).body().get("consistent").asBoolean()).isTrue();
        for (JsonNode sale : List.of(cash, credit)) {
            assertThat(http.get("/api/v1/orders/" + sale.get("id").asString(), cashier).body().get("status").asString())
                    .isEqualTo("CONFIRMED");
        }
        assertThat(http.get("/api/v1/orders/" + upi.get("id").asString(), cashier).body().get("status").asString())
                .isEqualTo("PARTIALLY_REFUNDED");

        // the owner's reports, through the gateway, from the events: three sales of 300.00, one oil (150.00) refunded
        // and back on the shelf; the goods cost 100.00 each: 2 rice + 2 oil - 1 oil back = 300.00
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"));
        String range = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&groupBy=month";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode totals = http.get("/api/v1/reports/sales" + range, owner).body().get("totals");
            assertThat(totals.get("sales").asInt()).isEqualTo(3);
            assertThat(totals.get("refunds").asInt()).isEqualTo(1);
            assertThat(totals.get("gross").asString()).isEqualTo("900.00");
            assertThat(totals.get("refunded").asString()).isEqualTo("150.00");
            assertThat(totals.get("net").asString()).isEqualTo("750.00");
            assertThat(totals.get("cost").asString()).isEqualTo("300.00");
        });
        JsonNode tenders = http.get("/api/v1/reports/sales/by/tender" + range.replace("&groupBy=month", ""), owner).body().get("rows");
        assertThat(tenders.toString()).contains("\"tender\":\"UPI\"");
        for (JsonNode t : tenders) {
            if ("UPI".equals(t.get("tender").asString())) {
                assertThat(t.get("net").asString()).as("UPI 300.00 in, 150.00 back").isEqualTo("150.00");
            }
        }
        assertThat(http.get("/api/v1/reports/stock", owner).body().get("totals").get("value").asString())
                .as("8 rice and 9 oil at 100.00").isEqualTo("1700.00");
        assertThat(http.get("/api/v1/reports/dashboard", cashier).status()).as("a cashier does not read the reports").isEqualTo(403);

        // the shop next door (the demo shop) sees nothing of this one, over HTTP or in the events
        String neighbour = Journeys.demoOwner(http);
        assertThat(http.get("/api/v1/products/" + rice, neighbour).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/orders/" + cash.get("id").asString(), neighbour).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/inventory/stock?productId=" + rice, neighbour).body().size()).isZero();
        assertThat(http.get("/api/v1/products?q=RICE-5", neighbour).body().toString()).doesNotContain(rice);
        assertThat(shopIdsOnTopics(stack, List.of(cash.get("id").asString(), upi.get("id").asString(), rice)))
                .containsOnly(shopId);
    }

    private static Map<String, Object> line(String productId, String qty) {
        return Map.of("productId", productId, "quantity", qty);
    }

    private static List<Long> serials(List<String> invoices) {
        List<Long> out = new ArrayList<>();
        for (String n : invoices) {
            out.add(Long.parseLong(n.replaceAll(".*?([0-9]+)$", "$1")));
        }
        return out;
    }

    private static String productId(Http http, String token, String sku) {
        JsonNode found = http.get("/api/v1/products?q=" + sku, token).body();
        for (JsonNode p : found) {
            if (sku.equals(p.get("sku").asString())) {
                return p.get("id").asString();
            }
        }
        throw new AssertionError("no product " + sku + " in " + found);
    }

    private static BigDecimal onHand(Http http, String token, String productId) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode level : http.get("/api/v1/inventory/stock?productId=" + productId, token).body()) {
            total = total.add(new BigDecimal(level.get("onHand").asString()));
        }
        return total;
    }

    private static byte[] priceList() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Price list");
            String[][] rows = {
                    {"SKU", "Name", "HSN", "GST %", "Selling price", "MRP", "Tax inclusive", "Unit"},
                    {"RICE-5", "Sona Masoori rice 5 kg", "1006", "5", "300", "320", "true", "PCS"},
                    {"OIL-1", "Groundnut oil 1 l", "1508", "5", "150", "160", "true", "PCS"}};
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    if (i > 0 && (j == 3 || j == 4 || j == 5)) {
                        row.createCell(j).setCellValue(Double.parseDouble(rows[i][j])); // a spreadsheet keeps numbers as numbers
                    } else {
                        row.createCell(j).setCellValue(rows[i][j]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> shopIdsOnTopics(KiranaStack stack, List<String> keys) {
        List<String> shops = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "journey-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("kirana.catalog.events", "kirana.inventory.events", "kirana.order.events"));
            long end = System.currentTimeMillis() + 20_000;
            int emptyPolls = 0;
            while (System.currentTimeMillis() < end && emptyPolls < 6) {
                var records = c.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() && !shops.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (keys.contains(r.key())) {
                        shops.add(new String(r.headers().lastHeader("ce_shopid").value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertThat(shops).as("events of this shop's products and orders").isNotEmpty();
        return shops;
    }
}
