package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.bench.demo.DemoShop;
import dev.kirana.localstack.KiranaStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./kirana demo} against the launched suite: the loader (small: 24 random sales) fills a newly opened shop
 * through the gateway, and the shop then shows what the loader put in, by figures worked out here by hand; a second
 * run creates nothing and changes none of them. Its own shop, so the other journeys' sales in the demo shop do not
 * count, and the counts are exact.
 */
@Order(5)
class DemoLoadIT {

    @Test
    void theDemoShopLoadsThroughTheGatewayAndASecondRunChangesNothing() {
        KiranaStack stack = SuiteUnderTest.get();
        Http http = new Http(stack.gatewayUrl());
        Journeys.NewShop shop = Journeys.openShop(http, "Demo", "Demo Test Kirana");
        DemoShop.Options options = new DemoShop.Options(stack.gatewayUrl(), 24, shop.ownerEmail(), Journeys.OWNER_PASSWORD, "kirana-demo");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DemoShop.Summary first = DemoShop.load(options, new PrintStream(log, true, StandardCharsets.UTF_8));
        System.out.print(log.toString(StandardCharsets.UTF_8));
        assertThat(first.shopId()).isEqualTo(shop.id());
        assertThat(first.created()).as("first run:%n%s", log).isPositive();
        String token = shop.owner();
        assertTheShopHoldsWhatTheDemoPutIn(http, token, shop.id(), first.anchor());

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        DemoShop.Summary second = DemoShop.load(options, new PrintStream(again, true, StandardCharsets.UTF_8));
        System.out.print(again.toString(StandardCharsets.UTF_8));
        assertThat(second.created()).as("second run:%n%s", again).isZero();
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("already loaded");
        first.steps().forEach((step, c) -> assertThat(second.steps().get(step).existing()).as(step).isEqualTo(c.created() + c.existing()));
        assertThat(second.orderIds()).isEqualTo(first.orderIds());
        assertTheShopHoldsWhatTheDemoPutIn(http, token, shop.id(), first.anchor());
    }

    private static void assertTheShopHoldsWhatTheDemoPutIn(Http http, String token, String shopId, LocalDate demoDay) {
        // the price list: 283 pack sizes, and nothing else in a new shop
        Http.Response products = http.get("/api/v1/products?size=1", token);
        assertThat(products.header("X-Total-Count")).isEqualTo("283");

        // 24 random sales and the worked example: one voided and one refunded in part, the rest confirmed
        JsonNode orders = http.get("/api/v1/orders?size=200", token).body();
        Map<String, Integer> byStatus = new HashMap<>();
        orders.forEach(o -> byStatus.merge(o.get("status").asString(), 1, Integer::sum));
        assertThat(orders.size()).as("orders %s", byStatus).isEqualTo(25);
        assertThat(byStatus).containsEntry("VOIDED", 1).containsEntry("CONFIRMED", 23);
        assertThat(byStatus.getOrDefault("PARTIALLY_REFUNDED", 0) + byStatus.getOrDefault("REFUNDED", 0)).isEqualTo(1);

        // Asha: 2 × Aashirvaad atta 5 kg at 265.00 and a Tata salt at 28.00 on her khata is 558.00
        JsonNode ashaSales = http.get("/api/v1/orders?customer=9845012345", token).body();
        assertThat(ashaSales).hasSize(1);
        assertThat(ashaSales.get(0).get("total").asString()).isEqualTo("558.00");
        assertThat(ashaSales.get(0).get("tenders").get(0).get("type").asString()).isEqualTo("CREDIT");
        // her khata: 450.00 owed when the books started + 558.00 − 300.00 paid by UPI = 708.00
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode balance = http.get("/api/v1/accounting/parties/balance?phone=9845012345", token).body();
            assertThat(new BigDecimal(balance.get("balance").asString())).isEqualByComparingTo("708.00");
            assertThat(new BigDecimal(balance.get("creditLimit").asString())).isEqualByComparingTo("5000.00");
        });

        // the atta: 30 opening stock + 20 on Sri Balaji's bill − 2 sold to Asha − 1 torn − 2 sent back on a debit note = 45
        String atta = productId(http, token, "ATTA-AASH-5KG");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(onHand(http.get("/api/v1/inventory/stock?productId=" + atta, token).body(), null)).isEqualByComparingTo("45"));

        // the godown: 12 bags of basmati 5 kg received, 4 taken to the counter
        String godown = null;
        for (JsonNode l : http.get("/api/v1/inventory/locations", token).body()) {
            if (l.get("code").asString().equals("GODOWN-1")) {
                godown = l.get("id").asString();
            }
        }
        assertThat(godown).isNotNull();
        String rice = productId(http, token, "RICE-IG-5KG");
        assertThat(onHand(http.get("/api/v1/inventory/stock?productId=" + rice, token).body(), godown)).isEqualByComparingTo("8");

        // the day before the demo day was closed with the drawer 20.00 short
        String day = demoDay.minusDays(1).toString();
        JsonNode closes = http.get("/api/v1/accounting/cash-book/closes?from=" + day + "&to=" + day, token).body();
        assertThat(closes).hasSize(1);
        assertThat(new BigDecimal(closes.get(0).get("variance").asString())).isEqualByComparingTo("-20.00");

        // the staff the loader added, beside the owner and the cashier the shop opened with
        Map<String, String> roles = new HashMap<>();
        http.get("/api/v1/shops/" + shopId + "/members", token).body().forEach(m -> roles.put(m.get("email").asString(), m.get("role").asString()));
        assertThat(roles).containsEntry("manager@demo.kirana", "MANAGER").containsEntry("cashier2@demo.kirana", "CASHIER").hasSize(4);
    }

    private static String productId(Http http, String token, String sku) {
        for (JsonNode p : http.get("/api/v1/products?q=" + sku, token).body()) {
            if (p.get("sku").asString().equals(sku)) {
                return p.get("id").asString();
            }
        }
        throw new AssertionError("no product " + sku);
    }

    /** On hand across the shop's locations, or in one. */
    private static BigDecimal onHand(JsonNode levels, String locationId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode l : levels) {
            if (locationId == null || locationId.equals(l.get("locationId").asString())) {
                sum = sum.add(new BigDecimal(l.get("onHand").asString()));
            }
        }
        return sum;
    }
}
