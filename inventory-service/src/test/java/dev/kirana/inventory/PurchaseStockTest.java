package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Stock follows the suppliers' bills accounting-service records (purchase.billed / purchase.returned on its topic),
 * once per event, at the bill's cost — so inventory's valuation of those goods is the bill's taxable value, the very
 * amount the bill debits to the Inventory account (PurchaseBillsTest in accounting-service asserts that side).
 */
@KiranaServiceTest
class PurchaseStockTest {
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    ReservationService reservations;

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static AccountingEvents.PurchaseLine line(int no, String product, String qty, String cost, String taxable, String cgst, String sgst,
                                              String igst, String batch, LocalDate expiry, String location) {
        return new AccountingEvents.PurchaseLine(no, product, d(qty), d(cost), d("5.00"), d(taxable), d(cgst), d(sgst), d(igst), batch,
                expiry, location);
    }

    static CloudEvent send(InventoryApi api, String type, String key, Object data) {
        CloudEvent e = KiranaEvents.event(type, "accounting-service", key, api.shop, data);
        new dev.kirana.events.EventSchemaValidator().assertValid(e);   // what accounting-service publishes, by its contract
        send(key, e);
        return e;
    }

    static void send(String key, CloudEvent e) {
        try {
            InventoryApi.producer().send(KiranaEvents.toRecord(Topics.ACCOUNTING, key, e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    BigDecimal onHand(InventoryApi api, String product) {
        Map<String, Object> level = api.level(product, null);
        return level.isEmpty() ? BigDecimal.ZERO : new BigDecimal(String.valueOf(level.get("onHand")));
    }

    String totalValue(InventoryApi api) {
        return (String) api.json(api.get("/api/v1/inventory/valuation"), 200).get("totalValue");
    }

    @Test
    void aBillReceivesItsLinesOnceAtItsCostAndItsDebitNoteTakesThemOut() {
        InventoryApi api = new InventoryApi(http, db, inbox, reservations);
        String atta = api.product("ATTA5");
        String oil = api.product("OIL1");
        String phone = api.product("PHONE", true, false, true, null, null);
        String billId = UUID.randomUUID().toString();
        LocalDate expiry = LocalDate.now().plusMonths(6);
        // the bill as accounting-service records it: 10 x 40.00 = 400.00 (CGST 10.00 + SGST 10.00) and 2 x 500.00 = 1000.00
        // (CGST 25.00 + SGST 25.00) at 5 % within the state; taxable 1400.00, Dr Inventory 1400.00 in the books.
        // The oil names a location this shop does not have: it goes to the default one, flagged.
        var bill = new AccountingEvents.PurchaseBilled(billId, UUID.randomUUID().toString(), "Sharma Traders", null, "ST-1",
                LocalDate.now(), "INTRA_STATE", List.of(
                        line(1, atta, "10", "40.0000", "400.00", "10.00", "10.00", "0.00", "AT2604", expiry, null),
                        line(2, oil, "2", "500.0000", "1000.00", "25.00", "25.00", "0.00", null, null, UUID.randomUUID().toString()),
                        line(3, phone, "1", "8000.0000", "8000.00", "200.00", "200.00", "0.00", null, null, null)),
                d("9400.00"), d("235.00"), d("235.00"), d("0.00"), d("0.00"), d("9870.00"), null, "u-owner");
        CloudEvent billed = send(api, EventTypes.PURCHASE_BILLED, billId, bill);
        await().atMost(Duration.ofSeconds(30)).until(() -> onHand(api, oil).compareTo(d("2")) == 0);
        assertThat(onHand(api, atta)).isEqualByComparingTo("10");
        // inventory's valuation = 400.00 + 1000.00 = 1400.00 = the bill's Dr Inventory (the phone was not received, see below)
        assertThat(totalValue(api)).isEqualTo("1400.00");
        assertThat(onHand(api, phone)).isEqualByComparingTo("0");

        // each receipt says which bill it came on, so the books do not post its value a second time
        List<CloudEvent> receipts = api.events(atta, es -> es.stream().anyMatch(e -> e.getType().equals(EventTypes.STOCK_RECEIVED)));
        var received = KiranaEvents.data(receipts.stream().filter(e -> e.getType().equals(EventTypes.STOCK_RECEIVED)).findFirst().orElseThrow(),
                InventoryEvents.StockReceived.class);
        assertThat(received.purchaseBillId()).isEqualTo(billId);
        assertThat(received.unitCost()).isEqualByComparingTo("40");
        // ... and the lot the goods went into, with the bill's batch and expiry
        var lot = received.lots().get(0);
        assertThat(received.lots()).hasSize(1);
        assertThat(lot.batchNo()).isEqualTo("AT2604");
        assertThat(lot.expiryDate()).isEqualTo(expiry);
        assertThat(lot.quantity()).isEqualByComparingTo("10");
        assertThat(lot.unitCost()).isEqualByComparingTo("40");
        assertThat(lot.receivedAt()).isNotNull();
        api.get("/api/v1/inventory/ledger?productId=" + atta).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].movement").isEqualTo("PURCHASE_RECEIPT")
                .jsonPath("$[0].cause").isEqualTo("purchase-bill:" + billId + ":1")
                .jsonPath("$[0].lots[0].batchNo").isEqualTo("AT2604");

        // the bill delivered again (the same event): nothing received twice. A second bill behind it on the same key
        // shows the first was handled again by then.
        send(billId, billed);
        String marker = api.product("MARKER");
        send(api, EventTypes.PURCHASE_BILLED, billId, new AccountingEvents.PurchaseBilled(UUID.randomUUID().toString(), bill.supplierId(),
                "Sharma Traders", null, "ST-2", LocalDate.now(), "INTRA_STATE",
                List.of(line(1, marker, "1", "1.0000", "1.00", "0.03", "0.03", "0.00", null, null, null)),
                d("1.00"), d("0.03"), d("0.03"), d("0.00"), d("-0.06"), d("1.00"), null, "u-owner"));
        await().atMost(Duration.ofSeconds(30)).until(() -> onHand(api, marker).compareTo(d("1")) == 0);
        assertThat(onHand(api, atta)).isEqualByComparingTo("10");
        assertThat(totalValue(api)).isEqualTo("1401.00");

        // debit note 1: 2 of the atta back at the bill's cost -> 80.00 out; valuation 1401.00 - 80.00 = 1321.00
        String returnId = UUID.randomUUID().toString();
        var note = new AccountingEvents.PurchaseReturned(returnId, billId, "DN/26-27/0001", bill.supplierId(), "ST-1", LocalDate.now(),
                List.of(line(1, atta, "2", "40.0000", "80.00", "2.00", "2.00", "0.00", "AT2604", expiry, null)),
                d("80.00"), d("2.00"), d("2.00"), d("0.00"), d("84.00"), "torn packets", "u-owner");
        CloudEvent returned = send(api, EventTypes.PURCHASE_RETURNED, billId, note);
        await().atMost(Duration.ofSeconds(30)).until(() -> onHand(api, atta).compareTo(d("8")) == 0);
        assertThat(totalValue(api)).isEqualTo("1321.00");
        List<CloudEvent> adjusted = api.events(atta, es -> es.stream().anyMatch(e -> e.getType().equals(EventTypes.STOCK_ADJUSTED)));
        var out = KiranaEvents.data(adjusted.stream().filter(e -> e.getType().equals(EventTypes.STOCK_ADJUSTED)).findFirst().orElseThrow(),
                InventoryEvents.StockAdjusted.class);
        assertThat(out.movement()).isEqualTo("SUPPLIER_RETURN");
        assertThat(out.quantity()).isEqualByComparingTo("-2");
        assertThat(out.value()).isEqualByComparingTo("-80.00");
        assertThat(out.reference()).isEqualTo("purchase-return:" + returnId + ":1");
        // out of the bill's lot: 10 - 2 = 8 left in it
        assertThat(out.lots()).hasSize(1);
        assertThat(out.lots().get(0).lotId()).isEqualTo(lot.lotId());
        assertThat(out.lots().get(0).quantity()).isEqualByComparingTo("-2");
        assertThat(out.lots().get(0).remaining()).isEqualByComparingTo("8");

        // the debit note delivered again: nothing more leaves. 5 of the atta are sold, 3 are left; debit note 2 sends 4 back:
        // the 3 there leave (120.00), the 1 that is not there is flagged
        send(billId, returned);
        assertThat(api.sell(atta, "5")).isTrue();
        var note2 = new AccountingEvents.PurchaseReturned(UUID.randomUUID().toString(), billId, "DN/26-27/0002", bill.supplierId(), "ST-1",
                LocalDate.now(), List.of(line(1, atta, "4", "40.0000", "160.00", "4.00", "4.00", "0.00", "AT2604", expiry, null)),
                d("160.00"), d("4.00"), d("4.00"), d("0.00"), d("168.00"), null, "u-owner");
        send(api, EventTypes.PURCHASE_RETURNED, billId, note2);
        await().atMost(Duration.ofSeconds(30)).until(() -> onHand(api, atta).signum() == 0);
        // 10 in - 2 back - 5 sold - 3 back = 0 (had the first debit note been applied twice, only 1 would have been left for
        // the second and its flag would say 3 could not leave stock)
        // valuation: oil 1000.00 + marker 1.00
        assertThat(totalValue(api)).isEqualTo("1001.00");

        List<?> flags = api.get("/api/v1/inventory/purchase-flags?billId=" + billId).expectStatus().isOk().expectBody(List.class)
                .returnResult().getResponseBody();
        assertThat(flags).hasSize(3);
        assertThat(flags.toString()).contains("received at the default location").contains("serial-tracked")
                .contains("only 3 of 4 of batch AT2604 free in stock here: 1 could not leave stock");
        assertThat(api.consistent()).isTrue();
        // a cashier does not see them
        http.get().uri("/api/v1/inventory/purchase-flags").headers(h -> h.setBearerAuth(
                        dev.kirana.testing.TestInfrastructure.get().jwt().token("u-cashier", api.shop, "CASHIER")))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
    }
}
