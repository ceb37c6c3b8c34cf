package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.InventoryEvents.LotMove;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every event that changes a lot names it, with a signed quantity: a consumer that only reads the inventory topic can
 * tell, per lot, what is left of it (the sum of its lot moves), its batch, expiry, cost and when it came in.
 */
@KiranaServiceTest
class LotMovesTest {
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    ReservationService reservations;
    @Autowired
    StockService stock;

    InventoryApi api() {
        return new InventoryApi(http, db, inbox, reservations);
    }

    @Test
    void receiptsSalesAdjustmentsReturnsTransfersAndCountsPublishWhatTheyDidToEachLot() {
        var api = api();
        LocalDate today = stock.today();
        LocalDate late = today.plusDays(10);
        LocalDate soon = today.plusDays(3);
        String milk = api.product("MILK-LOTS", true, true, false, null, "Dairy");

        // lot A: 10 at 26.00, expiring in 10 days; lot B, received after it: 8 at 25.50, expiring in 3 days
        api.receive(milk, "10", "26.00", "batchNo", "M-LATE", "expiryDate", late.toString()).expectStatus().isCreated();
        api.receive(milk, "8", "25.50", "batchNo", "M-SOON", "expiryDate", soon.toString()).expectStatus().isCreated();
        String counter = (String) api.level(milk, null).get("locationId");

        // sale 1 of 11, first expiry first out: all 8 of B, then 3 of A
        String sale1 = UUID.randomUUID().toString();
        assertThat(api.reserve(sale1, Map.of(milk, "11"))).isTrue();
        api.commit(sale1);
        // damage: 2 of batch M-LATE (lot A)
        api.json(api.post("/api/v1/inventory/adjustments", Map.of("productId", milk, "reason", "DAMAGE", "quantity", "-2",
                "batchNo", "M-LATE", "note", "torn pouches")), 201);
        // sale 2 of 4: only A is left to sell from
        String sale2 = UUID.randomUUID().toString();
        assertThat(api.reserve(sale2, Map.of(milk, "4"))).isTrue();
        api.commit(sale2);
        assertThat(api.level(milk, counter)).containsEntry("onHand", "1.000"); // 18 - 11 - 2 - 4

        // sale 2 is voided: its 4 come back as a new lot C, with the batch and expiry they left from (A's)
        publish(api, sale2, EventTypes.ORDER_VOIDED, voided(sale2, milk, "4"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.level(milk, counter)).containsEntry("onHand", "5.000"));
        // a customer brings 2 of sale 1 back, of batch M-SOON: lot D
        api.json(api.post("/api/v1/inventory/returns", Map.of("productId", milk, "quantity", "2", "orderId", sale1,
                "batchNo", "M-SOON", "expiryDate", soon.toString(), "reason", "not needed")), 201);
        // 1 goes to the cold room, first expiry first: out of D, into a new lot E there
        String coldRoom = (String) api.json(api.post("/api/v1/inventory/locations",
                Map.of("code", "COLD-L", "name", "Cold room", "kind", "GODOWN")), 201).get("id");
        api.json(api.post("/api/v1/inventory/transfers", Map.of("fromLocationId", counter, "toLocationId", coldRoom,
                "lines", List.of(Map.of("productId", milk, "quantity", "1")))), 201);
        // the counter's count finds 5 of the 6 on the books (A 1 + C 4 + D 1): the shortage comes out of D, first to expire
        api.json(api.post("/api/v1/inventory/counts", Map.of("locationId", counter,
                "lines", List.of(Map.of("productId", milk, "counted", "5")))), 201);

        // 2 stock.received + 2 stock.committed + DAMAGE, 2 CUSTOMER_RETURN, TRANSFER_OUT, TRANSFER_IN, COUNT_ADJUSTMENT
        List<CloudEvent> events = api.shopEvents(es -> count(es, EventTypes.STOCK_RECEIVED) == 2 && count(es, EventTypes.STOCK_COMMITTED) == 2
                && count(es, EventTypes.STOCK_ADJUSTED) == 6);

        var receipts = events.stream().filter(e -> e.getType().equals(EventTypes.STOCK_RECEIVED))
                .map(e -> KiranaEvents.data(e, InventoryEvents.StockReceived.class)).toList();
        LotMove a = only(receipts.get(0).lots());
        LotMove b = only(receipts.get(1).lots());
        assertMove(a, "M-LATE", late, "10.000", "26.0000", "10.000");
        assertMove(b, "M-SOON", soon, "8.000", "25.5000", "8.000");
        assertThat(a.lotId()).isNotEqualTo(b.lotId());
        assertThat(b.receivedAt()).isAfterOrEqualTo(a.receivedAt());

        Map<String, InventoryEvents.CostedLine> sold = events.stream().filter(e -> e.getType().equals(EventTypes.STOCK_COMMITTED))
                .map(e -> KiranaEvents.data(e, InventoryEvents.StockCommitted.class))
                .collect(Collectors.toMap(InventoryEvents.StockCommitted::orderId, c -> only(c.lines())));
        // sale 1: B first (it expires first), although A came in first
        assertThat(sold.get(sale1).lots()).extracting(LotMove::lotId).containsExactly(b.lotId(), a.lotId());
        assertMove(sold.get(sale1).lots().get(0), "M-SOON", soon, "-8.000", "25.5000", "0.000");
        assertMove(sold.get(sale1).lots().get(1), "M-LATE", late, "-3.000", "26.0000", "7.000");
        assertThat(only(sold.get(sale2).lots()).lotId()).isEqualTo(a.lotId());
        assertMove(only(sold.get(sale2).lots()), "M-LATE", late, "-4.000", "26.0000", "1.000");

        Map<String, InventoryEvents.StockAdjusted> adjusted = new HashMap<>();
        List<InventoryEvents.StockAdjusted> returns = new ArrayList<>();
        events.stream().filter(e -> e.getType().equals(EventTypes.STOCK_ADJUSTED))
                .map(e -> KiranaEvents.data(e, InventoryEvents.StockAdjusted.class))
                .forEach(x -> {
                    if (x.movement().equals("CUSTOMER_RETURN")) {
                        returns.add(x);
                    } else {
                        adjusted.put(x.movement(), x);
                    }
                });
        assertThat(adjusted).containsOnlyKeys("DAMAGE", "TRANSFER_OUT", "TRANSFER_IN", "COUNT_ADJUSTMENT");
        assertThat(only(adjusted.get("DAMAGE").lots()).lotId()).isEqualTo(a.lotId());
        assertMove(only(adjusted.get("DAMAGE").lots()), "M-LATE", late, "-2.000", "26.0000", "5.000");

        // the void's lot C and the return's lot D: new lots at the cost the goods were sold at, the moving average
        // (10 x 26.00 + 8 x 25.50) / 18 = 464 / 18 = 25.7778; the average stays there, so the transfer moves at it too
        var voidReturn = returns.stream().filter(x -> x.reference().equals("order:" + sale2)).findFirst().orElseThrow();
        var customerReturn = returns.stream().filter(x -> x.reference().equals("order:" + sale1)).findFirst().orElseThrow();
        LotMove c = only(voidReturn.lots());
        LotMove d = only(customerReturn.lots());
        assertMove(c, "M-LATE", late, "4.000", "25.7778", "4.000");
        assertMove(d, "M-SOON", soon, "2.000", "25.7778", "2.000");
        assertThat(List.of(c.lotId(), d.lotId())).doesNotContain(a.lotId(), b.lotId()).doesNotHaveDuplicates();

        // the transfer: 1 out of D at the counter, into a new lot E in the cold room with D's batch and expiry
        var out = adjusted.get("TRANSFER_OUT");
        var in = adjusted.get("TRANSFER_IN");
        assertThat(out.locationId()).isEqualTo(counter);
        assertThat(in.locationId()).isEqualTo(coldRoom);
        assertThat(only(out.lots()).lotId()).isEqualTo(d.lotId());
        assertMove(only(out.lots()), "M-SOON", soon, "-1.000", "25.7778", "1.000");
        LotMove e = only(in.lots());
        assertThat(e.lotId()).isNotIn(a.lotId(), b.lotId(), c.lotId(), d.lotId());
        assertMove(e, "M-SOON", soon, "1.000", "25.7778", "1.000");

        // the count's shortage of 1: out of D, the first to expire
        assertThat(only(adjusted.get("COUNT_ADJUSTMENT").lots()).lotId()).isEqualTo(d.lotId());
        assertMove(only(adjusted.get("COUNT_ADJUSTMENT").lots()), "M-SOON", soon, "-1.000", "25.7778", "0.000");

        // every event's lot moves add up to the event's own quantity
        receipts.forEach(r -> assertThat(sum(r.lots())).isEqualByComparingTo(r.quantity()));
        sold.values().forEach(l -> assertThat(sum(l.lots())).isEqualByComparingTo(l.quantity().negate()));
        events.stream().filter(ev -> ev.getType().equals(EventTypes.STOCK_ADJUSTED))
                .map(ev -> KiranaEvents.data(ev, InventoryEvents.StockAdjusted.class))
                .forEach(x -> assertThat(sum(x.lots())).as(x.movement()).isEqualByComparingTo(x.quantity()));

        // per lot, from the events alone: A 10 - 3 - 2 - 4 = 1, B 8 - 8 = 0, C 4, D 2 - 1 - 1 = 0, E 1
        Map<String, BigDecimal> fromEvents = InventoryApi.lotTotals(events);
        assertThat(fromEvents).containsOnlyKeys(a.lotId(), b.lotId(), c.lotId(), d.lotId(), e.lotId());
        assertThat(fromEvents.get(a.lotId())).isEqualByComparingTo("1");
        assertThat(fromEvents.get(b.lotId())).isEqualByComparingTo("0");
        assertThat(fromEvents.get(c.lotId())).isEqualByComparingTo("4");
        assertThat(fromEvents.get(d.lotId())).isEqualByComparingTo("0");
        assertThat(fromEvents.get(e.lotId())).isEqualByComparingTo("1");

        // ... which is what the inventory API shows of each open batch (A, C and E; B and D are used up) ...
        List<?> batches = api.get("/api/v1/inventory/batches?productId=" + milk).expectStatus().isOk().expectBody(List.class)
                .returnResult().getResponseBody();
        Map<String, BigDecimal> open = new HashMap<>();
        for (Object o : batches) {
            var batch = (Map<?, ?>) o;
            open.put(String.valueOf(batch.get("lotId")), new BigDecimal(String.valueOf(batch.get("remaining"))));
        }
        assertThat(open).containsOnlyKeys(a.lotId(), c.lotId(), e.lotId());
        open.forEach((lot, remaining) -> assertThat(fromEvents.get(lot)).as("lot " + lot).isEqualByComparingTo(remaining));

        // ... and what each of the product's lots holds in the database, with the arrival times the events named
        Map<String, Object[]> stored = db.sql("SELECT id, remaining, received_at FROM stock_lots WHERE shop_id = :shop AND product_id = :p")
                .bind("shop", api.shop).bind("p", milk)
                .map(r -> Map.entry(String.valueOf(r.get("id", Long.class)),
                        new Object[] {r.get("remaining", BigDecimal.class), r.get("received_at", OffsetDateTime.class).toInstant()}))
                .all().collectList().block().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(stored).containsOnlyKeys(fromEvents.keySet());
        stored.forEach((lot, row) -> assertThat(fromEvents.get(lot)).as("lot " + lot).isEqualByComparingTo((BigDecimal) row[0]));
        for (LotMove m : List.of(a, b, c, d, e)) {
            assertThat(m.receivedAt()).as("lot " + m.lotId()).isEqualTo((Instant) stored.get(m.lotId())[1]);
        }
        assertThat(api.consistent()).isTrue();
    }

    @Test
    void aSaleOfSerialUnitsNamesTheLotTheUnitsCameIn() {
        var api = api();
        String phone = api.product("PHONE-LOTS", true, false, true, null, null);
        api.receive(phone, "2", "9000.00", "serials", List.of("IMEI-L1", "IMEI-L2")).expectStatus().isCreated();
        api.receive(phone, "1", "9500.00", "serials", List.of("IMEI-L3")).expectStatus().isCreated();
        String order = UUID.randomUUID().toString();
        assertThat(api.reserve(order, Map.of(phone, "2"))).isTrue();
        api.commit(order);

        List<CloudEvent> events = api.shopEvents(es -> count(es, EventTypes.STOCK_RECEIVED) == 2 && count(es, EventTypes.STOCK_COMMITTED) == 1);
        var receipts = events.stream().filter(e -> e.getType().equals(EventTypes.STOCK_RECEIVED))
                .map(e -> only(KiranaEvents.data(e, InventoryEvents.StockReceived.class).lots())).toList();
        assertMove(receipts.get(0), null, null, "2.000", "9000.0000", "2.000");
        var line = only(KiranaEvents.data(events.stream().filter(e -> e.getType().equals(EventTypes.STOCK_COMMITTED)).findFirst().orElseThrow(),
                InventoryEvents.StockCommitted.class).lines());
        // the first-in units go: both of the first lot
        assertThat(only(line.lots()).lotId()).isEqualTo(receipts.get(0).lotId());
        assertMove(only(line.lots()), null, null, "-2.000", "9000.0000", "0.000");
        assertThat(InventoryApi.lotTotals(events)).containsOnly(Map.entry(receipts.get(0).lotId(), new BigDecimal("0.000")),
                Map.entry(receipts.get(1).lotId(), new BigDecimal("1.000")));
    }

    private static void assertMove(LotMove m, String batchNo, LocalDate expiry, String quantity, String unitCost, String remaining) {
        assertThat(m.batchNo()).as("batch of lot " + m.lotId()).isEqualTo(batchNo);
        assertThat(m.expiryDate()).as("expiry of lot " + m.lotId()).isEqualTo(expiry);
        assertThat(m.quantity().toPlainString()).as("quantity of lot " + m.lotId()).isEqualTo(quantity);
        assertThat(m.unitCost().toPlainString()).as("unit cost of lot " + m.lotId()).isEqualTo(unitCost);
        assertThat(m.remaining().toPlainString()).as("remaining of lot " + m.lotId()).isEqualTo(remaining);
        assertThat(m.receivedAt()).as("arrival of lot " + m.lotId()).isNotNull();
    }

    private static BigDecimal sum(List<LotMove> moves) {
        return moves.stream().map(LotMove::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static long count(List<CloudEvent> events, String type) {
        return events.stream().filter(e -> e.getType().equals(type)).count();
    }

    private static void publish(InventoryApi api, String orderId, String type, Object data) {
        var event = KiranaEvents.event(type, "test", orderId, api.shop, data);
        try {
            InventoryApi.producer().send(KiranaEvents.toRecord(Topics.ORDER, orderId, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static OrderEvents.OrderVoided voided(String orderId, String productId, String qty) {
        var line = new OrderEvents.OrderLine(productId, "S", "n", new BigDecimal(qty), BigDecimal.TEN, BigDecimal.TEN);
        return new OrderEvents.OrderVoided(orderId, "INV/26-27/L1", "wrong customer", "u-manager", Instant.now(), "INR", null,
                List.of(line), new BigDecimal("40"), "TAX_INVOICE", "29", "INTRA_STATE", null, List.of(),
                new BigDecimal("38.10"), new BigDecimal("0.95"), new BigDecimal("0.95"), BigDecimal.ZERO, BigDecimal.ZERO, null);
    }
}
