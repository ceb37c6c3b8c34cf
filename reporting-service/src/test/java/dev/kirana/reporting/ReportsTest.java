package dev.kirana.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.testing.TestInfrastructure;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every report of one shop's week (ShopEventsFixture) against figures worked out by hand from the events. Friday 20
 * November 2026 ("today"):
 * <pre>
 *   sale A 09:30 c1  tea 2 (300.00 = 285.71 + 7.14 + 7.15)  butter 3 (168.00 = 150.00 + 9 + 9)   cash 468.00
 *   sale B 10:30 c2  butter 5 (280.00 = 250.00 + 15 + 15)                                    UPI 200 + cash 80
 *   sale C 11:30 c1  tea 1 at 160 less 10 (150.00 = 142.86 + 3.57 + 3.57)             khata (CREDIT) 150.00
 *   void of C 11:50 by m1; refund of one butter of B 11:55 by c2 (56.00 = 50.00 + 3 + 3), cash
 *   costs: tea 100.00, butter 40.00 (lot B-11)
 *   gross 898.00, voided 150.00, refunded 56.00, returns 206.00, net 692.00; baskets 3 - 1 = 2, average 346.00
 *   revenue 435.71 + 250.00 + 142.86 - 142.86 - 50.00 = 635.71; tax 56.29 (635.71 + 56.29 = 692.00)
 *   cost 200 + 120 + 200 + 100 - 100 - 40 = 480.00; gross margin 155.71 (24.5 %)
 * </pre>
 * Friday a week before: sale D, one tea, cash 150.00 (revenue 142.86, cost 100.00).
 */
@ReportingServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {
    @Autowired
    WebTestClient http;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    /** The shop's export.downloaded audit events in the outbox, each valid against its schema. */
    java.util.List<dev.kirana.events.AuditEvents.AuditRecorded> downloads() {
        var schemas = new dev.kirana.events.EventSchemaValidator();
        return db.sql("SELECT data FROM kirana_outbox WHERE shop_id = :shop AND event_type = :type AND topic = :topic ORDER BY seq")
                .bind("shop", shop.shop).bind("type", dev.kirana.events.EventTypes.AUDIT_RECORDED).bind("topic", dev.kirana.events.Topics.AUDIT)
                .map(row -> row.get("data", byte[].class)).all().collectList().block().stream()
                .peek(data -> assertThat(schemas.validate(dev.kirana.events.EventTypes.AUDIT_RECORDED, data)).isEmpty())
                .map(data -> dev.kirana.events.EventJson.read(data, dev.kirana.events.AuditEvents.AuditRecorded.class))
                .filter(e -> e.action().equals("export.downloaded"))
                .toList();
    }
    final ShopEventsFixture shop = new ShopEventsFixture();
    String token;

    @BeforeAll
    void publish() throws Exception {
        shop.publish();
        token = TestInfrastructure.get().jwt().token("u-aud", shop.shop, "AUDITOR");
        // the last event of the fixture is on the accounting topic; the others are on their own partitions: wait for each
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/api/v1/reports/sales?from=2026-11-20&to=2026-11-20").get("rows").toString()).contains("refunds=1");
            assertThat(list(get("/api/v1/reports/expenses?from=2026-11-20&to=2026-11-20"))).hasSize(2);
            // low stock: butter (on hand at or below its reorder level 15) and salt (reorder level 10, never received)
            assertThat(get("/api/v1/reports/dashboard").toString()).contains("cashExpected=1542.00", "khataPayable=1800.00",
                    "khataReceivable=450.00", "lowStock=2", "expiringSoon=1");
            assertThat(list(get("/api/v1/reports/stock/expiring?days=40"))).hasSize(2);
            assertThat(get("/api/v1/reports/profitability?from=2026-11-20&to=2026-11-20").get("totals").toString())
                    .contains("cost=480.00");
            assertThat(list(get("/api/v1/reports/stock?by=product"))).hasSize(2);
        });
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    static Map<String, Object> row(Map<String, Object> report, String key, Object value) {
        return list(report).stream().filter(r -> String.valueOf(r.get(key)).equals(String.valueOf(value))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + key + " = " + value + " in " + report));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> totals(Map<String, Object> report) {
        return (Map<String, Object>) report.get("totals");
    }

    @Test
    void salesSummaryCountsVoidsAndRefundsOnTheirDay() {
        Map<String, Object> week = get("/api/v1/reports/sales?from=2026-11-13&to=2026-11-20");
        assertThat(list(week)).hasSize(2);
        Map<String, Object> today = row(week, "period", "2026-11-20");
        assertThat(today).containsEntry("sales", 3).containsEntry("voids", 1).containsEntry("refunds", 1)
                .containsEntry("gross", "898.00").containsEntry("voided", "150.00").containsEntry("refunded", "56.00")
                .containsEntry("returns", "206.00").containsEntry("net", "692.00").containsEntry("discounts", "0.00")
                .containsEntry("average_basket", "346.00").containsEntry("revenue", "635.71").containsEntry("tax", "56.29")
                .containsEntry("cost", "480.00").containsEntry("gross_margin", "155.71").containsEntry("margin_pct", "24.5");
        assertThat(row(week, "period", "2026-11-13")).containsEntry("net", "150.00").containsEntry("cost", "100.00")
                .containsEntry("gross_margin", "42.86");
        // the week: 692.00 + 150.00; baskets 2 + 1
        assertThat(totals(week)).containsEntry("net", "842.00").containsEntry("sales", 4).containsEntry("average_basket", "280.67");
        Map<String, Object> byWeek = get("/api/v1/reports/sales?from=2026-11-01&to=2026-11-30&groupBy=week");
        // ISO weeks: Monday 9 November holds the 13th, Monday 16 November the 20th
        assertThat(row(byWeek, "period", "2026-11-09")).containsEntry("net", "150.00");
        assertThat(row(byWeek, "period", "2026-11-16")).containsEntry("net", "692.00");
        assertThat(list(get("/api/v1/reports/sales?from=2026-11-01&to=2026-11-30&groupBy=month"))).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("period", "2026-11-01").containsEntry("net", "842.00"));
    }

    @Test
    void salesByProductCategoryHsnAndTender() {
        String day = "?from=2026-11-20&to=2026-11-20";
        Map<String, Object> products = get("/api/v1/reports/sales/by/product" + day);
        // tea: sold 2 + 1, voided 1; revenue 285.71 + 142.86 - 142.86, cost 200 + 100 - 100, margin 85.71 (30.0 %)
        assertThat(row(products, "product_id", ShopEventsFixture.TEA)).containsEntry("name", "Tata Tea 250g")
                .containsEntry("category", "Grocery/Tea").containsEntry("quantity_sold", "3").containsEntry("quantity_returned", "1")
                .containsEntry("net_quantity", "2").containsEntry("gross", "450.00").containsEntry("returns", "150.00")
                .containsEntry("net", "300.00").containsEntry("discount", "0.00").containsEntry("revenue", "285.71")
                .containsEntry("cost", "200.00").containsEntry("margin", "85.71").containsEntry("margin_pct", "30.0");
        // butter: sold 3 + 5, refunded 1; revenue 150 + 250 - 50, cost 120 + 200 - 40, margin 70.00 (20.0 %)
        assertThat(row(products, "product_id", ShopEventsFixture.BUTTER)).containsEntry("net_quantity", "7")
                .containsEntry("net", "392.00").containsEntry("revenue", "350.00").containsEntry("cost", "280.00")
                .containsEntry("margin", "70.00").containsEntry("margin_pct", "20.0");
        assertThat(list(products).get(0)).containsEntry("product_id", ShopEventsFixture.BUTTER);
        assertThat(totals(products)).containsEntry("net", "692.00").containsEntry("margin", "155.71");

        assertThat(row(get("/api/v1/reports/sales/by/category" + day), "category", "Dairy")).containsEntry("net", "392.00");
        // whole months come from the monthly rollup, the days around them from the lines: the same figures either way
        // (tea: sale D 150.00 on the 13th + 300.00 today; cost 100 + 200)
        for (String range : List.of("?from=2026-11-01&to=2026-11-30", "?from=2026-10-15&to=2026-12-10", "?from=2026-11-13&to=2026-11-20")) {
            Map<String, Object> month = get("/api/v1/reports/sales/by/product" + range);
            assertThat(row(month, "product_id", ShopEventsFixture.TEA)).as(range).containsEntry("net", "450.00")
                    .containsEntry("quantity_sold", "4").containsEntry("cost", "300.00").containsEntry("name", "Tata Tea 250g");
            assertThat(totals(month)).as(range).containsEntry("net", "842.00").containsEntry("margin", "198.57");
        }
        Map<String, Object> hsn = get("/api/v1/reports/sales/by/hsn" + day);
        assertThat(row(hsn, "hsn", "0405")).containsEntry("gst_rate", "12.0").containsEntry("revenue", "350.00")
                .containsEntry("cgst", "21.00").containsEntry("sgst", "21.00").containsEntry("tax", "42.00");

        Map<String, Object> tenders = get("/api/v1/reports/sales/by/tender" + day);
        assertThat(row(tenders, "tender", "CASH")).containsEntry("payments", 2).containsEntry("gross", "548.00")
                .containsEntry("returns", "56.00").containsEntry("net", "492.00");
        assertThat(row(tenders, "tender", "UPI")).containsEntry("net", "200.00");
        assertThat(row(tenders, "tender", "CREDIT")).containsEntry("gross", "150.00").containsEntry("returns", "150.00")
                .containsEntry("net", "0.00");

        Map<String, Object> top = get("/api/v1/reports/sales/top" + day + "&limit=1");
        assertThat(list(top)).singleElement().satisfies(r -> assertThat(r).containsEntry("product_id", ShopEventsFixture.BUTTER));
        Map<String, Object> bottom = get("/api/v1/reports/sales/top" + day + "&limit=1&order=bottom&by=quantity");
        assertThat(list(bottom)).singleElement().satisfies(r -> assertThat(r).containsEntry("product_id", ShopEventsFixture.TEA));
    }

    @Test
    void peopleCustomersHoursAndWeekdays() {
        String day = "?from=2026-11-20&to=2026-11-20";
        Map<String, Object> cashiers = get("/api/v1/reports/sales/by/cashier" + day);
        assertThat(row(cashiers, "cashier", "c1")).containsEntry("sales", 2).containsEntry("gross", "618.00")
                .containsEntry("discounts", "10.00").containsEntry("average_basket", "309.00");
        assertThat(row(cashiers, "cashier", "m1")).containsEntry("voids", 1).containsEntry("voided", "150.00")
                .containsEntry("discounts", "-10.00").containsEntry("net", "-150.00");
        assertThat(row(cashiers, "cashier", "m1").get("average_basket")).isNull();
        assertThat(row(cashiers, "cashier", "c2")).containsEntry("refunds", 1).containsEntry("refunded", "56.00")
                .containsEntry("net", "224.00");
        Map<String, Object> customers = get("/api/v1/reports/sales/by/customer" + day);
        assertThat(row(customers, "customer_key", "9876543210")).containsEntry("customer", "Ramesh")
                .containsEntry("sales", 1).containsEntry("voids", 1).containsEntry("net", "0.00");
        // 09:30, 10:30 and 11:30 (+ the void 11:50 and refund 11:55) in India
        Map<String, Object> hours = get("/api/v1/reports/sales/by/hour" + day);
        assertThat(row(hours, "hour", 9)).containsEntry("net", "468.00");
        assertThat(row(hours, "hour", 10)).containsEntry("net", "280.00");
        assertThat(row(hours, "hour", 11)).containsEntry("net", "-56.00");
        assertThat(list(get("/api/v1/reports/sales/by/weekday?from=2026-11-13&to=2026-11-20"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("weekday", 5).containsEntry("net", "842.00"));
    }

    @Test
    void stockValueExpiryAgeingAndSlowMovers() {
        // tea 20 - 1 - 2 - 1 + 1 = 17 worth 1,700.00; butter 20 - 3 - 5 + 1 = 13 worth 400 + 420 - 120 - 200 + 40 = 540.00
        Map<String, Object> byCategory = get("/api/v1/reports/stock");
        assertThat(row(byCategory, "category", "Grocery/Tea")).containsEntry("on_hand", "17").containsEntry("value", "1700.00");
        assertThat(row(byCategory, "category", "Dairy")).containsEntry("on_hand", "13").containsEntry("value", "540.00");
        assertThat(totals(byCategory)).containsEntry("value", "2240.00");
        assertThat(row(get("/api/v1/reports/stock?by=product"), "product_id", ShopEventsFixture.BUTTER))
                .containsEntry("low", "yes").containsEntry("average_cost", "41.54");
        // lot B-11: 10 - 3 - 5 = 2 left, 5 days to go; B-12 all 10 left, 30 days
        Map<String, Object> expiring = get("/api/v1/reports/stock/expiring?days=30");
        assertThat(list(expiring)).hasSize(2);
        assertThat(list(expiring).get(0)).containsEntry("batch_no", "B-11").containsEntry("days_left", 5)
                .containsEntry("remaining", "2").containsEntry("value", "80.00");
        assertThat(list(get("/api/v1/reports/stock/expiring?days=7"))).hasSize(1);
        // tea: lot 1 (1 August, 111 days) has 20 - 1 - 2 - 1 = 16 left worth 1,600; the voided tea came back 20 November
        Map<String, Object> ageing = get("/api/v1/reports/stock/ageing");
        assertThat(row(ageing, "product_id", ShopEventsFixture.TEA)).containsEntry("d91_180", "1600.00")
                .containsEntry("d0_30", "100.00").containsEntry("value", "1700.00");
        // in the last 30 days tea sold 1 + 2 (net of the void): 17 on hand at 3 per 30 days lasts 170 days
        Map<String, Object> slow = get("/api/v1/reports/stock/slow-moving?days=30&coverDays=90");
        assertThat(row(slow, "product_id", ShopEventsFixture.TEA)).containsEntry("status", "SLOW")
                .containsEntry("days_of_cover", 170).containsEntry("value", "1700.00");
        assertThat(list(slow)).noneMatch(r -> ShopEventsFixture.BUTTER.equals(r.get("product_id")));
    }

    @Test
    void taxKhataExpensesAndCashFlow() {
        String day = "?from=2026-11-20&to=2026-11-20";
        Map<String, Object> tax = get("/api/v1/reports/tax" + day);
        assertThat(row(tax, "gst_rate", "5.0")).containsEntry("taxable", "285.71").containsEntry("cgst", "7.14")
                .containsEntry("sgst", "7.15").containsEntry("tax", "14.29").containsEntry("returns_tax", "7.14");
        assertThat(row(tax, "gst_rate", "12.0")).containsEntry("tax", "42.00").containsEntry("returns_tax", "6.00");
        assertThat(totals(tax)).containsEntry("tax", "56.29");
        // Ramesh owes 450: the 150 of 10 November (10 days) and 300 left of the 500 of 1 August (111 days)
        Map<String, Object> khata = get("/api/v1/reports/khata");
        assertThat(list(khata)).singleElement().satisfies(r -> assertThat(r).containsEntry("name", "Ramesh")
                .containsEntry("balance", "450.00").containsEntry("d0_30", "150.00").containsEntry("d31_60", "0.00")
                .containsEntry("d90", "300.00"));
        assertThat(row(get("/api/v1/reports/khata?kind=supplier"), "party_id", "s1")).containsEntry("d90", "1000.00");
        // the mandi's 800 was entered on 15 November but is owed since 20 August: over 90 days, not 0-30
        assertThat(row(get("/api/v1/reports/khata?kind=supplier"), "party_id", "m1")).containsEntry("balance", "800.00")
                .containsEntry("d0_30", "0.00").containsEntry("d90", "800.00");
        Map<String, Object> expenses = get("/api/v1/reports/expenses?from=2026-11-19&to=2026-11-20");
        assertThat(row(expenses, "category", "Electricity")).containsEntry("net_amount", "1000.00").containsEntry("tax", "180.00")
                .containsEntry("amount", "1180.00");
        assertThat(row(expenses, "category", "Staff welfare")).containsEntry("expenses", 0).containsEntry("amount", "0.00");
        // the 20th: sales 468 + 280 - 150 (khata) = 748 in, refund 56 out, electricity 1180 out, staff tea 50 back
        Map<String, Object> flow = get("/api/v1/reports/cash-flow" + day);
        assertThat(list(flow)).singleElement().satisfies(r -> assertThat(r).containsEntry("sales", "748.00")
                .containsEntry("refunds", "-56.00").containsEntry("expenses", "-1130.00").containsEntry("inflow", "798.00")
                .containsEntry("outflow", "1236.00").containsEntry("net", "-438.00"));
        assertThat(list(get("/api/v1/reports/cash-flow" + day + "&channel=cash"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("net", "542.00"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardComparesTodayWithTheSameWeekdayLastWeek() {
        Map<String, Object> d = get("/api/v1/reports/dashboard");
        assertThat(d).containsEntry("date", "2026-11-20").containsEntry("comparedWith", "2026-11-13")
                .containsEntry("returnsToday", "206.00").containsEntry("cashExpected", "1542.00")
                .containsEntry("lastDayClose", "2026-11-19");
        assertThat((Map<String, Object>) d.get("netSales")).containsEntry("today", "692.00")
                .containsEntry("sameDayLastWeek", "150.00").containsEntry("change", "542.00").containsEntry("changePct", "361.3");
        assertThat((Map<String, Object>) d.get("orders")).containsEntry("today", "2").containsEntry("sameDayLastWeek", "1");
        assertThat((Map<String, Object>) d.get("averageBasket")).containsEntry("today", "346.00");
        assertThat((Map<String, Object>) d.get("grossMargin")).containsEntry("today", "155.71")
                .containsEntry("sameDayLastWeek", "42.86");
        List<Map<String, Object>> top = (List<Map<String, Object>>) d.get("topProducts");
        assertThat(top).extracting(p -> p.get("productId")).containsExactly(ShopEventsFixture.BUTTER, ShopEventsFixture.TEA);
        List<Map<String, Object>> days = (List<Map<String, Object>>) d.get("last30Days");
        assertThat(days).hasSize(30);
        assertThat(days.get(29)).containsEntry("day", "2026-11-20").containsEntry("netSales", "692.00");
        assertThat(days.get(22)).containsEntry("day", "2026-11-13").containsEntry("netSales", "150.00");
        assertThat(days.get(0)).containsEntry("day", "2026-10-22").containsEntry("netSales", "0.00");
    }

    @Test
    void exportsOpen() throws Exception {
        byte[] xlsx = http.get().uri("/api/v1/reports/sales/by/product?from=2026-11-20&to=2026-11-20&format=xlsx")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                var first = row.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(ShopEventsFixture.BUTTER)) {
                    var net = row.getCell(9);
                    assertThat(net.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(net.getNumericCellValue()).isEqualTo(392.00);
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(sheet.getPaneInformation()).isNotNull();
        }
        String csv = http.get().uri("/api/v1/reports/sales?from=2026-11-13&to=2026-11-20&format=csv")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("2026-11-20").contains("692.00").contains("842.00");
        byte[] pdf = http.get().uri("/api/v1/reports/sales?from=2026-11-13&to=2026-11-20&format=pdf")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Sales summary").contains("692.00");
        }
        // each download is on the audit trail: who, which report, which file
        var downloads = downloads();
        assertThat(downloads).extracting(d -> d.after().get("query").asString()).contains(
                "from=2026-11-20&to=2026-11-20&format=xlsx", "from=2026-11-13&to=2026-11-20&format=csv", "from=2026-11-13&to=2026-11-20&format=pdf");
        var xlsxDownload = downloads.stream().filter(d -> d.after().get("query").asString().endsWith("format=xlsx")).findFirst().orElseThrow();
        assertThat(xlsxDownload.actorId()).isEqualTo("u-aud");
        assertThat(xlsxDownload.actorRole()).isEqualTo("AUDITOR");
        assertThat(xlsxDownload.sourceService()).isEqualTo("reporting-service");
        assertThat(xlsxDownload.entityType()).isEqualTo("export");
        assertThat(xlsxDownload.entityId()).isEqualTo("/api/v1/reports/sales/by/product");
        assertThat(xlsxDownload.after().get("file").asString()).endsWith(".xlsx");
    }

    @Test
    void badInputAndOtherShopsAndRoles() {
        http.get().uri("/api/v1/reports/sales?from=2026-11-20&to=2026-11-01").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().consumeWith(b -> { });
        http.get().uri("/api/v1/reports/sales?groupBy=fortnight").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectBody().consumeWith(b -> { });
        http.get().uri("/api/v1/reports/sales?format=docx").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectBody().consumeWith(b -> { });
        // a refused export is no download
        assertThat(downloads()).noneMatch(d -> d.after().get("query").asString().contains("format=docx"));
        http.get().uri("/api/v1/reports/sales/by/colour").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound().expectBody().consumeWith(b -> { });
        http.get().uri("/api/v1/reports/stock/expiring?days=-1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectBody().consumeWith(b -> { });
        String cashier = TestInfrastructure.get().jwt().token("u-cash", shop.shop, "CASHIER");
        http.get().uri("/api/v1/reports/dashboard").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isForbidden().expectBody().consumeWith(b -> { });
        http.get().uri("/api/v1/reports/sales").exchange().expectStatus().isUnauthorized().expectBody().consumeWith(b -> { });
        // another shop's owner sees none of this shop's figures
        String other = TestInfrastructure.get().jwt().token("u-other", "shop-other", "OWNER");
        Map<String, Object> theirs = http.get().uri("/api/v1/reports/sales?from=2026-11-13&to=2026-11-20")
                .headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(list(theirs)).isEmpty();
    }
}
