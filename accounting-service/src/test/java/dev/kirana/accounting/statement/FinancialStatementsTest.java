package dev.kirana.accounting.statement;

import static dev.kirana.accounting.BooksTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A shop's books through the API, figures by hand. Last month: the owner puts 10,000.00 of capital in the till. This
 * month: 10 atta at 200.00 and 20 biscuits at 18.50 come into stock (2,370.00); a sale of 581.00 (UPI 300.00 + cash
 * 281.00; sales 543.82, CGST 18.55, SGST 18.55, round off 0.08) costing 2 × 200 + 3 × 18.50 = 455.50; one atta damaged
 * (200.00); rent 5,000.00 from the till; 4,000.00 of cash into the bank; the UPI settlement of 300.00 less 6.00 fee.
 */
@KiranaServiceTest
class FinancialStatementsTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate TODAY = LocalDate.now(IST);
    static final YearMonth THIS_MONTH = YearMonth.from(TODAY);
    static final LocalDate FROM = THIS_MONTH.atDay(1);

    @Autowired
    WebTestClient http;

    void entry(String shop, LocalDate date, String narration, List<Map<String, String>> lines) {
        http.post().uri("/api/v1/accounting/journal-entries").headers(h -> {
                    h.setBearerAuth(owner(shop));
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", date.toString(), "narration", narration, "lines", lines))
                .exchange().expectStatus().isCreated().expectBody();
    }

    static Map<String, String> dr(String account, String amount) {
        return Map.of("account", account, "debit", amount);
    }

    static Map<String, String> cr(String account, String amount) {
        return Map.of("account", account, "credit", amount);
    }

    String month(String shop) {
        entry(shop, THIS_MONTH.minusMonths(1).atDay(1), "Capital brought in", List.of(dr("1000", "10000.00"), cr("3000", "10000.00")));
        received(shop, "p-atta", "10", "200.0000", "10");
        received(shop, "p-bisc", "20", "18.5000", "20");
        String order = UUID.randomUUID().toString();
        publish(Topics.ORDER, order, shop, EventTypes.ORDER_CONFIRMED, new OrderEvents.OrderConfirmed(order, "u-cashier", "INR", List.of(),
                d("581.00"), Instant.now(), "INV/2627/00001", Instant.now(), null, "TAX_INVOICE", "29", "29", "INTRA_STATE", null,
                List.of(new OrderEvents.Tender("UPI", d("300.00"), null, null, null, null), new OrderEvents.Tender("CASH", d("281.00"), null, null, null, null)),
                d("0"), d("543.82"), d("18.55"), d("18.55"), d("0"), d("0.08"), 5L));
        publish(Topics.INVENTORY, order, shop, EventTypes.STOCK_COMMITTED, new InventoryEvents.StockCommitted(order, List.of(
                new InventoryEvents.CostedLine("p-atta", d("2"), d("200.0000")), new InventoryEvents.CostedLine("p-bisc", d("3"), d("18.5000")))));
        adjusted(shop, "p-atta", "DAMAGE", "-1", "200.0000", "-200.00", "7", "adjustment:k1");
        // the events are posted before the entries by hand, so the till's ledger has a known order
        await().atMost(Duration.ofSeconds(30)).until(() -> net(trialBalance(http, shop), "1200").compareTo(d("1714.50")) == 0
                && trialBalance(http, shop).containsKey("4000"));
        entry(shop, TODAY, "Rent for the month", List.of(dr("5300", "5000.00"), cr("1000", "5000.00")));
        entry(shop, TODAY, "Cash paid into the bank", List.of(dr("1050", "4000.00"), cr("1000", "4000.00")));
        entry(shop, TODAY, "UPI settlement less fee", List.of(dr("1050", "294.00"), dr("5360", "6.00"), cr("1020", "300.00")));
        return shop;
    }

    @Test
    void theStatementsOfAMonth() {
        String shop = month(newShop());
        String owner = owner(shop);

        // trial balance of this month: period debits 281 + 300 + 4294 + 2370 + 455.50 + 5000 + 6 + 200 = 12,906.50
        http.get().uri("/api/v1/accounting/statements/trial-balance?from={f}&to={t}", FROM, TODAY).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totalDebit").isEqualTo("12906.50")
                .jsonPath("$.totalCredit").isEqualTo("12906.50")
                .jsonPath("$.balanced").isEqualTo(true)
                .jsonPath("$.rows[?(@.account=='1000')].name").isEqualTo("Cash in hand")
                .jsonPath("$.rows[?(@.account=='1000')].type").isEqualTo("ASSET")
                .jsonPath("$.rows[?(@.account=='1000')].opening").isEqualTo("10000.00")
                .jsonPath("$.rows[?(@.account=='1000')].credit").isEqualTo("9000.00")
                .jsonPath("$.rows[?(@.account=='1000')].closingDebit").isEqualTo("1281.00")
                .jsonPath("$.rows[?(@.account=='1200')].closing").isEqualTo("1714.50");

        // profit and loss: net sales 543.82; cost 455.50 + 200 = 655.50; gross −111.68; round off 0.08; expenses 5006.00
        http.get().uri("/api/v1/accounting/statements/profit-and-loss?from={f}&to={t}", FROM, TODAY).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totalSales").isEqualTo("543.82")
                .jsonPath("$.totalReturns").isEqualTo("0.00")
                .jsonPath("$.netSales").isEqualTo("543.82")
                .jsonPath("$.totalCostOfGoodsSold").isEqualTo("655.50")
                .jsonPath("$.grossProfit").isEqualTo("-111.68")
                .jsonPath("$.totalOtherIncome").isEqualTo("0.08")
                .jsonPath("$.expenses[0].name").isEqualTo("Rent")
                .jsonPath("$.expenses[1].name").isEqualTo("Card and UPI fees")
                .jsonPath("$.totalExpenses").isEqualTo("5006.00")
                .jsonPath("$.netProfit").isEqualTo("-5117.60");     // −111.68 + 0.08 − 5006

        // balance sheet today: inventory 1714.50 + cash 1281 + bank 4294 = 7289.50 = GST 37.10 + (12,370 − 5117.60)
        http.get().uri("/api/v1/accounting/statements/balance-sheet?asAt={d}", TODAY).headers(h -> h.setBearerAuth(token(shop, "AUDITOR")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totalAssets").isEqualTo("7289.50")
                .jsonPath("$.totalLiabilities").isEqualTo("37.10")
                .jsonPath("$.currentPeriodProfit").isEqualTo("-5117.60")
                .jsonPath("$.totalEquity").isEqualTo("7252.40")
                .jsonPath("$.balanced").isEqualTo(true)
                .jsonPath("$.check").isEqualTo("assets 7289.50 = liabilities 37.10 + equity 7252.40");

        // the till: 10,000 brought forward, the sale's 281, rent, the deposit
        http.get().uri("/api/v1/accounting/statements/ledger/1000?from={f}&to={t}", FROM, TODAY).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.opening").isEqualTo("10000.00")
                .jsonPath("$.lines.length()").isEqualTo(3)
                .jsonPath("$.lines[0].balance").isEqualTo("10281.00")
                .jsonPath("$.lines[1].balance").isEqualTo("5281.00")
                .jsonPath("$.lines[2].balance").isEqualTo("1281.00")
                .jsonPath("$.closing").isEqualTo("1281.00");
        http.get().uri("/api/v1/accounting/statements/ledger/1999?from={f}&to={t}", FROM, TODAY).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.status").isEqualTo(404);

        // cash flow: in 281 (sales) + 294 (UPI settlement), out 5000 (rent); the deposit is neither
        http.get().uri("/api/v1/accounting/statements/cash-flow?from={f}&to={t}", FROM, TODAY).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.opening").isEqualTo("10000.00")
                .jsonPath("$.inflows[?(@.category=='Sales')].amount").isEqualTo("281.00")
                .jsonPath("$.inflows[?(@.category=='UPI settlements receivable')].amount").isEqualTo("294.00")
                .jsonPath("$.outflows.length()").isEqualTo(1)
                .jsonPath("$.outflows[0].category").isEqualTo("Rent")
                .jsonPath("$.closing").isEqualTo("5575.00");          // 1281 + 4294

        // month by month: last month only the capital (cash 10,000 at its end)
        http.get().uri("/api/v1/accounting/statements/monthly-summary?from={f}&to={t}", THIS_MONTH.minusMonths(1).atDay(1), TODAY)
                .headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.months.length()").isEqualTo(2)
                .jsonPath("$.months[0].netProfit").isEqualTo("0.00")
                .jsonPath("$.months[0].cashAndBank").isEqualTo("10000.00")
                .jsonPath("$.months[1].netSales").isEqualTo("543.82")
                .jsonPath("$.months[1].netProfit").isEqualTo("-5117.60")
                .jsonPath("$.months[1].cashAndBank").isEqualTo("5575.00");
    }

    @Test
    void trialBalanceProfitAndLossAndBalanceSheetDownloadAsCsvXlsxAndPdf() throws Exception {
        String shop = month(newShop());
        String owner = owner(shop);
        byte[] xlsx = http.get().uri("/api/v1/accounting/statements/trial-balance?from={f}&to={t}&format=xlsx", FROM, TODAY)
                .headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectHeader().value("Content-Disposition", v -> assertThat(v).contains("trial-balance-" + FROM + "-" + TODAY + ".xlsx"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            var cash = sheet.getRow(4);   // title, period, blank, header, then the first account
            assertThat(cash.getCell(0).getStringCellValue()).isEqualTo("1000");
            assertThat(cash.getCell(7).getNumericCellValue()).isEqualTo(1281.00);
        }
        String csv = http.get().uri("/api/v1/accounting/statements/profit-and-loss?from={f}&to={t}&format=csv", FROM, TODAY)
                .headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("5300,Rent,5000.00\r\n").contains(",Net loss,-5117.60\r\n");
        byte[] pdf = http.get().uri("/api/v1/accounting/statements/balance-sheet?asAt={d}&format=pdf", TODAY)
                .headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        http.get().uri("/api/v1/accounting/statements/balance-sheet?format=docx").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        http.get().uri("/api/v1/accounting/statements/trial-balance?from={f}&to={t}", TODAY, FROM.minusDays(1)).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    @Test
    void cashiersReadNoneOfTheBooksAndAConnectorWithTheScopeReadsThem() {
        String shop = newShop();
        String cashier = token(shop, "CASHIER");
        for (String uri : List.of("/api/v1/accounting/trial-balance",
                "/api/v1/accounting/statements/trial-balance?from=2026-04-01&to=2026-04-30",
                "/api/v1/accounting/statements/profit-and-loss?from=2026-04-01&to=2026-04-30",
                "/api/v1/accounting/statements/balance-sheet",
                "/api/v1/accounting/statements/ledger/1000?from=2026-04-01&to=2026-04-30",
                "/api/v1/accounting/statements/monthly-summary?from=2026-04-01&to=2026-04-30",
                "/api/v1/accounting/statements/cash-flow?from=2026-04-01&to=2026-04-30",
                "/api/v1/accounting/journal?from=2026-04-01&to=2026-04-30",
                "/api/v1/accounting/journal-entries?from=2026-04-01&to=2026-04-30",
                "/api/v1/accounting/accounts",
                "/api/v1/accounting/periods/locks")) {
            http.get().uri(uri).headers(h -> h.setBearerAuth(cashier)).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/forbidden");
        }
        // a partner's connector with accounting:read reads them; one with another scope does not
        var jwt = dev.kirana.testing.TestInfrastructure.get().jwt();
        String connector = jwt.sign(jwt.claims("cli_tally", shop, Duration.ofMinutes(5)).claim("scope", "orders:read accounting:read").build());
        String other = jwt.sign(jwt.claims("cli_shop", shop, Duration.ofMinutes(5)).claim("scope", "orders:read").build());
        http.get().uri("/api/v1/accounting/statements/balance-sheet").headers(h -> h.setBearerAuth(connector)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.balanced").isEqualTo(true);
        http.get().uri("/api/v1/accounting/statements/balance-sheet").headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        // nor any khata with its entries (the counter reads a customer's balance by phone: /parties/balance)
        http.get().uri("/api/v1/accounting/khata/9876500001").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/forbidden");
    }
}
