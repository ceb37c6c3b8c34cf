package dev.kirana.accounting;

import static dev.kirana.accounting.BooksTestSupport.d;
import static dev.kirana.accounting.BooksTestSupport.newShop;
import static dev.kirana.accounting.BooksTestSupport.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One month of a shop's books worked by hand: Sri Lakshmi Stores, Karnataka (state 29), October 2026. Everything the
 * other services would announce is published as they would (order.confirmed / voided / refunded, stock.received /
 * committed / adjusted), everything the owner enters goes through the API, every date is explicit; then the trial
 * balance, the profit and loss, the balance sheet, two khata statements and Inventory = stock valuation are asserted to
 * the paisa with the figures below. inventory-service does not run here, so the valuation Inventory (1200) is held to is
 * the one worked out below from the stock movements at moving-average cost (on hand x average, per product).
 *
 * <pre>
 * Before the month (30-09-2026)
 *   Owner's capital, by hand: Dr cash 1000  5,000.00, Dr bank 1050 20,000.00 / Cr capital 3000 25,000.00
 *   Asha Patil (customer, 9876500001) owed 500.00 when the books started: Dr 1100 500.00 / Cr 3100 500.00
 *   Ravi Kumar (customer, 9876500002) owes nothing.
 *   The capital was brought into the bank before the books had a bank account, so its 20,000.00 stays on 1050 Bank
 *   accounts. In October the owner opens the current account in the books (1051, under 1050), the shop's only bank account:
 *   the deposit and the UPI settlement go to it by name, the supplier paid by NEFT names it, and the expenses paid by bank
 *   go to it as the shop's only bank account. Everything that moved in October is on 1051.
 *
 * Prices (tax-exclusive, GST 5 % = CGST 2.5 % + SGST 2.5 %, sales within Karnataka):
 *   atta 5 kg 252.00 (tax per unit 6.30 + 6.30), sunflower oil 1 L 148.00 (3.70 + 3.70), sugar 1 kg 45.00 (1.125 + 1.125:
 *   per line 2.5 % of the line's value to the paisa, half up), tea 250 g 128.00 (3.20 + 3.20).
 *   An invoice is rounded to the rupee; the difference is the round off (4900), credit when rounded up.
 *
 * Stock and moving-average cost (average = value on hand / quantity on hand after each receipt; issues leave it alone)
 *   01-10 opening stock (stock.received, no bill): atta 20 x 200.00 = 4,000.00; oil 30 x 120.00 = 3,600.00;
 *         sugar 50 x 38.00 = 1,900.00; tea 20 x 100.00 = 2,000.00. Total 11,500.00: Dr 1200 / Cr 3100.
 *   01-10..04-10 sold atta 3+2+1+4 = 10, oil 4+2+4 = 10, tea 2+1+3 = 6.
 *   05-10 bill B1, Sharma Traders (Karnataka, 29AAGCB7383J1Z4), ST/1021:
 *         atta 30 x 210.00 = 6,300.00, CGST 2.5 % 157.50, SGST 157.50; sugar 50 x 40.00 = 2,000.00, CGST 50.00, SGST 50.00.
 *         Taxable 8,300.00, CGST 207.50, SGST 207.50, total 8,715.00 (Dr 1200, 1300, 1310 / Cr 2000).
 *         atta (10 x 200.00 + 30 x 210.00) / 40 = 8,300.00 / 40 = 207.50; sugar (50 x 38.00 + 50 x 40.00) / 100 = 39.00.
 *   06-10..07-10 sold atta 2+1 = 3, sugar 5+3 = 8, tea 2 (tea on hand 20 - 6 - 2 = 12; oil 20).
 *   08-10 bill B2, Pune Oil Mills (Maharashtra, 27AAPFU0939F1ZV), PO/884, inter-state:
 *         oil 40 x 126.00 = 5,040.00, IGST 5 % 252.00, total 5,292.00 (Dr 1200, 1320 / Cr 2000).
 *         oil (20 x 120.00 + 40 x 126.00) / 60 = 7,440.00 / 60 = 124.00.
 *   09-10..13-10 sold atta 3+2+2 = 7 (with 06/07-10: 10 since B1, 30 left), oil 3+2+1 = 6, sugar 4+6 = 10, tea 2 (10 left).
 *   15-10 bill B3, Sharma Traders, ST/1107: tea 30 x 110.00 = 3,300.00, CGST 82.50, SGST 82.50;
 *         atta 10 x 215.50 = 2,155.00, CGST 53.875 -> 53.88, SGST 53.88.
 *         Taxable 5,455.00, CGST 136.38, SGST 136.38: the lines come to 5,727.76; the bill is printed at 5,728.00, the
 *         supplier's round off +0.24 (Dr 4900 0.24), so Cr 2000 5,728.00.
 *         tea (10 x 100.00 + 30 x 110.00) / 40 = 4,300.00 / 40 = 107.50; atta (30 x 207.50 + 10 x 215.50) / 40 = 8,380.00 / 40 = 209.50.
 *   From 16-10 the averages stay: atta 209.50, oil 124.00, sugar 39.00, tea 107.50. The void and the refund that put
 *   goods back (19-10 and 21-10) return them at the cost they were sold at, which is that average, so it does not move.
 *
 * Quantities at the end of the month
 *   atta  20 - 10 + 30 - 10 + 10 - (3+2+1+4+2+3+2+3+2 = 22) + 1 (void of S13) = 19
 *   oil   30 - 10 + 40 - 6 - (5+2+3+2+4+3+2 = 21) + 2 (refund R1, back on the shelf) = 35
 *   sugar 50 + 50 - 18 - (5+4+3+5+2+3 = 22) = 60 (the sugar refunded in R2 was damaged: written off, not restocked)
 *   tea   20 - 10 + 30 - (4+3+2+2+1+3+2+2 = 19) + 2 (void of S13) = 23
 * Valuation at 31-10: atta 19 x 209.50 = 3,980.50 + oil 35 x 124.00 = 4,340.00 + sugar 60 x 39.00 = 2,340.00
 *                     + tea 23 x 107.50 = 2,472.50 = 13,133.00
 * Inventory account: 11,500.00 + 8,300.00 + 5,040.00 + 5,455.00 (receipts) - 17,834.50 (cost of the twenty sales)
 *                    + 424.50 (void S13 back) + 248.00 (R1 back) = 13,133.00. The same, to the paisa.
 * </pre>
 * The twenty sales are worked line by line where they are published, the rest of the month below them.
 */
@KiranaServiceTest
class OneMonthOfAShopTest {
    static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    static final LocalDate TO = LocalDate.of(2026, 10, 31);
    static final Admin ADMIN = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.get().kafkaBootstrapServers()));
    static final OrderEvents.Customer ASHA = new OrderEvents.Customer("Asha Patil", "9876500001", null, null);
    static final OrderEvents.Customer RAVI = new OrderEvents.Customer("Ravi Kumar", "9876500002", null, null);
    static final Map<String, String[]> PRODUCTS = Map.of(
            "p-atta", new String[]{"ATTA5", "Atta 5 kg", "1101"},
            "p-oil", new String[]{"OIL1", "Sunflower oil 1 L", "1512"},
            "p-sugar", new String[]{"SUGAR1", "Sugar 1 kg", "1701"},
            "p-tea", new String[]{"TEA250", "Tea 250 g", "0902"});

    @Autowired
    WebTestClient http;

    String shop;
    /** Every event published, in order, to be delivered again. */
    final List<Object[]> sent = new ArrayList<>();
    /** Every request that made an entry (uri, Idempotency-Key, body), to be sent again. */
    final List<Object[]> requests = new ArrayList<>();
    final Map<String, OrderEvents.OrderConfirmed> sales = new HashMap<>();
    final AtomicInteger invoices = new AtomicInteger();
    final AtomicInteger minute = new AtomicInteger();

    @AfterAll
    static void close() {
        ADMIN.close();
    }

    @Test
    void aMonthOfAShopInKarnatakaToThePaisa() {
        shop = newShop();
        event(Topics.SHOP, shop, EventTypes.SHOP_CREATED, "2026-09-30",
                new ShopEvents.ShopCreated(shop, "Sri Lakshmi Stores", "29", null, "INR", "REGULAR", "u-owner"));
        caughtUp();   // the books know the shop is in Karnataka before a bill is recorded

        // ---- before the month
        entry("2026-09-30", "Capital brought in by the owner", List.of(dr("1000", "5000.00"), dr("1050", "20000.00"), cr("3000", "25000.00")));
        String asha = party(Map.of("kind", "CUSTOMER", "name", "Asha Patil", "phone", "9876500001", "creditLimit", "5000",
                "openingBalance", "500.00", "openingDate", "2026-09-30"));
        String ravi = party(Map.of("kind", "CUSTOMER", "name", "Ravi Kumar", "phone", "9876500002", "creditLimit", "3000"));
        String sharma = party(Map.of("kind", "SUPPLIER", "name", "Sharma Traders", "gstin", "29AAGCB7383J1Z4"));
        String pune = party(Map.of("kind", "SUPPLIER", "name", "Pune Oil Mills", "gstin", "27AAPFU0939F1ZV"));
        // the current account the till's cash and the UPI provider's settlements go into: its own account 1051 under 1050
        String current = bankAccount();

        // ---- 01-10 opening stock (11,500.00, above)
        received("2026-10-01", "p-atta", "20", "200.0000", "20", null);
        received("2026-10-01", "p-oil", "30", "120.0000", "30", null);
        received("2026-10-01", "p-sugar", "50", "38.0000", "50", null);
        received("2026-10-01", "p-tea", "20", "100.0000", "20", null);

        // S1, 01-10, cash 1063.00: atta 3 x 252.00 = 756.00, CGST 18.90, SGST 18.90; tea 2 x 128.00 = 256.00, CGST 6.40, SGST 6.40.
        //     taxable 1012.00 + CGST 25.30 + SGST 25.30 = 1062.60 -> 1063.00 (round off +0.40). Cost: atta 3 x 200.00 = 600.00 + tea 2 x 100.00 = 200.00 = 800.00
        sell("S1", "2026-10-01", null, "1012.00", "25.30", "0.40", "1063.00", List.of(tender("CASH", "1063.00")),
                List.of(line("p-atta", "3", "252.00", "756.00", "18.90"), line("p-tea", "2", "128.00", "256.00", "6.40")),
                List.of(cost("p-atta", "3", "200.0000"), cost("p-tea", "2", "100.0000")));
        // S2, 02-10, upi 1151.00: atta 2 x 252.00 = 504.00, CGST 12.60, SGST 12.60; oil 4 x 148.00 = 592.00, CGST 14.80, SGST 14.80.
        //     taxable 1096.00 + CGST 27.40 + SGST 27.40 = 1150.80 -> 1151.00 (round off +0.20). Cost: atta 2 x 200.00 = 400.00 + oil 4 x 120.00 = 480.00 = 880.00
        sell("S2", "2026-10-02", null, "1096.00", "27.40", "0.20", "1151.00", List.of(tender("UPI", "1151.00")),
                List.of(line("p-atta", "2", "252.00", "504.00", "12.60"), line("p-oil", "4", "148.00", "592.00", "14.80")),
                List.of(cost("p-atta", "2", "200.0000"), cost("p-oil", "4", "120.0000")));
        // S3, 02-10, credit 710.00 (Asha): atta 1 x 252.00 = 252.00, CGST 6.30, SGST 6.30; oil 2 x 148.00 = 296.00, CGST 7.40, SGST 7.40;
        //     tea 1 x 128.00 = 128.00, CGST 3.20, SGST 3.20.
        //     taxable 676.00 + CGST 16.90 + SGST 16.90 = 709.80 -> 710.00 (round off +0.20). Cost: atta 200.00 + oil 2 x 120.00 = 240.00 + tea 100.00 = 540.00
        sell("S3", "2026-10-02", ASHA, "676.00", "16.90", "0.20", "710.00", List.of(tender("CREDIT", "710.00")),
                List.of(line("p-atta", "1", "252.00", "252.00", "6.30"), line("p-oil", "2", "148.00", "296.00", "7.40"),
                        line("p-tea", "1", "128.00", "128.00", "3.20")),
                List.of(cost("p-atta", "1", "200.0000"), cost("p-oil", "2", "120.0000"), cost("p-tea", "1", "100.0000")));
        // S4, 03-10, cash 1000.00 + upi 1083.00: atta 4 x 252.00 = 1008.00, CGST 25.20, SGST 25.20; oil 4 x 148.00 = 592.00, CGST 14.80,
        //     SGST 14.80; tea 3 x 128.00 = 384.00, CGST 9.60, SGST 9.60.
        //     taxable 1984.00 + CGST 49.60 + SGST 49.60 = 2083.20 -> 2083.00 (round off -0.20). Cost: 800.00 + 480.00 + 300.00 = 1580.00
        sell("S4", "2026-10-03", null, "1984.00", "49.60", "-0.20", "2083.00", List.of(tender("CASH", "1000.00"), tender("UPI", "1083.00")),
                List.of(line("p-atta", "4", "252.00", "1008.00", "25.20"), line("p-oil", "4", "148.00", "592.00", "14.80"),
                        line("p-tea", "3", "128.00", "384.00", "9.60")),
                List.of(cost("p-atta", "4", "200.0000"), cost("p-oil", "4", "120.0000"), cost("p-tea", "3", "100.0000")));

        // ---- 03-10 rent, by bank, no GST: Dr 5300 1500.00 / Cr 1051 (no bank account named: the shop's only one)
        expense(Map.of("date", "2026-10-03", "category", "RENT", "amount", "1500.00", "mode", "BANK", "note", "October rent"));

        // ---- 05-10 bill B1 (worked above); inventory-service then receives the goods naming the bill: no second posting
        String b1 = bill(Map.of("supplierId", sharma, "billNumber", "ST/1021", "billDate", "2026-10-05", "lines", List.of(
                        billLine("p-atta", "30", "210.00"), billLine("p-sugar", "50", "40.00"))),
                "INTRA_STATE", "8300.00", "207.50", "207.50", "0.00", "0.00", "8715.00");
        received("2026-10-05", "p-atta", "30", "210.0000", "40", b1);
        received("2026-10-05", "p-sugar", "50", "40.0000", "100", b1);

        // S5, 06-10, card 765.00: atta 2 x 252.00 = 504.00, CGST 12.60, SGST 12.60; sugar 5 x 45.00 = 225.00, CGST 5.625 -> 5.63, SGST 5.63.
        //     taxable 729.00 + CGST 18.23 + SGST 18.23 = 765.46 -> 765.00 (round off -0.46). Cost: atta 2 x 207.50 = 415.00 + sugar 5 x 39.00 = 195.00 = 610.00
        sell("S5", "2026-10-06", null, "729.00", "18.23", "-0.46", "765.00", List.of(tender("CARD", "765.00")),
                List.of(line("p-atta", "2", "252.00", "504.00", "12.60"), line("p-sugar", "5", "45.00", "225.00", "5.63")),
                List.of(cost("p-atta", "2", "207.5000"), cost("p-sugar", "5", "39.0000")));
        // S6, 07-10, credit 675.00 (Ravi): atta 1 x 252.00 = 252.00, CGST 6.30, SGST 6.30; sugar 3 x 45.00 = 135.00, CGST 3.375 -> 3.38,
        //     SGST 3.38; tea 2 x 128.00 = 256.00, CGST 6.40, SGST 6.40.
        //     taxable 643.00 + CGST 16.08 + SGST 16.08 = 675.16 -> 675.00 (round off -0.16). Cost: 207.50 + 3 x 39.00 = 117.00 + 2 x 100.00 = 200.00 = 524.50
        sell("S6", "2026-10-07", RAVI, "643.00", "16.08", "-0.16", "675.00", List.of(tender("CREDIT", "675.00")),
                List.of(line("p-atta", "1", "252.00", "252.00", "6.30"), line("p-sugar", "3", "45.00", "135.00", "3.38"),
                        line("p-tea", "2", "128.00", "256.00", "6.40")),
                List.of(cost("p-atta", "1", "207.5000"), cost("p-sugar", "3", "39.0000"), cost("p-tea", "2", "100.0000")));

        // ---- 08-10 bill B2 from Maharashtra: IGST (worked above)
        String b2 = bill(Map.of("supplierId", pune, "billNumber", "PO/884", "billDate", "2026-10-08", "lines", List.of(
                        billLine("p-oil", "40", "126.00"))),
                "INTER_STATE", "5040.00", "0.00", "0.00", "252.00", "0.00", "5292.00");
        received("2026-10-08", "p-oil", "40", "126.0000", "60", b2);

        // S7, 09-10, cash 1449.00: atta 3 x 252.00 = 756.00, CGST 18.90, SGST 18.90; oil 3 x 148.00 = 444.00, CGST 11.10, SGST 11.10;
        //     sugar 4 x 45.00 = 180.00, CGST 4.50, SGST 4.50.
        //     taxable 1380.00 + CGST 34.50 + SGST 34.50 = 1449.00, no round off. Cost: 3 x 207.50 = 622.50 + 3 x 124.00 = 372.00 + 4 x 39.00 = 156.00 = 1150.50
        sell("S7", "2026-10-09", null, "1380.00", "34.50", "0.00", "1449.00", List.of(tender("CASH", "1449.00")),
                List.of(line("p-atta", "3", "252.00", "756.00", "18.90"), line("p-oil", "3", "148.00", "444.00", "11.10"),
                        line("p-sugar", "4", "45.00", "180.00", "4.50")),
                List.of(cost("p-atta", "3", "207.5000"), cost("p-oil", "3", "124.0000"), cost("p-sugar", "4", "39.0000")));

        // ---- 10-10 electricity by bank, 590.00 with 18 % GST in it: tax 590.00 x 18 / 118 = 90.00,
        //      CGST 45.00 + SGST 45.00, net 500.00: Dr 5310 500.00, Dr 1300 45.00, Dr 1310 45.00 / Cr 1051 590.00
        expense(Map.of("date", "2026-10-10", "category", "ELECTRICITY", "amount", "590.00", "mode", "BANK", "gstRate", "18",
                "supplierName", "BESCOM", "reference", "BESCOM-2610-0042"));

        // S8, 11-10, upi 600.00 + credit 509.00 (Asha): atta 2 x 252.00 = 504.00, CGST 12.60, SGST 12.60; oil 2 x 148.00 = 296.00,
        //     CGST 7.40, SGST 7.40; tea 2 x 128.00 = 256.00, CGST 6.40, SGST 6.40.
        //     taxable 1056.00 + CGST 26.40 + SGST 26.40 = 1108.80 -> 1109.00 (round off +0.20). Cost: 415.00 + 248.00 + 200.00 = 863.00
        sell("S8", "2026-10-11", ASHA, "1056.00", "26.40", "0.20", "1109.00", List.of(tender("UPI", "600.00"), tender("CREDIT", "509.00")),
                List.of(line("p-atta", "2", "252.00", "504.00", "12.60"), line("p-oil", "2", "148.00", "296.00", "7.40"),
                        line("p-tea", "2", "128.00", "256.00", "6.40")),
                List.of(cost("p-atta", "2", "207.5000"), cost("p-oil", "2", "124.0000"), cost("p-tea", "2", "100.0000")));

        // ---- 12-10 transport (auto fare for stock) in cash: Dr 5330 350.00 / Cr 1000
        expense(Map.of("date", "2026-10-12", "category", "TRANSPORT", "amount", "350.00", "mode", "CASH"));

        // S9, 13-10, cash 468.00 + card 500.00: atta 2 x 252.00 = 504.00, CGST 12.60, SGST 12.60; sugar 6 x 45.00 = 270.00, CGST 6.75,
        //     SGST 6.75; oil 1 x 148.00 = 148.00, CGST 3.70, SGST 3.70.
        //     taxable 922.00 + CGST 23.05 + SGST 23.05 = 968.10 -> 968.00 (round off -0.10). Cost: 415.00 + 6 x 39.00 = 234.00 + 124.00 = 773.00
        sell("S9", "2026-10-13", null, "922.00", "23.05", "-0.10", "968.00", List.of(tender("CASH", "468.00"), tender("CARD", "500.00")),
                List.of(line("p-atta", "2", "252.00", "504.00", "12.60"), line("p-sugar", "6", "45.00", "270.00", "6.75"),
                        line("p-oil", "1", "148.00", "148.00", "3.70")),
                List.of(cost("p-atta", "2", "207.5000"), cost("p-sugar", "6", "39.0000"), cost("p-oil", "1", "124.0000")));

        // ---- 15-10 bill B3 (worked above: the atta line's CGST 53.875 rounds to 53.88; printed total 5,728.00, round off +0.24)
        String b3 = bill(Map.of("supplierId", sharma, "billNumber", "ST/1107", "billDate", "2026-10-15", "lines", List.of(
                        billLine("p-tea", "30", "110.00"), billLine("p-atta", "10", "215.50")), "billTotal", "5728.00"),
                "INTRA_STATE", "5455.00", "136.38", "136.38", "0.00", "0.24", "5728.00");
        received("2026-10-15", "p-tea", "30", "110.0000", "40", b3);
        received("2026-10-15", "p-atta", "10", "215.5000", "40", b3);

        // S10, 16-10, cash 1568.00: atta 3 x 252.00 = 756.00, CGST 18.90, SGST 18.90; tea 4 x 128.00 = 512.00, CGST 12.80, SGST 12.80;
        //     sugar 5 x 45.00 = 225.00, CGST 5.63, SGST 5.63.
        //     taxable 1493.00 + CGST 37.33 + SGST 37.33 = 1567.66 -> 1568.00 (round off +0.34). Cost: 3 x 209.50 = 628.50 + 4 x 107.50 = 430.00 + 195.00 = 1253.50
        sell("S10", "2026-10-16", null, "1493.00", "37.33", "0.34", "1568.00", List.of(tender("CASH", "1568.00")),
                List.of(line("p-atta", "3", "252.00", "756.00", "18.90"), line("p-tea", "4", "128.00", "512.00", "12.80"),
                        line("p-sugar", "5", "45.00", "225.00", "5.63")),
                List.of(cost("p-atta", "3", "209.5000"), cost("p-tea", "4", "107.5000"), cost("p-sugar", "5", "39.0000")));
        // S11, 17-10, upi 1180.00: oil 5 x 148.00 = 740.00, CGST 18.50, SGST 18.50; tea 3 x 128.00 = 384.00, CGST 9.60, SGST 9.60.
        //     taxable 1124.00 + CGST 28.10 + SGST 28.10 = 1180.20 -> 1180.00 (round off -0.20). Cost: 5 x 124.00 = 620.00 + 3 x 107.50 = 322.50 = 942.50
        sell("S11", "2026-10-17", null, "1124.00", "28.10", "-0.20", "1180.00", List.of(tender("UPI", "1180.00")),
                List.of(line("p-oil", "5", "148.00", "740.00", "18.50"), line("p-tea", "3", "128.00", "384.00", "9.60")),
                List.of(cost("p-oil", "5", "124.0000"), cost("p-tea", "3", "107.5000")));
        // S12, 18-10, credit 1029.00 (Ravi): atta 2 x 252.00 = 504.00, CGST 12.60, SGST 12.60; oil 2 x 148.00 = 296.00, CGST 7.40, SGST 7.40;
        //     sugar 4 x 45.00 = 180.00, CGST 4.50, SGST 4.50.
        //     taxable 980.00 + CGST 24.50 + SGST 24.50 = 1029.00, no round off. Cost: 2 x 209.50 = 419.00 + 248.00 + 156.00 = 823.00
        sell("S12", "2026-10-18", RAVI, "980.00", "24.50", "0.00", "1029.00", List.of(tender("CREDIT", "1029.00")),
                List.of(line("p-atta", "2", "252.00", "504.00", "12.60"), line("p-oil", "2", "148.00", "296.00", "7.40"),
                        line("p-sugar", "4", "45.00", "180.00", "4.50")),
                List.of(cost("p-atta", "2", "209.5000"), cost("p-oil", "2", "124.0000"), cost("p-sugar", "4", "39.0000")));

        // ---- 18-10 Asha pays 1,000.00 by UPI: Dr 1020 / Cr 1100 (her khata)
        collect(asha, Map.of("amount", "1000.00", "mode", "UPI", "reference", "UTR 629118004417", "date", "2026-10-18"));

        // S13, 19-10, card 533.00: atta 1 x 252.00 = 252.00, CGST 6.30, SGST 6.30; tea 2 x 128.00 = 256.00, CGST 6.40, SGST 6.40.
        //     taxable 508.00 + CGST 12.70 + SGST 12.70 = 533.40 -> 533.00 (round off -0.40). Cost: 209.50 + 2 x 107.50 = 215.00 = 424.50
        sell("S13", "2026-10-19", null, "508.00", "12.70", "-0.40", "533.00", List.of(tender("CARD", "533.00")),
                List.of(line("p-atta", "1", "252.00", "252.00", "6.30"), line("p-tea", "2", "128.00", "256.00", "6.40")),
                List.of(cost("p-atta", "1", "209.5000"), cost("p-tea", "2", "107.5000")));
        // V1, 19-10: S13 voided (wrong card charged). Its entry reversed line for line: Cr 1010 533.00, Dr 4000 508.00, Dr 2100 12.70,
        //     Dr 2110 12.70, Cr 4900 0.40; its cost back on the shelf at the cost it went out at: Dr 1200 424.50 / Cr 5000 424.50.
        //     inventory-service restocks the goods naming the order (stock.adjusted CUSTOMER_RETURN: posts nothing more).
        voidSale("S13", "2026-10-19");
        returned("2026-10-19", "S13", "p-atta", "1", "209.5000", "35");
        returned("2026-10-19", "S13", "p-tea", "2", "107.5000", "33");
        // R2, 19-10: Ravi brings back 1 sugar of S12, damaged (WRITE_OFF), credited to his khata. At the invoice's rate:
        //     45.00 + CGST 1.125 -> 1.13 + SGST 1.13 = 47.26, given back 47.00 (round off -0.26: Cr 4900 0.26).
        //     Dr 4010 45.00, Dr 2100 1.13, Dr 2110 1.13 / Cr 1100 47.00, Cr 4900 0.26. Its cost 39.00: Dr 5100 / Cr 5000.
        refund("S12", "R2", "CN/2627/00001", "2026-10-19", RAVI, tender("CREDIT", "47.00"), "45.00", "1.13", "-0.26", "47.00",
                List.of(refundLine(3, "p-sugar", "1", "45.00", "1.13", "47.26", "WRITE_OFF")));

        // S14, 20-10, cash 1793.00: atta 4 x 252.00 = 1008.00, CGST 25.20, SGST 25.20; oil 3 x 148.00 = 444.00, CGST 11.10, SGST 11.10;
        //     tea 2 x 128.00 = 256.00, CGST 6.40, SGST 6.40.
        //     taxable 1708.00 + CGST 42.70 + SGST 42.70 = 1793.40 -> 1793.00 (round off -0.40). Cost: 4 x 209.50 = 838.00 + 372.00 + 215.00 = 1425.00
        sell("S14", "2026-10-20", null, "1708.00", "42.70", "-0.40", "1793.00", List.of(tender("CASH", "1793.00")),
                List.of(line("p-atta", "4", "252.00", "1008.00", "25.20"), line("p-oil", "3", "148.00", "444.00", "11.10"),
                        line("p-tea", "2", "128.00", "256.00", "6.40")),
                List.of(cost("p-atta", "4", "209.5000"), cost("p-oil", "3", "124.0000"), cost("p-tea", "2", "107.5000")));
        // R1, 21-10: 2 oil of S14 back, unopened (RESTOCK), cash paid back. 2 x 148.00 = 296.00 + CGST 7.40 + SGST 7.40 = 310.80,
        //     paid back 311.00 (round off +0.20: Dr 4900 0.20). Dr 4010 296.00, Dr 2100 7.40, Dr 2110 7.40, Dr 4900 0.20 / Cr 1000 311.00.
        //     Cost back at 2 x 124.00 = 248.00: Dr 1200 / Cr 5000.
        refund("S14", "R1", "CN/2627/00002", "2026-10-21", null, tender("CASH", "311.00"), "296.00", "7.40", "0.20", "311.00",
                List.of(refundLine(2, "p-oil", "2", "296.00", "7.40", "310.80", "RESTOCK")));
        returned("2026-10-21", "S14", "p-oil", "2", "124.0000", "46");
        // S15, 21-10, upi 805.00: atta 2 x 252.00 = 504.00, CGST 12.60, SGST 12.60; sugar 3 x 45.00 = 135.00, CGST 3.38, SGST 3.38;
        //     tea 1 x 128.00 = 128.00, CGST 3.20, SGST 3.20.
        //     taxable 767.00 + CGST 19.18 + SGST 19.18 = 805.36 -> 805.00 (round off -0.36). Cost: 419.00 + 117.00 + 107.50 = 643.50
        sell("S15", "2026-10-21", null, "767.00", "19.18", "-0.36", "805.00", List.of(tender("UPI", "805.00")),
                List.of(line("p-atta", "2", "252.00", "504.00", "12.60"), line("p-sugar", "3", "45.00", "135.00", "3.38"),
                        line("p-tea", "1", "128.00", "128.00", "3.20")),
                List.of(cost("p-atta", "2", "209.5000"), cost("p-sugar", "3", "39.0000"), cost("p-tea", "1", "107.5000")));

        // ---- 22-10 Pune Oil Mills paid in full by NEFT from the current account: Dr 2000 5292.00 / Cr 1051
        Map<String, Object> neft = pay(pune, Map.of("amount", "5292.00", "mode", "BANK", "reference", "NEFT N295260017731",
                "date", "2026-10-22", "bankAccountId", current));
        assertThat(neft.get("account")).isEqualTo("1051");

        // S16, 23-10, credit 1105.00 (Asha): atta 3 x 252.00 = 756.00, CGST 18.90, SGST 18.90; oil 2 x 148.00 = 296.00, CGST 7.40, SGST 7.40.
        //     taxable 1052.00 + CGST 26.30 + SGST 26.30 = 1104.60 -> 1105.00 (round off +0.40). Cost: 628.50 + 248.00 = 876.50
        sell("S16", "2026-10-23", ASHA, "1052.00", "26.30", "0.40", "1105.00", List.of(tender("CREDIT", "1105.00")),
                List.of(line("p-atta", "3", "252.00", "756.00", "18.90"), line("p-oil", "2", "148.00", "296.00", "7.40")),
                List.of(cost("p-atta", "3", "209.5000"), cost("p-oil", "2", "124.0000")));
        // S17, 24-10, cash 790.00 + upi 1000.00: atta 2 x 252.00 = 504.00, CGST 12.60, SGST 12.60; oil 4 x 148.00 = 592.00, CGST 14.80,
        //     SGST 14.80; sugar 5 x 45.00 = 225.00, CGST 5.63, SGST 5.63; tea 3 x 128.00 = 384.00, CGST 9.60, SGST 9.60.
        //     taxable 1705.00 + CGST 42.63 + SGST 42.63 = 1790.26 -> 1790.00 (round off -0.26). Cost: 419.00 + 496.00 + 195.00 + 322.50 = 1432.50
        sell("S17", "2026-10-24", null, "1705.00", "42.63", "-0.26", "1790.00", List.of(tender("CASH", "790.00"), tender("UPI", "1000.00")),
                List.of(line("p-atta", "2", "252.00", "504.00", "12.60"), line("p-oil", "4", "148.00", "592.00", "14.80"),
                        line("p-sugar", "5", "45.00", "225.00", "5.63"), line("p-tea", "3", "128.00", "384.00", "9.60")),
                List.of(cost("p-atta", "2", "209.5000"), cost("p-oil", "4", "124.0000"), cost("p-sugar", "5", "39.0000"),
                        cost("p-tea", "3", "107.5000")));

        // ---- 25-10 the UPI provider settles everything collected up to 24-10: S2 1151.00 + S4 1083.00 + S8 600.00 + S11 1180.00
        //      + Asha's 1000.00 + S15 805.00 + S17 1000.00 = 6,819.00, less its fee 13.64 (0.2 %): 6,805.36 reaches the bank.
        //      Dr 1051 6805.36, Dr 5360 13.64 / Cr 1020 6819.00. (S19's 735.00 of 27-10 is still to come at the month's end.)
        ok(post("/api/v1/accounting/settlements", key(), Map.of("provider", "PhonePe", "clearingAccount", "1020", "bankAccountId", current,
                "gross", "6819.00", "fee", "13.64", "date", "2026-10-25", "reference", "PP-SETL-20261025")), 201);
        // ---- 25-10 packaging (carry bags) in cash: Dr 5340 280.00 / Cr 1000
        expense(Map.of("date", "2026-10-25", "category", "PACKAGING", "amount", "280.00", "mode", "CASH"));

        // S18, 26-10, card 888.00: atta 3 x 252.00 = 756.00, CGST 18.90, SGST 18.90; sugar 2 x 45.00 = 90.00, CGST 2.25, SGST 2.25.
        //     taxable 846.00 + CGST 21.15 + SGST 21.15 = 888.30 -> 888.00 (round off -0.30). Cost: 628.50 + 78.00 = 706.50
        sell("S18", "2026-10-26", null, "846.00", "21.15", "-0.30", "888.00", List.of(tender("CARD", "888.00")),
                List.of(line("p-atta", "3", "252.00", "756.00", "18.90"), line("p-sugar", "2", "45.00", "90.00", "2.25")),
                List.of(cost("p-atta", "3", "209.5000"), cost("p-sugar", "2", "39.0000")));
        // S19, 27-10, upi 735.00: oil 3 x 148.00 = 444.00, CGST 11.10, SGST 11.10; tea 2 x 128.00 = 256.00, CGST 6.40, SGST 6.40.
        //     taxable 700.00 + CGST 17.50 + SGST 17.50 = 735.00, no round off. Cost: 372.00 + 215.00 = 587.00
        sell("S19", "2026-10-27", null, "700.00", "17.50", "0.00", "735.00", List.of(tender("UPI", "735.00")),
                List.of(line("p-oil", "3", "148.00", "444.00", "11.10"), line("p-tea", "2", "128.00", "256.00", "6.40")),
                List.of(cost("p-oil", "3", "124.0000"), cost("p-tea", "2", "107.5000")));

        // ---- 28-10 Ravi pays 500.00 in cash: Dr 1000 / Cr 1100 (his khata)
        collect(ravi, Map.of("amount", "500.00", "mode", "CASH", "date", "2026-10-28"));

        // S20, 29-10, cash 1251.00: atta 2 x 252.00 = 504.00, CGST 12.60, SGST 12.60; oil 2 x 148.00 = 296.00, CGST 7.40, SGST 7.40;
        //     sugar 3 x 45.00 = 135.00, CGST 3.38, SGST 3.38; tea 2 x 128.00 = 256.00, CGST 6.40, SGST 6.40.
        //     taxable 1191.00 + CGST 29.78 + SGST 29.78 = 1250.56 -> 1251.00 (round off +0.44). Cost: 419.00 + 248.00 + 117.00 + 215.00 = 999.00
        sell("S20", "2026-10-29", null, "1191.00", "29.78", "0.44", "1251.00", List.of(tender("CASH", "1251.00")),
                List.of(line("p-atta", "2", "252.00", "504.00", "12.60"), line("p-oil", "2", "148.00", "296.00", "7.40"),
                        line("p-sugar", "3", "45.00", "135.00", "3.38"), line("p-tea", "2", "128.00", "256.00", "6.40")),
                List.of(cost("p-atta", "2", "209.5000"), cost("p-oil", "2", "124.0000"), cost("p-sugar", "3", "39.0000"),
                        cost("p-tea", "2", "107.5000")));

        // ---- 30-10 12,000.00 of the till paid into the current account: Dr 1051 / Cr 1000
        ok(post("/api/v1/accounting/bank-accounts/" + current + "/deposits", key(), Map.of("amount", "12000.00", "date", "2026-10-30",
                "reference", "DEP-SLIP-1030")), 201);

        // ---- 31-10 day close. Cash in hand by the book: 5,000.00 brought forward
        //      + cash tenders S1 1063.00 + S4 1000.00 + S7 1449.00 + S9 468.00 + S10 1568.00 + S14 1793.00 + S17 790.00 + S20 1251.00 = 9,382.00
        //      + Ravi's 500.00 - R1 311.00 - transport 350.00 - packaging 280.00 - deposit 12,000.00 = 1,941.00.
        //      The drawer holds 1,926.50: short 14.50, Dr 5400 / Cr 1000; cash in hand is then 1,926.50.
        caughtUp();   // every sale of the month is in the books before the drawer is counted against them
        Map<String, Object> close = ok(post("/api/v1/accounting/cash-book/2026-10-31/close", key(),
                Map.of("counted", "1926.50", "note", "counted by the owner")), 201);
        assertMoney(close, "expected", "1941.00");
        assertMoney(close, "variance", "-14.50");

        caughtUp();
        Map<String, Object> day = get("/api/v1/accounting/cash-book?date=2026-10-31");
        assertMoney(day, "opening", "1941.00");
        assertMoney(day, "closing", "1926.50");
        assertMoney(get("/api/v1/accounting/bank-accounts/" + current), "balance", "11423.36");
        Map<String, Object> trialBalance = assertTheMonth(asha, ravi, sharma, pune);

        // ---- every event of the month replayed twice (same ids: three deliveries in all), every request sent twice more (same keys)
        List<Object[]> events = List.copyOf(sent);
        List<Object[]> entered = List.copyOf(requests);
        for (int replay = 0; replay < 2; replay++) {
            for (Object[] e : events) {
                BooksTestSupport.send((String) e[0], (String) e[1], (CloudEvent) e[2]);
            }
            for (Object[] r : entered) {
                http.post().uri((String) r[0]).headers(h -> {
                            h.setBearerAuth(owner(shop));
                            h.set("Idempotency-Key", (String) r[1]);
                        }).contentType(MediaType.APPLICATION_JSON).bodyValue(r[2]).exchange()
                        .expectStatus().is2xxSuccessful().expectBody();
            }
        }
        caughtUp();
        Map<String, Object> again = assertTheMonth(asha, ravi, sharma, pune);
        assertThat(again).isEqualTo(trialBalance);

        // ---- two more sales on 02-11, alike: X1 as the saga delivers it (order.confirmed, then stock.committed), X2 with
        //      inventory's stock.committed in the books before order.confirmed has even been sent. Each, card 359.00:
        //      atta 1 x 252.00 = 252.00, CGST 6.30, SGST 6.30; sugar 2 x 45.00 = 90.00, CGST 2.25, SGST 2.25;
        //      taxable 342.00 + CGST 8.55 + SGST 8.55 = 359.10 -> 359.00 (round off -0.10). Cost 209.50 + 2 x 39.00 = 287.50.
        List<OrderEvents.OrderLine> xLines = List.of(line("p-atta", "1", "252.00", "252.00", "6.30"), line("p-sugar", "2", "45.00", "90.00", "2.25"));
        List<InventoryEvents.CostedLine> xCost = List.of(cost("p-atta", "1", "209.5000"), cost("p-sugar", "2", "39.0000"));
        String x1 = sell("X1", "2026-11-02", null, "342.00", "8.55", "-0.10", "359.00", List.of(tender("CARD", "359.00")), xLines, xCost);
        String x2 = UUID.randomUUID().toString();
        OrderEvents.OrderConfirmed x2Sale = confirmed(x2, "2026-11-02", null, "342.00", "8.55", "-0.10", "359.00",
                List.of(tender("CARD", "359.00")), xLines);
        event(Topics.INVENTORY, x2, EventTypes.STOCK_COMMITTED, "2026-11-02", new InventoryEvents.StockCommitted(x2, xCost));
        caughtUp();
        event(Topics.ORDER, x2, EventTypes.ORDER_CONFIRMED, "2026-11-02", x2Sale);
        caughtUp();
        // the two sales left the same entries, line for line
        assertThat(entriesOf(x2, "2026-11-02")).isEqualTo(entriesOf(x1, "2026-11-02"))
                .containsEntry("order.confirmed", List.of("1010 Dr 359.00", "4000 Cr 342.00", "2100 Cr 8.55", "2110 Cr 8.55", "4900 Dr 0.10"))
                .containsEntry("stock.committed", List.of("5000 Dr 287.50", "1200 Cr 287.50"));
        // November so far: twice each
        Map<String, Map<String, Object>> november = trialBalanceRows("2026-11-01", "2026-11-30");
        assertRow(november, "1010", "2153.00", "718.00", "0.00", "2871.00");
        assertRow(november, "4000", "-21064.00", "0.00", "684.00", "-21748.00");
        assertRow(november, "2100", "-518.10", "0.00", "17.10", "-535.20");
        assertRow(november, "2110", "-518.10", "0.00", "17.10", "-535.20");
        assertRow(november, "4900", "0.44", "0.20", "0.00", "0.64");
        assertRow(november, "5000", "17123.00", "575.00", "0.00", "17698.00");
        // Inventory 13,133.00 - 575.00 = 12,558.00 = atta 17 x 209.50 = 3,561.50 + oil 35 x 124.00 = 4,340.00
        //   + sugar 56 x 39.00 = 2,184.00 + tea 23 x 107.50 = 2,472.50
        assertRow(november, "1200", "13133.00", "0.00", "575.00", "12558.00");
        // and October's books are as they were
        assertThat(assertTheMonth(asha, ravi, sharma, pune)).isEqualTo(trialBalance);
    }

    /**
     * The month's statements against the hand figures; returns the trial balance, to compare it after the replay.
     */
    Map<String, Object> assertTheMonth(String asha, String ravi, String sharma, String pune) {
        // ---- trial balance of October, per account: opening (before 01-10), debits, credits, closing (Dr - Cr)
        Map<String, Map<String, Object>> tb = trialBalanceRows(FROM.toString(), TO.toString());
        // cash: in = the cash tenders 9,382.00 + Ravi's 500.00; out = R1 311.00 + transport 350.00 + packaging 280.00
        //       + deposit 12,000.00 + short 14.50 = 12,955.50
        assertRow(tb, "1000", "5000.00", "9882.00", "12955.50", "1926.50");
        // card: S5 765.00 + S9 500.00 + S13 533.00 + S18 888.00 = 2,686.00; the void of S13 533.00; not settled yet
        assertRow(tb, "1010", "0.00", "2686.00", "533.00", "2153.00");
        // UPI: S2 1151.00 + S4 1083.00 + S8 600.00 + S11 1180.00 + Asha 1000.00 + S15 805.00 + S17 1000.00 + S19 735.00 = 7,554.00;
        //      settled 6,819.00; S19's 735.00 left
        assertRow(tb, "1020", "0.00", "7554.00", "6819.00", "735.00");
        // bank 1050: the capital's 20,000.00 brought forward, nothing in October
        assertRow(tb, "1050", "20000.00", "0.00", "0.00", "20000.00");
        // the current account 1051: in settlement 6,805.36 + deposit 12,000.00 = 18,805.36; out rent 1,500.00 + electricity 590.00
        //   + Pune 5,292.00 = 7,382.00; closing 18,805.36 - 7,382.00 = 11,423.36. Bank in all 20,000.00 + 11,423.36 = 31,423.36,
        //   as before (12,618.00 + 18,805.36): only the line that holds it moved
        assertRow(tb, "1051", "0.00", "18805.36", "7382.00", "11423.36");
        // khata: Asha's 500.00 brought forward; credit sales S3 710.00 + S6 675.00 + S8 509.00 + S12 1029.00 + S16 1105.00 = 4,028.00;
        //        R2 47.00 + collections 1,000.00 + 500.00 = 1,547.00; closing 2,981.00 = Asha 1,824.00 + Ravi 1,157.00
        assertRow(tb, "1100", "500.00", "4028.00", "1547.00", "2981.00");
        // inventory: 11,500.00 + 8,300.00 + 5,040.00 + 5,455.00 + 424.50 + 248.00 = 30,967.50 in; the sales' cost 17,834.50 out
        //   (800.00 + 880.00 + 540.00 + 1580.00 + 610.00 + 524.50 + 1150.50 + 863.00 + 773.00 + 1253.50 + 942.50 + 823.00 + 424.50
        //    + 1425.00 + 643.50 + 876.50 + 1432.50 + 706.50 + 587.00 + 999.00)
        assertRow(tb, "1200", "0.00", "30967.50", "17834.50", "13133.00");
        // input CGST / SGST: B1 207.50 + B3 136.38 + electricity 45.00 = 388.88 each; input IGST B2 252.00
        assertRow(tb, "1300", "0.00", "388.88", "0.00", "388.88");
        assertRow(tb, "1310", "0.00", "388.88", "0.00", "388.88");
        assertRow(tb, "1320", "0.00", "252.00", "0.00", "252.00");
        // suppliers: bills 8,715.00 + 5,292.00 + 5,728.00 = 19,735.00; Pune paid 5,292.00; Sharma is owed 14,443.00
        assertRow(tb, "2000", "0.00", "5292.00", "19735.00", "-14443.00");
        // output CGST = SGST: the twenty sales' 25.30 + 27.40 + 16.90 + 49.60 + 18.23 + 16.08 + 34.50 + 26.40 + 23.05 + 37.33 + 28.10
        //   + 24.50 + 12.70 + 42.70 + 19.18 + 26.30 + 42.63 + 21.15 + 17.50 + 29.78 = 539.33; back: void 12.70 + R1 7.40 + R2 1.13 = 21.23
        assertRow(tb, "2100", "0.00", "21.23", "539.33", "-518.10");
        assertRow(tb, "2110", "0.00", "21.23", "539.33", "-518.10");
        assertRow(tb, "3000", "-25000.00", "0.00", "0.00", "-25000.00");
        // opening balances: Asha's 500.00 before the month, the opening stock 11,500.00 in it
        assertRow(tb, "3100", "-500.00", "0.00", "11500.00", "-12000.00");
        // sales: the twenty taxable values 21,572.00; the void of S13 508.00
        assertRow(tb, "4000", "0.00", "508.00", "21572.00", "-21064.00");
        // sales returns: R1 296.00 + R2 45.00
        assertRow(tb, "4010", "0.00", "341.00", "0.00", "341.00");
        // round off: up (Cr) S1 0.40 + S2 0.20 + S3 0.20 + S8 0.20 + S10 0.34 + S16 0.40 + S20 0.44 + void of S13 0.40 + R2 0.26 = 2.84;
        //            down (Dr) S4 0.20 + S5 0.46 + S6 0.16 + S9 0.10 + S11 0.20 + S13 0.40 + S14 0.40 + S15 0.36 + S17 0.26 + S18 0.30
        //            + R1 0.20 + the supplier's round off on B3 0.24 = 3.28
        assertRow(tb, "4900", "0.00", "3.28", "2.84", "0.44");
        // cost of goods sold: 17,834.50 out; back 424.50 (void) + 248.00 (R1) + 39.00 (R2, moved to damaged stock) = 711.50
        assertRow(tb, "5000", "0.00", "17834.50", "711.50", "17123.00");
        assertRow(tb, "5100", "0.00", "39.00", "0.00", "39.00");
        assertRow(tb, "5300", "0.00", "1500.00", "0.00", "1500.00");
        assertRow(tb, "5310", "0.00", "500.00", "0.00", "500.00");
        assertRow(tb, "5330", "0.00", "350.00", "0.00", "350.00");
        assertRow(tb, "5340", "0.00", "280.00", "0.00", "280.00");
        assertRow(tb, "5360", "0.00", "13.64", "0.00", "13.64");
        assertRow(tb, "5400", "0.00", "14.50", "0.00", "14.50");
        assertThat(tb.keySet()).containsExactlyInAnyOrder("1000", "1010", "1020", "1050", "1051", "1100", "1200", "1300", "1310", "1320", "2000",
                "2100", "2110", "3000", "3100", "4000", "4010", "4900", "5000", "5100", "5300", "5310", "5330", "5340", "5360", "5400");
        Map<String, Object> totals = get("/api/v1/accounting/statements/trial-balance?from=" + FROM + "&to=" + TO);
        // the month's debits = credits = 101,671.00 (the sum of the debit column above)
        assertMoney(totals, "totalDebit", "101671.00");
        assertMoney(totals, "totalCredit", "101671.00");
        assertThat(totals.get("balanced")).isEqualTo(true);

        // ---- profit and loss of October
        // sales 21,064.00 - returns 341.00 = 20,723.00; cost 17,123.00 + 39.00 written off = 17,162.00; gross profit 3,561.00;
        // other income: round off 2.84 - 3.28 = -0.44; expenses 1,500.00 + 500.00 + 350.00 + 280.00 + 13.64 + 14.50 = 2,658.14;
        // net profit 3,561.00 - 0.44 - 2,658.14 = 902.42
        Map<String, Object> pl = get("/api/v1/accounting/statements/profit-and-loss?from=" + FROM + "&to=" + TO);
        assertMoney(pl, "totalSales", "21064.00");
        assertMoney(pl, "totalReturns", "341.00");
        assertMoney(pl, "netSales", "20723.00");
        assertMoney(pl, "totalCostOfGoodsSold", "17162.00");
        assertMoney(pl, "grossProfit", "3561.00");
        assertMoney(pl, "totalOtherIncome", "-0.44");
        assertMoney(pl, "totalExpenses", "2658.14");
        assertMoney(pl, "netProfit", "902.42");
        assertThat(lines(pl, "expenses")).containsExactlyInAnyOrderEntriesOf(Map.of("5300", "1500.00", "5310", "500.00", "5330", "350.00",
                "5340", "280.00", "5360", "13.64", "5400", "14.50"));
        assertThat(lines(pl, "sales")).containsExactlyInAnyOrderEntriesOf(Map.of("4000", "21064.00"));
        assertThat(lines(pl, "returns")).containsExactlyInAnyOrderEntriesOf(Map.of("4010", "341.00"));
        assertThat(lines(pl, "otherIncome")).containsExactlyInAnyOrderEntriesOf(Map.of("4900", "-0.44"));
        assertThat(lines(pl, "costOfGoodsSold")).containsExactlyInAnyOrderEntriesOf(Map.of("5000", "17123.00", "5100", "39.00"));

        // ---- balance sheet at 31-10
        // assets: cash 1,926.50 + card 2,153.00 + UPI 735.00 + bank 20,000.00 + 11,423.36 + khata 2,981.00 + inventory 13,133.00
        //         + input CGST 388.88 + SGST 388.88 + IGST 252.00 = 53,381.62
        // liabilities: Sharma 14,443.00 + output CGST 518.10 + SGST 518.10 = 15,479.20
        // equity: capital 25,000.00 + opening balances 12,000.00 + profit of the year to date (October's) 902.42 = 37,902.42
        // 15,479.20 + 37,902.42 = 53,381.62
        Map<String, Object> bs = get("/api/v1/accounting/statements/balance-sheet?asAt=" + TO);
        assertMoney(bs, "totalAssets", "53381.62");
        assertMoney(bs, "totalLiabilities", "15479.20");
        assertMoney(bs, "currentPeriodProfit", "902.42");
        assertMoney(bs, "profitOfEarlierYears", "0.00");
        assertMoney(bs, "totalEquity", "37902.42");
        assertThat(bs.get("balanced")).isEqualTo(true);
        assertThat(bs.get("check")).isEqualTo("assets 53381.62 = liabilities 15479.20 + equity 37902.42");
        assertThat(sectionAccounts(bs, "assets")).containsExactlyInAnyOrderEntriesOf(Map.of("1000", "1926.50", "1010", "2153.00",
                "1020", "735.00", "1050", "20000.00", "1051", "11423.36", "1100", "2981.00", "1200", "13133.00", "1300", "388.88", "1310", "388.88",
                "1320", "252.00"));
        assertThat(sectionAccounts(bs, "liabilities")).containsExactlyInAnyOrderEntriesOf(Map.of("2000", "14443.00", "2100", "518.10",
                "2110", "518.10"));

        // ---- Inventory (1200) = the stock valuation worked out in the class comment, 13,133.00
        assertThat(money(tb.get("1200").get("closing"))).isEqualByComparingTo(
                d("19").multiply(d("209.50")).add(d("35").multiply(d("124.00"))).add(d("60").multiply(d("39.00"))).add(d("23").multiply(d("107.50"))))
                .isEqualByComparingTo("13133.00");

        // ---- Asha's khata for October: 500.00 brought forward; S3 +710.00 = 1,210.00; S8 +509.00 = 1,719.00;
        //      UPI -1,000.00 = 719.00; S16 +1,105.00 = 1,824.00
        Map<String, Object> ashaStatement = statement(asha);
        assertMoney(ashaStatement, "openingBalance", "500.00");
        assertThat(statementLines(ashaStatement)).containsExactly(
                "2026-10-02 SALE Dr 710.00 = 1210.00",
                "2026-10-11 SALE Dr 509.00 = 1719.00",
                "2026-10-18 COLLECTION Cr 1000.00 = 719.00",
                "2026-10-23 SALE Dr 1105.00 = 1824.00");
        assertMoney(ashaStatement, "closingBalance", "1824.00");
        // ---- Ravi's: nothing brought forward; S6 +675.00; S12 +1,029.00 = 1,704.00; R2 -47.00 = 1,657.00; cash -500.00 = 1,157.00
        Map<String, Object> raviStatement = statement(ravi);
        assertMoney(raviStatement, "openingBalance", "0.00");
        assertThat(statementLines(raviStatement)).containsExactly(
                "2026-10-07 SALE Dr 675.00 = 675.00",
                "2026-10-18 SALE Dr 1029.00 = 1704.00",
                "2026-10-19 REFUND Cr 47.00 = 1657.00",
                "2026-10-28 COLLECTION Cr 500.00 = 1157.00");
        assertMoney(raviStatement, "closingBalance", "1157.00");
        // the suppliers: Sharma is owed both bills (8,715.00 + 5,728.00), Pune Oil Mills nothing
        assertMoney(statement(sharma), "closingBalance", "14443.00");
        assertMoney(statement(pune), "closingBalance", "0.00");

        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("trialBalance", totals);
        snapshot.put("profitAndLoss", pl);
        snapshot.put("balanceSheet", bs);
        snapshot.put("asha", ashaStatement);
        snapshot.put("ravi", raviStatement);
        return snapshot;
    }

    // ------------------------------------------------------------------ the events the other services would publish

    /** A sale confirmed by order-service and its cost committed by inventory-service, both on {@code date}. */
    String sell(String name, String date, OrderEvents.Customer customer, String taxable, String cgst, String roundOff, String total,
                List<OrderEvents.Tender> tenders, List<OrderEvents.OrderLine> lines, List<InventoryEvents.CostedLine> cost) {
        String orderId = UUID.randomUUID().toString();
        OrderEvents.OrderConfirmed sale = confirmed(orderId, date, customer, taxable, cgst, roundOff, total, tenders, lines);
        sales.put(name, sale);
        event(Topics.ORDER, orderId, EventTypes.ORDER_CONFIRMED, date, sale);
        event(Topics.INVENTORY, orderId, EventTypes.STOCK_COMMITTED, date, new InventoryEvents.StockCommitted(orderId, cost));
        return orderId;
    }

    /** The sale as order-service announces it; the figures are the hand figures, checked against each other here. */
    OrderEvents.OrderConfirmed confirmed(String orderId, String date, OrderEvents.Customer customer, String taxable, String cgst,
                                         String roundOff, String total, List<OrderEvents.Tender> tenders, List<OrderEvents.OrderLine> lines) {
        List<OrderEvents.OrderLine> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderEvents.OrderLine l = lines.get(i);
            assertThat(l.quantity().multiply(l.unitPrice())).as("line value").isEqualByComparingTo(l.taxableValue());
            assertThat(l.taxableValue().multiply(d("0.025")).setScale(2, RoundingMode.HALF_UP)).as("line CGST").isEqualByComparingTo(l.cgst());
            numbered.add(new OrderEvents.OrderLine(l.productId(), l.sku(), l.name(), l.quantity(), l.unitPrice(), l.lineTotal(), i + 1,
                    l.hsn(), l.unit(), l.gstRate(), false, d("0"), l.taxableValue(), l.cgst(), l.sgst(), d("0")));
        }
        assertThat(numbered.stream().map(OrderEvents.OrderLine::taxableValue).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(taxable);
        assertThat(numbered.stream().map(OrderEvents.OrderLine::cgst).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(cgst);
        assertThat(d(taxable).add(d(cgst)).add(d(cgst)).add(d(roundOff))).as("invoice total").isEqualByComparingTo(total);
        assertThat(tenders.stream().map(OrderEvents.Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
        var at = at(date).toInstant();
        return new OrderEvents.OrderConfirmed(orderId, "u-cashier", "INR", numbered, d(total), at,
                String.format("INV/2627/%05d", invoices.incrementAndGet()), at, null, "TAX_INVOICE", "29", "29", "INTRA_STATE", customer,
                tenders, d("0"), d(taxable), d(cgst), d(cgst), d("0"), d(roundOff), 0L);
    }

    void voidSale(String name, String date) {
        OrderEvents.OrderConfirmed s = sales.get(name);
        event(Topics.ORDER, s.orderId(), EventTypes.ORDER_VOIDED, date, new OrderEvents.OrderVoided(s.orderId(), s.invoiceNumber(),
                "wrong card charged", "u-manager", at(date).toInstant(), "INR", null, s.lines(), s.total(), "TAX_INVOICE", "29",
                "INTRA_STATE", s.customer(), s.tenders(), s.taxableValue(), s.cgst(), s.sgst(), s.igst(), s.roundOff(), 0L));
    }

    void refund(String name, String refundId, String creditNote, String date, OrderEvents.Customer customer, OrderEvents.Tender tender,
                String taxable, String cgst, String roundOff, String total, List<OrderEvents.RefundLine> lines) {
        OrderEvents.OrderConfirmed s = sales.get(name);
        assertThat(d(taxable).add(d(cgst)).add(d(cgst)).add(d(roundOff))).as("credit note total").isEqualByComparingTo(total);
        event(Topics.ORDER, s.orderId(), EventTypes.ORDER_REFUNDED, date, new OrderEvents.OrderRefunded(s.orderId(), refundId + "-" + s.orderId(),
                creditNote, s.invoiceNumber(), "returned at the counter", "u-manager", at(date).toInstant(), "INR", null, lines, d(total),
                "TAX_INVOICE", "29", "INTRA_STATE", customer, tender, d(taxable), d(cgst), d(cgst), d("0"), d(roundOff), 0L, false));
    }

    static OrderEvents.RefundLine refundLine(int lineNo, String product, String qty, String taxable, String cgst, String amount,
                                             String disposition) {
        String[] p = PRODUCTS.get(product);
        return new OrderEvents.RefundLine(lineNo, product, p[0], p[1], p[2], d(qty), d("5"), d(taxable), d(cgst), d(cgst), d("0"),
                d(amount), disposition);
    }

    /** Goods received by inventory-service: opening stock (no bill), or the goods of a supplier's bill (naming it). */
    void received(String date, String product, String qty, String unitCost, String onHand, String billId) {
        event(Topics.INVENTORY, product, EventTypes.STOCK_RECEIVED, date,
                new InventoryEvents.StockReceived(product, "loc-1", d(qty), d(unitCost), d(onHand), billId));
    }

    /** Goods of a voided or refunded sale back on the shelf in inventory-service, at the cost they were sold at. */
    void returned(String date, String sale, String product, String qty, String unitCost, String onHand) {
        BigDecimal value = d(qty).multiply(d(unitCost)).setScale(2, RoundingMode.HALF_UP);
        event(Topics.INVENTORY, product, EventTypes.STOCK_ADJUSTED, date, new InventoryEvents.StockAdjusted(product, "loc-1",
                "CUSTOMER_RETURN", d(qty), d(unitCost), value, d(onHand), "returned", "order:" + sales.get(sale).orderId()));
    }

    static OrderEvents.OrderLine line(String product, String qty, String price, String taxable, String cgst) {
        String[] p = PRODUCTS.get(product);
        BigDecimal total = d(taxable).add(d(cgst)).add(d(cgst));
        return new OrderEvents.OrderLine(product, p[0], p[1], d(qty), d(price), total, 0, p[2], "PCS", d("5"), false, d("0"), d(taxable),
                d(cgst), d(cgst), d("0"));
    }

    static InventoryEvents.CostedLine cost(String product, String qty, String unitCost) {
        return new InventoryEvents.CostedLine(product, d(qty), d(unitCost));
    }

    static OrderEvents.Tender tender(String type, String amount) {
        return new OrderEvents.Tender(type, d(amount), null, null, "CARD".equals(type) || "UPI".equals(type) ? "ref-" + amount : null, null);
    }

    /** Each event happens at a distinct minute of its day (India time), in the order published. */
    OffsetDateTime at(String date) {
        return OffsetDateTime.of(LocalDate.parse(date), LocalTime.of(9, 0).plusMinutes(minute.incrementAndGet() % 600), IST);
    }

    void event(String topic, String key, String type, String date, Object data) {
        CloudEvent e = KiranaEvents.event(UUID.randomUUID().toString(), type, "test", key, shop, at(date), EventJson.write(data));
        BooksTestSupport.send(topic, key, e);
        sent.add(new Object[]{topic, key, e});
    }

    // ------------------------------------------------------------------ what the owner enters

    static String key() {
        return UUID.randomUUID().toString();
    }

    WebTestClient.ResponseSpec post(String uri, String key, Object body) {
        requests.add(new Object[]{uri, key, body});
        return http.post().uri(uri).headers(h -> {
            h.setBearerAuth(owner(shop));
            h.set("Idempotency-Key", key);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ok(WebTestClient.ResponseSpec spec, int status) {
        return spec.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(owner(shop))).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    String party(Map<String, Object> body) {
        // a party is not a money movement: created once, not sent again
        @SuppressWarnings("unchecked")
        Map<String, Object> p = http.post().uri("/api/v1/accounting/parties").headers(h -> h.setBearerAuth(owner(shop)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) p.get("id");
    }

    /** Opens the shop's current account; returns its id, having checked it is account 1051 of the chart. */
    String bankAccount() {
        @SuppressWarnings("unchecked")
        Map<String, Object> a = http.post().uri("/api/v1/accounting/bank-accounts").headers(h -> h.setBearerAuth(owner(shop)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Current account", "bankName", "Canara Bank", "last4", "4411", "ifsc", "CNRB0001234"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(a.get("accountCode")).isEqualTo("1051");
        return (String) a.get("id");
    }

    void entry(String date, String narration, List<Map<String, String>> lines) {
        ok(post("/api/v1/accounting/journal-entries", key(), Map.of("date", date, "narration", narration, "lines", lines)), 201);
    }

    static Map<String, String> dr(String account, String amount) {
        return Map.of("account", account, "debit", amount);
    }

    static Map<String, String> cr(String account, String amount) {
        return Map.of("account", account, "credit", amount);
    }

    void expense(Map<String, Object> body) {
        ok(post("/api/v1/accounting/expenses", key(), body), 201);
    }

    static Map<String, Object> billLine(String product, String qty, String unitCost) {
        return Map.of("productId", product, "quantity", qty, "unitCost", unitCost, "gstRate", "5");
    }

    /** Records a supplier's bill and checks it against the hand figures; returns its id. */
    String bill(Map<String, Object> body, String supplyType, String taxable, String cgst, String sgst, String igst, String roundOff,
                String total) {
        Map<String, Object> b = ok(post("/api/v1/accounting/purchase-bills", key(), body), 201);
        assertThat(b.get("supplyType")).isEqualTo(supplyType);
        assertMoney(b, "taxableValue", taxable);
        assertMoney(b, "cgst", cgst);
        assertMoney(b, "sgst", sgst);
        assertMoney(b, "igst", igst);
        assertMoney(b, "roundOff", roundOff);
        assertMoney(b, "total", total);
        return (String) b.get("id");
    }

    void collect(String party, Map<String, Object> body) {
        ok(post("/api/v1/accounting/parties/" + party + "/collections", key(), body), 201);
    }

    Map<String, Object> pay(String party, Map<String, Object> body) {
        return ok(post("/api/v1/accounting/parties/" + party + "/payments", key(), body), 201);
    }

    // ------------------------------------------------------------------ reading the books

    Map<String, Map<String, Object>> trialBalanceRows(String from, String to) {
        Map<String, Object> tb = get("/api/v1/accounting/statements/trial-balance?from=" + from + "&to=" + to);
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (Object o : (List<?>) tb.get("rows")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) o;
            rows.put((String) r.get("account"), r);
        }
        return rows;
    }

    static void assertRow(Map<String, Map<String, Object>> tb, String account, String opening, String debit, String credit, String closing) {
        Map<String, Object> r = tb.get(account);
        assertThat(r).as("account %s in the trial balance", account).isNotNull();
        assertThat(money(r.get("opening"))).as("%s opening", account).isEqualByComparingTo(opening);
        assertThat(money(r.get("debit"))).as("%s debit", account).isEqualByComparingTo(debit);
        assertThat(money(r.get("credit"))).as("%s credit", account).isEqualByComparingTo(credit);
        assertThat(money(r.get("closing"))).as("%s closing", account).isEqualByComparingTo(closing);
    }

    static BigDecimal money(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

    static void assertMoney(Map<String, Object> body, String field, String expected) {
        assertThat(body.get(field)).as(field).isNotNull();
        assertThat(money(body.get(field))).as(field).isEqualByComparingTo(expected);
    }

    /** A P&L section as {account → amount}. */
    static Map<String, String> lines(Map<String, Object> pl, String section) {
        Map<String, String> out = new HashMap<>();
        for (Object o : (List<?>) pl.get(section)) {
            Map<?, ?> l = (Map<?, ?>) o;
            out.put((String) l.get("account"), money(l.get("amount")).setScale(2).toPlainString());
        }
        return out;
    }

    /** Every account of one side of the balance sheet as {account → amount}. */
    static Map<String, String> sectionAccounts(Map<String, Object> bs, String side) {
        Map<String, String> out = new HashMap<>();
        for (Object s : (List<?>) bs.get(side)) {
            for (Object o : (List<?>) ((Map<?, ?>) s).get("accounts")) {
                Map<?, ?> l = (Map<?, ?>) o;
                out.put((String) l.get("account"), money(l.get("amount")).setScale(2).toPlainString());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> statement(String party) {
        Map<String, Object> view = get("/api/v1/accounting/parties/" + party + "/statement?from=" + FROM + "&to=" + TO);
        return (Map<String, Object>) view.get("statement");
    }

    static List<String> statementLines(Map<String, Object> statement) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) statement.get("lines")) {
            Map<?, ?> l = (Map<?, ?>) o;
            BigDecimal debit = money(l.get("debit"));
            out.add(l.get("date") + " " + l.get("type") + (debit.signum() > 0 ? " Dr " + debit.setScale(2).toPlainString()
                    : " Cr " + money(l.get("credit")).setScale(2).toPlainString()) + " = " + money(l.get("balance")).setScale(2).toPlainString());
        }
        return out;
    }

    /** The journal lines of one order on {@code date}, by what posted them (order.confirmed, stock.committed, …). */
    Map<String, List<String>> entriesOf(String orderId, String date) {
        List<?> lines = http.get().uri("/api/v1/accounting/journal?from=" + date + "&to=" + date).headers(h -> h.setBearerAuth(owner(shop)))
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        Map<String, List<String>> out = new TreeMap<>();
        for (Object o : lines) {
            Map<?, ?> l = (Map<?, ?>) o;
            String source = String.valueOf(l.get("source"));
            if (!source.endsWith(":" + orderId)) {
                continue;
            }
            BigDecimal debit = new BigDecimal(String.valueOf(l.get("debit")));
            out.computeIfAbsent(source.substring(0, source.indexOf(':')), k -> new ArrayList<>()).add(l.get("account")
                    + (debit.signum() > 0 ? " Dr " + debit.setScale(2).toPlainString()
                    : " Cr " + new BigDecimal(String.valueOf(l.get("credit"))).setScale(2).toPlainString()));
        }
        return out;
    }

    /**
     * Waits until every consumer group of the books has processed everything on the topics it reads: each group's committed
     * offset is the end of each of its partitions. Replayed events post nothing, so nothing in the books can be waited for.
     */
    static void caughtUp() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(OneMonthOfAShopTest::consumersCaughtUp);
    }

    @SuppressWarnings("deprecation")
    static boolean consumersCaughtUp() throws Exception {
        Set<String> topics = Set.of(Topics.ORDER, Topics.INVENTORY, Topics.SHOP);
        List<String> groups = ADMIN.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(g -> g.startsWith("accounting-service")).toList();
        if (groups.isEmpty()) {
            return false;
        }
        Map<String, ConsumerGroupDescription> described = ADMIN.describeConsumerGroups(groups).all().get();
        Map<String, List<TopicPartition>> assigned = new HashMap<>();
        Set<TopicPartition> all = new java.util.HashSet<>();
        for (var g : described.values()) {
            if (g.groupState() != GroupState.STABLE && g.groupState() != GroupState.EMPTY) {
                return false;
            }
            List<TopicPartition> parts = g.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                    .filter(tp -> topics.contains(tp.topic())).toList();
            assigned.put(g.groupId(), parts);
            all.addAll(parts);
        }
        if (all.isEmpty()) {
            return false;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        all.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = ADMIN.listOffsets(latest).all().get();
        for (var e : assigned.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = ADMIN.listConsumerGroupOffsets(e.getKey()).partitionsToOffsetAndMetadata().get();
            for (TopicPartition tp : e.getValue()) {
                long end = ends.get(tp).offset();
                OffsetAndMetadata c = committed.get(tp);
                if (end > 0 && (c == null || c.offset() < end)) {
                    return false;
                }
            }
        }
        return true;
    }
}
