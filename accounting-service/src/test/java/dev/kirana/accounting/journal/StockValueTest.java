package dev.kirana.accounting.journal;

import static dev.kirana.accounting.BooksTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** After any sequence of stock movements the Inventory account equals what inventory-service values the stock at. */
@KiranaServiceTest
class StockValueTest {
    @Autowired
    WebTestClient http;

    @Test
    void inventoryFollowsReceiptsSalesAdjustmentsCountsAndTransfers() {
        String shop = newShop();
        received(shop, "p-atta", "10", "200.0000", "10");          // 2000.00
        received(shop, "p-bisc", "20", "18.5000", "20");           //  370.00
        // goods that came in on a supplier's bill: the bill posts them, not the receipt
        CloudEvent billed = publish(Topics.INVENTORY, "p-oil", shop, EventTypes.STOCK_RECEIVED,
                new InventoryEvents.StockReceived("p-oil", "loc-1", d("50"), d("210.0000"), d("50"), "bill-4411"));
        String order = UUID.randomUUID().toString();
        publish(Topics.INVENTORY, order, shop, EventTypes.STOCK_COMMITTED, new InventoryEvents.StockCommitted(order, List.of(
                new InventoryEvents.CostedLine("p-atta", d("2"), d("200.0000")),
                new InventoryEvents.CostedLine("p-bisc", d("3"), d("18.5000")))));   // 400 + 55.50 = 455.50 out
        adjusted(shop, "p-atta", "DAMAGE", "-1", "200.0000", "-200.00", "7", "adjustment:k1");
        adjusted(shop, "p-bisc", "COUNT_ADJUSTMENT", "-2", "18.5000", "-37.00", "15", "count:c1");
        adjusted(shop, "p-bisc", "CORRECTION", "1", "18.5000", "18.50", "16", "adjustment:k2");
        adjusted(shop, "p-atta", "TRANSFER_OUT", "-3", "200.0000", "-600.00", "4", "transfer:t1");
        adjusted(shop, "p-atta", "TRANSFER_IN", "3", "200.0000", "600.00", "3", "transfer:t1");

        // inventory-service's valuation: atta 10 − 2 − 1 = 7 × 200.00 = 1400.00; biscuits 20 − 3 − 2 + 1 = 16 × 18.50 = 296.00
        // 1400.00 + 296.00 = 1696.00 = 2000 + 370 − 455.50 − 200 − 37 + 18.50
        await().atMost(Duration.ofSeconds(30)).until(() -> net(trialBalance(http, shop), "1200").compareTo(d("1696.00")) == 0
                && trialBalance(http, shop).containsKey("4800"));
        Map<String, BigDecimal[]> tb = trialBalance(http, shop);
        assertThat(net(tb, "1200")).isEqualByComparingTo("1696.00");
        assertThat(net(tb, "3100")).isEqualByComparingTo("-2370.00");   // stock introduced: 2000 + 370
        assertThat(net(tb, "5000")).isEqualByComparingTo("455.50");
        assertThat(net(tb, "5100")).isEqualByComparingTo("200.00");
        assertThat(net(tb, "5150")).isEqualByComparingTo("37.00");
        assertThat(net(tb, "4800")).isEqualByComparingTo("-18.50");
        assertThat(tb.values().stream().map(r -> r[0].subtract(r[1])).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        http.get().uri("/api/v1/accounting/journal?from=2020-01-01&to=2100-12-31").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.source=='stock.received:" + billed.getId() + "')]").isEmpty();
    }
}
