package dev.kirana.accounting.tally;

import static dev.kirana.accounting.BooksTestSupport.d;
import static dev.kirana.accounting.BooksTestSupport.newShop;
import static dev.kirana.accounting.BooksTestSupport.ok;
import static dev.kirana.accounting.BooksTestSupport.owner;
import static dev.kirana.accounting.BooksTestSupport.post;
import static dev.kirana.accounting.BooksTestSupport.problem;
import static dev.kirana.accounting.BooksTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.accounting.BooksTestSupport;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Tally export of one month of a shop in Maharashtra (state 27), October 2026, parsed back and held against the
 * books worked by hand:
 * <pre>
 *  01-10 manual entry CAP-1, capital brought in:        Dr Cash in hand 10,000.00 / Cr Capital 10,000.00        (Journal)
 *  02-10 sale INV/2627/00001 on credit to Bengaluru Kirana Mart (GSTIN 29AAGCB7383J1Z4, Karnataka: inter-state, IGST):
 *        atta 10 x 200.00 = 2,000.00, IGST 5 % 100.00, total 2,100.00:
 *        Dr Bengaluru Kirana Mart 2,100.00 / Cr Sales 2,000.00, Cr Output IGST 100.00                             (Sales)
 *  03-10 credit note CN/2627/0001, 2 atta back: 400.00 + IGST 20.00 = 420.00 off the khata:
 *        Dr Sales returns 400.00, Dr Output IGST 20.00 / Cr Bengaluru Kirana Mart 420.00                         (Credit Note)
 *  04-10 purchase bill PO/77 from Pune Oil Mills (27AAPFU0939F1ZV, within the state): oil 20 x 100.00 = 2,000.00,
 *        CGST 2.5 % 50.00, SGST 50.00, total 2,100.00:
 *        Dr Inventory 2,000.00, Dr Input CGST 50.00, Dr Input SGST/UTGST 50.00 / Cr Pune Oil Mills 2,100.00      (Purchase)
 *  05-10 paid Pune Oil Mills 1,000.00 in cash: Dr Pune Oil Mills / Cr Cash in hand 1,000.00                        (Payment)
 *  06-10 received 500.00 by UPI from Bengaluru Kirana Mart: Dr UPI settlements receivable / Cr the customer 500.00 (Receipt)
 *  07-10 rent 1,500.00 in cash, no GST: Dr Rent / Cr Cash in hand 1,500.00                                         (Payment)
 *
 *  Movements per ledger: Cash in hand Dr 10,000.00 Cr 1,000.00 + 1,500.00 = 2,500.00; UPI settlements Dr 500.00;
 *  Bengaluru Kirana Mart Dr 2,100.00 Cr 420.00 + 500.00 = 920.00; Inventory Dr 2,000.00; Input CGST Dr 50.00;
 *  Input SGST/UTGST Dr 50.00; Pune Oil Mills Dr 1,000.00 Cr 2,100.00; Output IGST Dr 20.00 Cr 100.00; Capital Cr 10,000.00;
 *  Sales Cr 2,000.00; Sales returns Dr 400.00; Rent Dr 1,500.00.
 *  Debits 10,000 + 500 + 2,100 + 2,000 + 50 + 50 + 1,000 + 20 + 400 + 1,500 = 17,620.00
 *  = credits 2,500 + 920 + 2,100 + 100 + 10,000 + 2,000 = 17,620.00.
 * </pre>
 */
@KiranaServiceTest
@TestPropertySource(properties = "kirana.tally.allow-private-addresses=true")
class TallyExportTest {
    static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    static final String KARNATAKA_GSTIN = "29AAGCB7383J1Z4";
    static final String MAHARASHTRA_GSTIN = "27AAPFU0939F1ZV";

    @Autowired
    WebTestClient http;

    @Test
    void aMonthOfTheBooksGoesToTallyAsVouchersAndMastersThatAgreeWithTheJournal() throws Exception {
        String shop = newShop();
        String customer = party(shop, Map.of("kind", "CUSTOMER", "name", "Bengaluru Kirana Mart", "gstin", KARNATAKA_GSTIN));
        String supplier = party(shop, Map.of("kind", "SUPPLIER", "name", "Pune Oil Mills", "gstin", MAHARASHTRA_GSTIN));

        ok(post(http, "/api/v1/accounting/journal-entries", owner(shop), Map.of("date", "2026-10-01", "narration", "Capital brought in",
                "reference", "CAP-1", "lines", List.of(Map.of("account", "1000", "debit", "10000.00"),
                        Map.of("account", "3000", "credit", "10000.00")))), 201);

        String orderId = UUID.randomUUID().toString();
        OrderEvents.Customer buyer = new OrderEvents.Customer("Bengaluru Kirana Mart", null, KARNATAKA_GSTIN, "29");
        OrderEvents.OrderLine atta = new OrderEvents.OrderLine("p-atta", "ATTA5", "Atta 5 kg", d("10"), d("200.00"), d("2100.00"), 1,
                "1101", "PCS", d("5"), false, d("0"), d("2000.00"), d("0"), d("0"), d("100.00"));
        event(shop, orderId, EventTypes.ORDER_CONFIRMED, "2026-10-02", new OrderEvents.OrderConfirmed(orderId, "u-cashier", "INR",
                List.of(atta), d("2100.00"), at("2026-10-02").toInstant(), "INV/2627/00001", at("2026-10-02").toInstant(), null, "TAX_INVOICE",
                "27", "29", "INTER_STATE", buyer, List.of(new OrderEvents.Tender("CREDIT", d("2100.00"), null, null, null, null)),
                d("0"), d("2000.00"), d("0"), d("0"), d("100.00"), d("0"), 0L));
        event(shop, orderId, EventTypes.ORDER_REFUNDED, "2026-10-03", new OrderEvents.OrderRefunded(orderId, "r1-" + orderId,
                "CN/2627/0001", "INV/2627/00001", "damaged bags", "u-manager", at("2026-10-03").toInstant(), "INR", null,
                List.of(new OrderEvents.RefundLine(1, "p-atta", "ATTA5", "Atta 5 kg", "1101", d("2"), d("5"), d("400.00"), d("0"), d("0"),
                        d("20.00"), d("420.00"), "RESTOCK")),
                d("420.00"), "TAX_INVOICE", "29", "INTER_STATE", buyer, new OrderEvents.Tender("CREDIT", d("420.00"), null, null, null, null),
                d("400.00"), d("0"), d("0"), d("20.00"), d("0"), 0L, false));

        ok(post(http, "/api/v1/accounting/purchase-bills", owner(shop), Map.of("supplierId", supplier, "billNumber", "PO/77",
                "billDate", "2026-10-04", "supplyType", "INTRA_STATE", "lines", List.of(Map.of("productId", "p-oil", "quantity", "20",
                        "unitCost", "100.00", "gstRate", "5")))), 201);
        ok(post(http, "/api/v1/accounting/parties/" + supplier + "/payments", owner(shop),
                Map.of("amount", "1000.00", "mode", "CASH", "date", "2026-10-05")), 201);
        ok(post(http, "/api/v1/accounting/parties/" + customer + "/collections", owner(shop),
                Map.of("amount", "500.00", "mode", "UPI", "reference", "UTR 612345678901", "date", "2026-10-06")), 201);
        ok(post(http, "/api/v1/accounting/expenses", owner(shop),
                Map.of("date", "2026-10-07", "category", "RENT", "amount", "1500.00", "mode", "CASH")), 201);

        // the sale and the refund arrive through Kafka: wait for the seven vouchers (and the sale's stock item)
        String uri = "/api/v1/accounting/tally/export?from=2026-10-01&to=2026-10-31&kind=all";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Document d = TallyXmlTest.parse(download(shop, uri));
            return d.getElementsByTagName("VOUCHER").getLength() == 7 && d.getElementsByTagName("STOCKITEM").getLength() == 2;
        });
        byte[] file = download(shop, uri);
        Document doc = TallyXmlTest.parse(file);

        // ---- each voucher: its type, debits = credits, and line for line the journal entry it came from
        Map<String, List<String>> journal = journalByGuid(shop);
        NodeList vouchers = doc.getElementsByTagName("VOUCHER");
        Map<String, String> types = new TreeMap<>();
        Map<String, BigDecimal[]> perLedger = new TreeMap<>();
        for (int i = 0; i < vouchers.getLength(); i++) {
            Element v = (Element) vouchers.item(i);
            String guid = TallyXmlTest.text(v, "GUID");
            assertThat(v.getAttribute("REMOTEID")).isEqualTo(guid);
            assertThat(TallyXmlTest.text(v, "VOUCHERTYPENAME")).isEqualTo(v.getAttribute("VCHTYPE"));
            types.put(TallyXmlTest.text(v, "DATE") + " " + TallyXmlTest.text(v, "VOUCHERNUMBER").replaceAll("^[0-9a-f]{8}$", "-"), v.getAttribute("VCHTYPE"));
            NodeList lines = v.getElementsByTagName("ALLLEDGERENTRIES.LIST");
            BigDecimal sum = BigDecimal.ZERO;
            List<String> got = new ArrayList<>();
            for (int j = 0; j < lines.getLength(); j++) {
                Element l = (Element) lines.item(j);
                BigDecimal amount = new BigDecimal(TallyXmlTest.text(l, "AMOUNT"));
                boolean debit = TallyXmlTest.text(l, "ISDEEMEDPOSITIVE").equals("Yes");
                assertThat(amount.signum()).as("a debit is negative, a credit positive").isEqualTo(debit ? -1 : 1);
                sum = sum.add(amount);
                String ledger = TallyXmlTest.text(l, "LEDGERNAME");
                got.add(ledger + (debit ? " Dr " + amount.negate().toPlainString() : " Cr " + amount.toPlainString()));
                BigDecimal[] m = perLedger.computeIfAbsent(ledger, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                m[debit ? 0 : 1] = m[debit ? 0 : 1].add(amount.abs());
            }
            assertThat(sum).as("debits = credits in voucher %s", guid).isEqualByComparingTo("0");
            assertThat(got).as("voucher %s against its journal entry", guid).containsExactlyElementsOf(journal.get(guid));
        }
        assertThat(journal).hasSize(7);
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20261001 CAP-1", "Journal",
                "20261002 INV/2627/00001", "Sales",
                "20261003 CN/2627/0001", "Credit Note",
                "20261004 PO/77", "Purchase",
                "20261005 -", "Payment",
                "20261006 -", "Receipt",
                "20261007 -", "Payment"));

        // ---- the movements per ledger, worked by hand above
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("Cash in hand", "10000.00/2500.00"),
                Map.entry("UPI settlements receivable", "500.00/0"),
                Map.entry("Bengaluru Kirana Mart", "2100.00/920.00"),
                Map.entry("Inventory", "2000.00/0"),
                Map.entry("Input CGST", "50.00/0"),
                Map.entry("Input SGST/UTGST", "50.00/0"),
                Map.entry("Pune Oil Mills", "1000.00/2100.00"),
                Map.entry("Output IGST", "20.00/100.00"),
                Map.entry("Capital", "0/10000.00"),
                Map.entry("Sales", "0/2000.00"),
                Map.entry("Sales returns", "400.00/0"),
                Map.entry("Rent", "1500.00/0")));
        Map<String, String> actual = new TreeMap<>();
        perLedger.forEach((k, v) -> actual.put(k, plain(v[0]) + "/" + plain(v[1])));
        assertThat(actual).isEqualTo(expected);
        // and the books' own trial balance says the same of the accounts behind those ledgers (parties on 1100 and 2000)
        Map<String, BigDecimal[]> tb = BooksTestSupport.trialBalance(http, shop);
        assertThat(BooksTestSupport.net(tb, "1100")).isEqualByComparingTo("1180.00");   // 2,100.00 - 920.00
        assertThat(BooksTestSupport.net(tb, "2000")).isEqualByComparingTo("-1100.00");  // 1,000.00 - 2,100.00
        assertThat(BooksTestSupport.net(tb, "1000")).isEqualByComparingTo("7500.00");   // 10,000.00 - 2,500.00
        assertThat(BooksTestSupport.net(tb, "2120")).isEqualByComparingTo("-80.00");    // 20.00 - 100.00

        // ---- masters: the parties with GSTIN and state, the accounts under Tally's groups, the stock items
        Element mart = TallyXmlTest.ledger(doc, "Bengaluru Kirana Mart");
        assertThat(TallyXmlTest.text(mart, "PARENT")).isEqualTo("Sundry Debtors");
        assertThat(TallyXmlTest.text(mart, "PARTYGSTIN")).isEqualTo(KARNATAKA_GSTIN);
        assertThat(TallyXmlTest.text(mart, "LEDSTATENAME")).isEqualTo("Karnataka");
        Element mills = TallyXmlTest.ledger(doc, "Pune Oil Mills");
        assertThat(TallyXmlTest.text(mills, "PARENT")).isEqualTo("Sundry Creditors");
        assertThat(TallyXmlTest.text(mills, "PARTYGSTIN")).isEqualTo(MAHARASHTRA_GSTIN);
        assertThat(TallyXmlTest.text(mills, "LEDSTATENAME")).isEqualTo("Maharashtra");
        assertThat(TallyXmlTest.text(TallyXmlTest.ledger(doc, "Cash in hand"), "PARENT")).isEqualTo("Cash-in-Hand");
        assertThat(TallyXmlTest.text(TallyXmlTest.ledger(doc, "Output IGST"), "PARENT")).isEqualTo("Duties & Taxes");
        assertThat(TallyXmlTest.text(TallyXmlTest.ledger(doc, "Rent"), "PARENT")).isEqualTo("Indirect Expenses");
        Map<String, String> items = new HashMap<>();
        NodeList stock = doc.getElementsByTagName("STOCKITEM");
        for (int i = 0; i < stock.getLength(); i++) {
            Element s = (Element) stock.item(i);
            items.put(s.getAttribute("NAME"), TallyXmlTest.text(s, "HSNCODE") + " " + TallyXmlTest.text(s, "GSTRATE"));
        }
        // the atta as its sale named it; the oil, only ever bought, under its product id at the bill's 5 %
        assertThat(items).isEqualTo(Map.of("Atta 5 kg", "1101 5", "p-oil", "null 5"));
        // masters before vouchers: every ledger a voucher names is defined
        List<String> names = new ArrayList<>();
        NodeList ledgers = doc.getElementsByTagName("LEDGER");
        for (int i = 0; i < ledgers.getLength(); i++) {
            names.add(((Element) ledgers.item(i)).getAttribute("NAME"));
        }
        assertThat(names).containsAll(perLedger.keySet());

        // ---- a second export: the same GUIDs (Tally updates instead of duplicating), to the byte
        assertThat(download(shop, uri)).isEqualTo(file);
        Document masters = TallyXmlTest.parse(download(shop, "/api/v1/accounting/tally/export?from=2026-10-01&to=2026-10-31&kind=masters"));
        assertThat(TallyXmlTest.text(masters.getDocumentElement(), "REPORTNAME")).isEqualTo("All Masters");
        assertThat(masters.getElementsByTagName("VOUCHER").getLength()).isZero();
        assertThat(TallyXmlTest.text(TallyXmlTest.ledger(masters, "Pune Oil Mills"), "GUID"))
                .isEqualTo(TallyXmlTest.text(mills, "GUID"));
        Document onlyVouchers = TallyXmlTest.parse(download(shop, "/api/v1/accounting/tally/export?from=2026-10-02&to=2026-10-03&kind=vouchers"));
        assertThat(onlyVouchers.getElementsByTagName("VOUCHER").getLength()).isEqualTo(2);
        assertThat(onlyVouchers.getElementsByTagName("LEDGER").getLength()).isZero();

        // ---- another shop sees none of it
        Document other = TallyXmlTest.parse(download(newShop(), uri));
        assertThat(other.getElementsByTagName("VOUCHER").getLength()).isZero();
        assertThat(other.getElementsByTagName("LEDGER").getLength()).isZero();
    }

    @Test
    void badExportRequestsAreProblems() {
        String shop = newShop();
        problem(get(shop, "/api/v1/accounting/tally/export?from=2026-10-31&to=2026-10-01", "OWNER"), 400, "must not be before from");
        problem(get(shop, "/api/v1/accounting/tally/export?from=2026-10-01&to=2026-10-31&kind=ledgers", "OWNER"), 400, "one of vouchers, masters, all");
        problem(get(shop, "/api/v1/accounting/tally/export?from=2024-10-01&to=2026-10-31", "OWNER"), 400, "at most 366 days");
        problem(get(shop, "/api/v1/accounting/tally/export?from=2026-10-01&to=9999-12-31", "OWNER"), 400, "at most 366 days");
        problem(get(shop, "/api/v1/accounting/tally/export?from=yesterday&to=2026-10-31", "OWNER"), 400, "malformed-request");
        problem(get(shop, "/api/v1/accounting/tally/export?from=2026-10-01&to=2026-10-31", "CASHIER"), 403, "");
        // an auditor may take the books to Tally
        get(shop, "/api/v1/accounting/tally/export?from=2026-10-01&to=2026-10-31", "AUDITOR").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML);
    }

    WebTestClient.ResponseSpec get(String shop, String uri, String role) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token(shop, role))).exchange();
    }

    byte[] download(String shop, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(owner(shop))).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectHeader().value("Content-Disposition", v -> assertThat(v).contains("attachment").contains(".xml"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** The journal's lines, by the GUID of their entry, as "ledger Dr/Cr amount" with the party lines named by their party. */
    Map<String, List<String>> journalByGuid(String shop) {
        List<?> lines = http.get().uri("/api/v1/accounting/journal?from=2026-10-01&to=2026-10-31").headers(h -> h.setBearerAuth(owner(shop)))
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        Map<String, String> names = Map.of("1000", "Cash in hand", "1020", "UPI settlements receivable", "1100", "Bengaluru Kirana Mart",
                "1200", "Inventory", "1300", "Input CGST", "1310", "Input SGST/UTGST", "2000", "Pune Oil Mills", "2120", "Output IGST",
                "3000", "Capital", "4000", "Sales");
        Map<String, String> more = Map.of("4010", "Sales returns", "5300", "Rent");
        Map<String, List<String>> out = new HashMap<>();
        for (Object o : lines) {
            Map<?, ?> l = (Map<?, ?>) o;
            String account = String.valueOf(l.get("account"));
            String name = names.getOrDefault(account, more.get(account));
            BigDecimal debit = new BigDecimal(String.valueOf(l.get("debit")));
            BigDecimal credit = new BigDecimal(String.valueOf(l.get("credit")));
            out.computeIfAbsent(TallyBook.guid(shop, "voucher:" + l.get("id")), k -> new ArrayList<>())
                    .add(name + (debit.signum() > 0 ? " Dr " + debit.setScale(2).toPlainString() : " Cr " + credit.setScale(2).toPlainString()));
        }
        return out;
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.setScale(2).toPlainString();
    }

    String party(String shop, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = http.post().uri("/api/v1/accounting/parties").headers(h -> h.setBearerAuth(owner(shop)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) p.get("id");
    }

    static OffsetDateTime at(String date) {
        return OffsetDateTime.parse(date + "T10:00:00+05:30").withOffsetSameInstant(IST);
    }

    static void event(String shop, String key, String type, String date, Object data) {
        BooksTestSupport.send(Topics.ORDER, key, KiranaEvents.event(UUID.randomUUID().toString(), type, "test", key, shop, at(date),
                EventJson.write(data)));
    }
}
