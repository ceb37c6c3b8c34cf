package dev.kirana.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.web.reactive.server.WebTestClient;

/** The books posted from order and inventory events, in whatever order they arrive, each once. */
@KiranaServiceTest
class SalesPostingTest {
    static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());

    @Autowired
    WebTestClient http;

    @AfterAll
    static void close() {
        PRODUCER.close();
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static CloudEvent publish(String topic, String key, String shop, String type, Object data) {
        CloudEvent e = KiranaEvents.event(type, "test", key, shop, data);
        publish(topic, key, e);
        return e;
    }

    static void publish(String topic, String key, CloudEvent e) {
        try {
            PRODUCER.send(KiranaEvents.toRecord(topic, key, e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static OrderEvents.Tender tender(String type, String amount) {
        return new OrderEvents.Tender(type, d(amount), null, null, null, null);
    }

    static final OrderEvents.Customer CUSTOMER = new OrderEvents.Customer("Asha", "9876500001", null, null);

    /** 2 atta (line 1, 467.62 + 11.69 + 11.69) and 3 biscuits (line 2, 76.20 + 6.86 + 6.86): 580.92 → 581.00. */
    static OrderEvents.OrderConfirmed sale(String orderId, List<OrderEvents.Tender> tenders) {
        return new OrderEvents.OrderConfirmed(orderId, "u-cashier", "INR", List.of(
                new OrderEvents.OrderLine("p-atta", "ATTA", "Atta", d("2"), d("245.50"), d("491.00"), 1, "1101", "PCS", d("5"), true,
                        d("0"), d("467.62"), d("11.69"), d("11.69"), d("0")),
                new OrderEvents.OrderLine("p-bisc", "BISC", "Biscuit", d("3"), d("25.40"), d("89.92"), 2, "1905", "PCS", d("18"), false,
                        d("0"), d("76.20"), d("6.86"), d("6.86"), d("0"))),
                d("581.00"), Instant.now(), "INV/2627/00001", Instant.now(), null, "TAX_INVOICE", "29", "29", "INTRA_STATE",
                CUSTOMER, tenders, d("0"), d("543.82"), d("18.55"), d("18.55"), d("0"), d("0.08"), 5L);
    }

    /** The goods on the shelf before the sale: 10 atta at 200.00 and 20 biscuits at 18.50 (2000.00 + 370.00 = 2370.00). */
    static void stocked(String shop) {
        BooksTestSupport.received(shop, "p-atta", "10", "200.0000", "10");
        BooksTestSupport.received(shop, "p-bisc", "20", "18.5000", "20");
    }

    static InventoryEvents.StockCommitted committed(String orderId) {
        return new InventoryEvents.StockCommitted(orderId, List.of(
                new InventoryEvents.CostedLine("p-atta", d("2"), d("200.0000")),
                new InventoryEvents.CostedLine("p-bisc", d("3"), d("18.5000"))));
    }

    Map<String, BigDecimal[]> trialBalance(String shop) {
        List<?> rows = http.get().uri("/api/v1/accounting/trial-balance").headers(h -> h.setBearerAuth(token(shop))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        Map<String, BigDecimal[]> out = new HashMap<>();
        for (Object o : rows) {
            Map<?, ?> r = (Map<?, ?>) o;
            out.put((String) r.get("account"), new BigDecimal[]{new BigDecimal((String) r.get("debit")), new BigDecimal((String) r.get("credit"))});
        }
        return out;
    }

    static String token(String shop) {
        return TestInfrastructure.get().jwt().token("u-owner", shop, "OWNER");
    }

    static BigDecimal net(Map<String, BigDecimal[]> tb, String account) {
        BigDecimal[] r = tb.get(account);
        return r == null ? BigDecimal.ZERO : r[0].subtract(r[1]);
    }

    @Test
    void aSplitTenderSaleAndItsCostBalanceAndPostOnce() {
        String shop = "shop-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        stocked(shop);
        CloudEvent confirmed = publish(Topics.ORDER, order, shop, EventTypes.ORDER_CONFIRMED,
                sale(order, List.of(tender("UPI", "300.00"), tender("CASH", "281.00"))));
        publish(Topics.ORDER, order, confirmed); // redelivered
        publish(Topics.INVENTORY, order, shop, EventTypes.STOCK_COMMITTED, committed(order));
        await().atMost(Duration.ofSeconds(30)).until(() -> trialBalance(shop).containsKey("5000") && trialBalance(shop).containsKey("3100")
                && trialBalance(shop).containsKey("4000"));   // the sale and its cost travel on different topics
        Map<String, BigDecimal[]> tb = trialBalance(shop);
        assertThat(net(tb, "1000")).isEqualByComparingTo("281.00");
        assertThat(net(tb, "1020")).isEqualByComparingTo("300.00");
        assertThat(net(tb, "4000")).isEqualByComparingTo("-543.82");
        assertThat(net(tb, "2100")).isEqualByComparingTo("-18.55");
        assertThat(net(tb, "2110")).isEqualByComparingTo("-18.55");
        assertThat(net(tb, "4900")).isEqualByComparingTo("-0.08");
        assertThat(net(tb, "5000")).isEqualByComparingTo("455.50"); // 2 × 200 + 3 × 18.50
        // inventory-service values what is left at 8 atta × 200.00 + 17 biscuits × 18.50 = 1600.00 + 314.50 = 1914.50
        assertThat(net(tb, "1200")).isEqualByComparingTo("1914.50");   // 2370.00 received − 455.50 sold
        assertThat(net(tb, "3100")).isEqualByComparingTo("-2370.00");
        assertThat(tb.values().stream().map(r -> r[0].subtract(r[1])).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
    }

    @Test
    void aVoidReversesTheSaleAndItsCostEvenWhenItOvertakesTheCost() {
        String shop = "shop-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        stocked(shop);
        publish(Topics.ORDER, order, shop, EventTypes.ORDER_CONFIRMED, sale(order, List.of(tender("CARD", "581.00"))));
        OrderEvents.OrderConfirmed s = sale(order, List.of(tender("CARD", "581.00")));
        publish(Topics.ORDER, order, shop, EventTypes.ORDER_VOIDED, new OrderEvents.OrderVoided(order, s.invoiceNumber(), "wrong customer",
                "u-mgr", Instant.now(), "INR", null, s.lines(), s.total(), "TAX_INVOICE", "29", "INTRA_STATE", s.customer(), s.tenders(),
                s.taxableValue(), s.cgst(), s.sgst(), s.igst(), s.roundOff(), 5L));
        // inventory is slow: its cost arrives after the void
        await().atMost(Duration.ofSeconds(30)).until(() -> trialBalance(shop).containsKey("4000")
                && net(trialBalance(shop), "4000").signum() == 0);
        publish(Topics.INVENTORY, order, shop, EventTypes.STOCK_COMMITTED, committed(order));
        await().atMost(Duration.ofSeconds(30)).until(() -> trialBalance(shop).containsKey("5000")
                && trialBalance(shop).get("5000")[1].signum() > 0 && trialBalance(shop).containsKey("3100"));
        Map<String, BigDecimal[]> tb = trialBalance(shop);
        // everything sold came back: the shelf is worth what was received, 2370.00, and the sale left nothing behind
        assertThat(net(tb, "1200")).isEqualByComparingTo("2370.00");
        assertThat(net(tb, "3100")).isEqualByComparingTo("-2370.00");
        tb.forEach((account, r) -> {
            if (!account.equals("1200") && !account.equals("3100")) {
                assertThat(r[0]).as("account %s nets to zero", account).isEqualByComparingTo(r[1]);
            }
        });
        assertThat(tb.get("5000")[0]).isEqualByComparingTo("455.50");
    }

    @Test
    void refundsReverseAtInvoiceRatesAndCreditTheKhata() {
        String shop = "shop-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        stocked(shop);
        publish(Topics.ORDER, order, shop, EventTypes.ORDER_CONFIRMED, sale(order, List.of(tender("CREDIT", "581.00"))));
        publish(Topics.INVENTORY, order, shop, EventTypes.STOCK_COMMITTED, committed(order));
        // one biscuit back on the shelf, both atta damaged: two credit notes, the second to the khata
        publish(Topics.ORDER, order, shop, EventTypes.ORDER_REFUNDED, new OrderEvents.OrderRefunded(order, "r-1", "CN/2627/00001",
                "INV/2627/00001", null, "u", Instant.now(), "INR", null, List.of(new OrderEvents.RefundLine(2, "p-bisc", "BISC", "Biscuit",
                "1905", d("1"), d("18"), d("25.40"), d("2.29"), d("2.29"), d("0"), d("29.98"), "RESTOCK")), d("30.00"), "TAX_INVOICE",
                "29", "INTRA_STATE", CUSTOMER, tender("CASH", "30.00"), d("25.40"), d("2.29"), d("2.29"), d("0"), d("0.02"), 0L, false));
        publish(Topics.ORDER, order, shop, EventTypes.ORDER_REFUNDED, new OrderEvents.OrderRefunded(order, "r-2", "CN/2627/00002",
                "INV/2627/00001", null, "u", Instant.now(), "INR", null, List.of(new OrderEvents.RefundLine(1, "p-atta", "ATTA", "Atta",
                "1101", d("2"), d("5"), d("467.62"), d("11.69"), d("11.69"), d("0"), d("491.00"), "WRITE_OFF")), d("491.00"), "TAX_INVOICE",
                "29", "INTRA_STATE", CUSTOMER, tender("CREDIT", "491.00"), d("467.62"), d("11.69"), d("11.69"), d("0"), d("0"), 4L, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> trialBalance(shop).containsKey("5100") && trialBalance(shop).containsKey("3100"));
        Map<String, BigDecimal[]> tb = trialBalance(shop);
        assertThat(net(tb, "4010")).isEqualByComparingTo("493.02");       // 25.40 + 467.62
        assertThat(net(tb, "2100")).isEqualByComparingTo("-4.57");        // 18.55 − 2.29 − 11.69
        assertThat(net(tb, "1000")).isEqualByComparingTo("-30.00");       // cash paid back
        assertThat(net(tb, "5100")).isEqualByComparingTo("400.00");       // 2 damaged atta at 200
        assertThat(net(tb, "5000")).isEqualByComparingTo("37.00");        // 455.50 − 18.50 restocked − 400 written off
        // 2370.00 − 455.50 + 18.50 = 1933.00: inventory-service holds 8 atta × 200.00 + 18 biscuits × 18.50 = 1600.00 + 333.00
        assertThat(net(tb, "1200")).isEqualByComparingTo("1933.00");
        http.get().uri("/api/v1/accounting/khata/9876500001").headers(h -> h.setBearerAuth(token(shop))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.balance").isEqualTo("90.00");   // 581 − 491
        http.get().uri("/api/v1/accounting/khata/not-a-party").headers(h -> h.setBearerAuth(token(shop))).exchange()
                .expectStatus().isBadRequest();
    }
}
