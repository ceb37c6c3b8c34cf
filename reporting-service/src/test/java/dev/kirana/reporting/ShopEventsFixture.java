package dev.kirana.reporting;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One shop's week as the other services would have published it: three products (one never stocked), three lots, four sales (one voided,
 * one partly refunded), their costs, a customer's khata history, a supplier's balance, two expenses (one reversed)
 * and a day close. The figures the tests expect were worked out by hand from these events (see ReportsTest).
 */
final class ShopEventsFixture {
    static final String TEA = "p-tea";
    static final String BUTTER = "p-butter";
    static final String SALT = "p-salt";
    final String shop = "shop-" + UUID.randomUUID();
    final String saleA = UUID.randomUUID().toString();
    final String saleB = UUID.randomUUID().toString();
    final String saleC = UUID.randomUUID().toString();
    final String saleD = UUID.randomUUID().toString();
    final String lot1 = UUID.randomUUID().toString();
    final String lot2 = UUID.randomUUID().toString();
    final String lot3 = UUID.randomUUID().toString();
    final String lot4 = UUID.randomUUID().toString();
    final String lot5 = UUID.randomUUID().toString();
    /** How many events {@link #publish()} sent. */
    int published;

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Instant t(String v) {
        return Instant.parse(v);
    }

    void publish() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            Sender send = (topic, type, key, at, data) -> {
                CloudEvent e = KiranaEvents.event(UUID.randomUUID().toString(), type, "test", key, shop,
                        at.atOffset(ZoneOffset.UTC), EventJson.write(data));
                producer.send(KiranaEvents.toRecord(topic, key, e)).get();
                published++;
                return e;
            };
            send.send(Topics.SHOP, EventTypes.SHOP_CREATED, shop, t("2026-08-01T00:00:00Z"),
                    new ShopEvents.ShopCreated(shop, "Sharma Kirana", "27", null, "INR", "REGULAR", "u-owner"));
            send.send(Topics.CATALOG, EventTypes.PRODUCT_CREATED, TEA, t("2026-08-01T00:00:00Z"),
                    new CatalogEvents.ProductChanged(TEA, "TEA250", null, "Tata Tea 250g", "0902", d("5"), d("150.00"),
                            d("160.00"), true, "PCS", true, 1, null, "c-tea", "Grocery/Tea", d("100.00"), d("5"), false, false));
            send.send(Topics.CATALOG, EventTypes.PRODUCT_CREATED, BUTTER, t("2026-08-01T00:00:00Z"),
                    new CatalogEvents.ProductChanged(BUTTER, "BUT100", null, "Amul Butter 100g", "0405", d("12"), d("56.00"),
                            d("58.00"), true, "PCS", true, 1, null, "c-dairy", "Dairy", d("40.00"), d("15"), true, false));
            // salt: a product with a reorder level that has never been received (none on hand: the lowest stock there is)
            send.send(Topics.CATALOG, EventTypes.PRODUCT_CREATED, SALT, t("2026-08-01T00:00:00Z"),
                    new CatalogEvents.ProductChanged(SALT, "SALT1KG", null, "Tata Salt 1kg", "2501", d("0"), d("28.00"),
                            d("28.00"), true, "PCS", true, 1, null, "c-staples", "Staples", d("22.00"), d("10"), false, false));
            // stock: tea 20 @ 100 in August; butter two lots in November, 10 @ 40 (expires 25 Nov) and 10 @ 42 (20 Dec)
            send.send(Topics.INVENTORY, EventTypes.STOCK_RECEIVED, TEA, t("2026-08-01T05:00:00Z"),
                    new InventoryEvents.StockReceived(TEA, "loc", d("20"), d("100.00"), d("20"), null,
                            List.of(new InventoryEvents.LotMove(lot1, null, null, t("2026-08-01T05:00:00Z"), d("20"), d("100.00")))));
            send.send(Topics.INVENTORY, EventTypes.STOCK_RECEIVED, BUTTER, t("2026-11-01T05:00:00Z"),
                    new InventoryEvents.StockReceived(BUTTER, "loc", d("10"), d("40.00"), d("10"), null,
                            List.of(new InventoryEvents.LotMove(lot2, "B-11", LocalDate.parse("2026-11-25"), t("2026-11-01T05:00:00Z"), d("10"), d("40.00")))));
            send.send(Topics.INVENTORY, EventTypes.STOCK_RECEIVED, BUTTER, t("2026-11-01T05:00:00Z"),
                    new InventoryEvents.StockReceived(BUTTER, "loc", d("10"), d("42.00"), d("20"), null,
                            List.of(new InventoryEvents.LotMove(lot3, "B-12", LocalDate.parse("2026-12-20"), t("2026-11-01T05:00:00Z"), d("10"), d("42.00")))));

            // sale D, Friday a week before: one tea, cash
            OrderEvents.OrderLine teaOne = line(1, TEA, "Tata Tea 250g", "1", "150.00", "0902", "5", "0.00", "142.86", "3.57", "3.57");
            sale(send, saleD, "c1", t("2026-11-13T05:00:00Z"), List.of(teaOne), "150.00", "0.00", "142.86", "3.57", "3.57",
                    List.of(tender("CASH", "150.00")), null);
            committed(send, saleD, t("2026-11-13T05:00:01Z"), TEA, "1", "100.00", lot1);

            // sale A, 09:30: two teas and three butters, cash
            sale(send, saleA, "c1", t("2026-11-20T04:00:00Z"), List.of(
                            line(1, TEA, "Tata Tea 250g", "2", "300.00", "0902", "5", "0.00", "285.71", "7.14", "7.15"),
                            line(2, BUTTER, "Amul Butter 100g", "3", "168.00", "0405", "12", "0.00", "150.00", "9.00", "9.00")),
                    "468.00", "0.00", "435.71", "16.14", "16.15", List.of(tender("CASH", "468.00")), null);
            send.send(Topics.INVENTORY, EventTypes.STOCK_COMMITTED, saleA, t("2026-11-20T04:00:01Z"),
                    new InventoryEvents.StockCommitted(saleA, List.of(
                            new InventoryEvents.CostedLine(TEA, d("2"), d("100.00"),
                                    List.of(new InventoryEvents.LotMove(lot1, null, null, null, d("-2"), d("100.00")))),
                            new InventoryEvents.CostedLine(BUTTER, d("3"), d("40.00"),
                                    List.of(new InventoryEvents.LotMove(lot2, null, null, null, d("-3"), d("40.00")))))));
            // sale B, 10:30: five butters, UPI 200 + cash 80; its cost arrives before the sale does
            committed(send, saleB, t("2026-11-20T05:00:01Z"), BUTTER, "5", "40.00", lot2);
            sale(send, saleB, "c2", t("2026-11-20T05:00:00Z"), List.of(
                            line(1, BUTTER, "Amul Butter 100g", "5", "280.00", "0405", "12", "0.00", "250.00", "15.00", "15.00")),
                    "280.00", "0.00", "250.00", "15.00", "15.00", List.of(tender("UPI", "200.00"), tender("CASH", "80.00")), null);
            // sale C, 11:30: one tea at 160 less 10 discount, on Ramesh's khata; voided at 11:50 by the manager
            OrderEvents.OrderLine teaDiscounted = line(1, TEA, "Tata Tea 250g", "1", "150.00", "0902", "5", "10.00", "142.86", "3.57", "3.57");
            OrderEvents.Customer ramesh = new OrderEvents.Customer("Ramesh", "9876543210", null, "27");
            sale(send, saleC, "c1", t("2026-11-20T06:00:00Z"), List.of(teaDiscounted), "150.00", "10.00", "142.86", "3.57",
                    "3.57", List.of(tender("CREDIT", "150.00")), ramesh);
            committed(send, saleC, t("2026-11-20T06:00:01Z"), TEA, "1", "100.00", lot1);
            send.send(Topics.ORDER, EventTypes.ORDER_VOIDED, saleC, t("2026-11-20T06:20:00Z"),
                    new OrderEvents.OrderVoided(saleC, "INV-3", "wrong customer", "m1", t("2026-11-20T06:20:00Z"), "INR", "loc",
                            List.of(teaDiscounted), d("150.00"), "TAX_INVOICE", "27", "INTRA_STATE", ramesh,
                            List.of(tender("CREDIT", "150.00")), d("142.86"), d("3.57"), d("3.57"), d("0.00"), d("0.00"), 0L));
            send.send(Topics.INVENTORY, EventTypes.STOCK_ADJUSTED, TEA, t("2026-11-20T06:20:01Z"),
                    new InventoryEvents.StockAdjusted(TEA, "loc", "CUSTOMER_RETURN", d("1"), d("100.00"), d("100.00"), d("18"),
                            "void", "void:" + saleC,
                            List.of(new InventoryEvents.LotMove(lot4, null, null, t("2026-11-20T06:20:01Z"), d("1"), d("100.00")))));
            // one butter of sale B comes back at 11:55 and goes back on the shelf; 56.00 paid back in cash
            send.send(Topics.ORDER, EventTypes.ORDER_REFUNDED, saleB, t("2026-11-20T06:25:00Z"),
                    new OrderEvents.OrderRefunded(saleB, UUID.randomUUID().toString(), "CN-1", "INV-2", "stale", "c2",
                            t("2026-11-20T06:25:00Z"), "INR", "loc", List.of(new OrderEvents.RefundLine(1, BUTTER, "BUT100",
                            "Amul Butter 100g", "0405", d("1"), d("12"), d("50.00"), d("3.00"), d("3.00"), d("0.00"), d("56.00"),
                            "RESTOCK")), d("56.00"), "TAX_INVOICE", "27", "INTRA_STATE", null,
                            new OrderEvents.Tender("CASH", d("56.00"), null, null, null, null), d("50.00"), d("3.00"), d("3.00"),
                            d("0.00"), d("0.00"), 0L, false));
            send.send(Topics.INVENTORY, EventTypes.STOCK_ADJUSTED, BUTTER, t("2026-11-20T06:25:01Z"),
                    new InventoryEvents.StockAdjusted(BUTTER, "loc", "CUSTOMER_RETURN", d("1"), d("40.00"), d("40.00"), d("13"),
                            "refund", "refund:" + saleB,
                            List.of(new InventoryEvents.LotMove(lot5, null, null, t("2026-11-20T06:25:01Z"), d("1"), d("40.00")))));

            // khata: Ramesh owed 500 on 1 Aug, paid 200 on 1 Oct, bought 150 on credit on 10 Nov; a supplier is owed 1000
            send.send(Topics.ACCOUNTING, EventTypes.PARTY_CREATED, "r1", t("2026-08-01T06:00:00Z"),
                    new AccountingEvents.PartyCreated("r1", "CUSTOMER", "Ramesh", "9876543210", null, "27", null, d("2000.00"),
                            d("500.00"), LocalDate.parse("2026-08-01"), "API", t("2026-08-01T06:00:00Z")));
            balance(send, "r1", "CUSTOMER", "500.00", t("2026-08-01T06:00:00Z"));
            balance(send, "r1", "CUSTOMER", "300.00", t("2026-10-01T06:00:00Z"));
            balance(send, "r1", "CUSTOMER", "450.00", t("2026-11-10T06:00:00Z"));
            send.send(Topics.ACCOUNTING, EventTypes.PARTY_CREATED, "s1", t("2026-08-01T06:00:00Z"),
                    new AccountingEvents.PartyCreated("s1", "SUPPLIER", "Gupta Traders", null, null, "27", null, null,
                            d("1000.00"), LocalDate.parse("2026-08-01"), "API", t("2026-08-01T06:00:00Z")));
            balance(send, "s1", "SUPPLIER", "1000.00", t("2026-08-01T06:00:00Z"));
            // a supplier entered on 15 November with what the shop owed it since 20 August: accounting says the balance
            // changed on the day it was entered; the debt is from 20 August
            send.send(Topics.ACCOUNTING, EventTypes.PARTY_CREATED, "m1", t("2026-11-15T06:00:00Z"),
                    new AccountingEvents.PartyCreated("m1", "SUPPLIER", "Mandi Sabzi", null, null, "27", null, null,
                            d("800.00"), LocalDate.parse("2026-08-20"), "API", t("2026-11-15T06:00:00Z")));
            balance(send, "m1", "SUPPLIER", "800.00", t("2026-11-15T06:00:00Z"));

            // expenses: electricity 1180 (1000 + 18 % GST) from the bank on the 20th; staff tea 50 in cash on the 19th,
            // reversed on the 20th; the 19th closed with 1000.00 counted in the drawer
            send.send(Topics.ACCOUNTING, EventTypes.EXPENSE_RECORDED, "e1", t("2026-11-20T03:00:00Z"),
                    new AccountingEvents.ExpenseRecorded("e1", "x-power", "Electricity", "5300", LocalDate.parse("2026-11-20"),
                            d("1180.00"), d("1000.00"), d("18"), d("90.00"), d("90.00"), d("0.00"), "BANK", "1051", null, "j1", "u-owner"));
            send.send(Topics.ACCOUNTING, EventTypes.EXPENSE_RECORDED, "e2", t("2026-11-19T10:00:00Z"),
                    new AccountingEvents.ExpenseRecorded("e2", "x-staff", "Staff welfare", "5400", LocalDate.parse("2026-11-19"),
                            d("50.00"), d("50.00"), d("0"), d("0.00"), d("0.00"), d("0.00"), "CASH", "1000", null, "j2", "u-owner"));
            send.send(Topics.ACCOUNTING, EventTypes.DAY_CLOSED, "2026-11-19", t("2026-11-19T14:30:00Z"),
                    new AccountingEvents.DayClosed(LocalDate.parse("2026-11-19"), d("1000.00"), d("1000.00"), d("0.00"), null,
                            "u-owner", t("2026-11-19T14:30:00Z")));
            send.send(Topics.ACCOUNTING, EventTypes.EXPENSE_REVERSED, "e2", t("2026-11-20T07:00:00Z"),
                    new AccountingEvents.ExpenseReversed("e2", LocalDate.parse("2026-11-20"), d("50.00"), "entered twice", "j3", "u-owner"));
        }
    }

    private void sale(Sender send, String id, String cashier, Instant at, List<OrderEvents.OrderLine> lines, String total,
                      String discount, String taxable, String cgst, String sgst, List<OrderEvents.Tender> tenders,
                      OrderEvents.Customer customer) throws Exception {
        send.send(Topics.ORDER, EventTypes.ORDER_CONFIRMED, id, at, new OrderEvents.OrderConfirmed(id, cashier, "INR", lines,
                d(total), at, "INV-" + id.substring(0, 4), at.minusSeconds(5), "loc", "TAX_INVOICE", "27", "27", "INTRA_STATE",
                customer, tenders, d(discount), d(taxable), d(cgst), d(sgst), d("0.00"), d("0.00"), 0L, null, d("0.00")));
    }

    private void committed(Sender send, String order, Instant at, String product, String qty, String cost, String lot) throws Exception {
        send.send(Topics.INVENTORY, EventTypes.STOCK_COMMITTED, order, at, new InventoryEvents.StockCommitted(order, List.of(
                new InventoryEvents.CostedLine(product, d(qty), d(cost),
                        List.of(new InventoryEvents.LotMove(lot, null, null, null, d(qty).negate(), d(cost)))))));
    }

    private void balance(Sender send, String party, String kind, String balance, Instant at) throws Exception {
        send.send(Topics.ACCOUNTING, EventTypes.PARTY_BALANCE_CHANGED, party, at,
                new AccountingEvents.PartyBalanceChanged(party, kind, d(balance), null, null, at, null, null));
    }

    static OrderEvents.OrderLine line(int lineNo, String product, String name, String qty, String lineTotal, String hsn, String rate,
                                      String discount, String taxable, String cgst, String sgst) {
        BigDecimal q = d(qty);
        return new OrderEvents.OrderLine(product, product.toUpperCase(), name, q,
                d(lineTotal).add(d(discount)).divide(q, 2, java.math.RoundingMode.HALF_UP), d(lineTotal), lineNo, hsn, "PCS",
                d(rate), true, d(discount), d(taxable), d(cgst), d(sgst), d("0.00"));
    }

    static OrderEvents.Tender tender(String type, String amount) {
        return new OrderEvents.Tender(type, d(amount), null, null, null, null);
    }

    @FunctionalInterface
    interface Sender {
        CloudEvent send(String topic, String type, String key, Instant at, Object data) throws Exception;
    }
}
