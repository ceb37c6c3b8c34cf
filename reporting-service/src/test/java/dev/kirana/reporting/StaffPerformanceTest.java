package dev.kirana.reporting;

import static dev.kirana.reporting.ReportsTest.list;
import static dev.kirana.reporting.ReportsTest.row;
import static dev.kirana.reporting.ReportsTest.totals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.testing.TestInfrastructure;
import java.io.ByteArrayInputStream;
import java.time.Duration;
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
 * Performance per employee from the people and sales events of StaffEventsFixture, 18-19 November, worked out by hand:
 * <pre>
 *   Suresh: sales 3, gross 300 + 318 + 112 = 730.00; void 1 of 112.00; refund 1 of 150.00; net 730 - 112 - 150 = 468.00;
 *           discounts 20.00; baskets 3 - 1 = 2, average 468 / 2 = 234.00; items 2 + 4 + 2 - 2 (voided) = 6, 3 a basket;
 *           hours 9.5 + 8.5 (the correction, not the half day) = 18, days 2; 468 / 18 = 26.00 an hour
 *   Meena:  sales 2, gross 280 + 450 = 730.00; refund 1 of 112.00; net 618.00; discounts 30.00; baskets 2, average 309.00;
 *           items 5 + 3 = 8, 4 a basket; hours 9 + 4.5 = 13.5, days 1 + 0.5 = 1.5; 618 / 13.5 = 45.78 an hour
 *   Ravi:   no sales; hours 8, days 1 (the leave is no day worked); 0.00 an hour
 *   u-temp: a login linked to no employee: sales 1, 150.00, one basket of one item; no attendance
 *   totals: sales 6, gross 1,610.00, voided 112.00, refunded 262.00, net 1,236.00, discounts 50.00, baskets 6 - 1 = 5,
 *           average 247.20, items 15 (3 a basket), hours 39.5, days 4.5, 1,236 / 39.5 = 31.29 an hour
 * </pre>
 */
@ReportingServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPerformanceTest {
    static final String RANGE = "/api/v1/reports/staff/performance?from=2026-11-18&to=2026-11-19";
    @Autowired
    WebTestClient http;
    final StaffEventsFixture shop = new StaffEventsFixture();
    String token;

    @BeforeAll
    void publish() throws Exception {
        shop.publish();
        token = TestInfrastructure.get().jwt().token("u-aud", shop.shop, "AUDITOR");
        // people events and orders are on different topics and partitions: wait for every figure
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> r = get(RANGE);
            assertThat(list(r)).hasSize(4);
            assertThat(totals(r)).containsEntry("sales", 6).containsEntry("refunds", 2).containsEntry("voids", 1)
                    .containsEntry("hours_worked", "39.5");
            assertThat(row(r, "employee_id", StaffEventsFixture.SURESH)).containsEntry("cashier", "u-suresh")
                    .containsEntry("hours_worked", "18");
        });
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void everyEmployeesSalesBasketsAndHoursByHand() {
        Map<String, Object> r = get(RANGE);
        assertThat(r).containsEntry("report", "staff-performance").containsEntry("from", "2026-11-18").containsEntry("to", "2026-11-19");
        // by name, the login linked to no employee last; Old Hand (inactive, nothing in the range) is not listed
        assertThat(list(r)).extracting(x -> x.get("name")).containsExactly("Meena Kale", "Ravi", "Suresh Patil", null);
        assertThat(row(r, "employee_id", StaffEventsFixture.SURESH)).containsEntry("name", "Suresh Patil")
                .containsEntry("sales", 3).containsEntry("gross", "730.00").containsEntry("voids", 1).containsEntry("voided", "112.00")
                .containsEntry("refunds", 1).containsEntry("refunded", "150.00").containsEntry("net", "468.00")
                .containsEntry("discounts", "20.00").containsEntry("baskets", 2).containsEntry("average_basket", "234.00")
                .containsEntry("items", "6").containsEntry("items_per_basket", "3").containsEntry("hours_worked", "18")
                .containsEntry("days_present", "2").containsEntry("sales_per_hour", "26.00");
        // Meena's name and login came only with her attendance
        assertThat(row(r, "employee_id", StaffEventsFixture.MEENA)).containsEntry("cashier", "u-meena")
                .containsEntry("sales", 2).containsEntry("gross", "730.00").containsEntry("voids", 0).containsEntry("voided", "0.00")
                .containsEntry("refunds", 1).containsEntry("refunded", "112.00").containsEntry("net", "618.00")
                .containsEntry("discounts", "30.00").containsEntry("baskets", 2).containsEntry("average_basket", "309.00")
                .containsEntry("items", "8").containsEntry("items_per_basket", "4").containsEntry("hours_worked", "13.5")
                .containsEntry("days_present", "1.5").containsEntry("sales_per_hour", "45.78");
        Map<String, Object> ravi = row(r, "employee_id", StaffEventsFixture.RAVI);
        assertThat(ravi).containsEntry("cashier", null).containsEntry("sales", 0).containsEntry("net", "0.00")
                .containsEntry("baskets", 0).containsEntry("average_basket", null).containsEntry("items_per_basket", null)
                .containsEntry("hours_worked", "8").containsEntry("days_present", "1").containsEntry("sales_per_hour", "0.00");
        assertThat(row(r, "cashier", "u-temp")).containsEntry("employee_id", null).containsEntry("name", null)
                .containsEntry("sales", 1).containsEntry("gross", "150.00").containsEntry("net", "150.00").containsEntry("baskets", 1)
                .containsEntry("average_basket", "150.00").containsEntry("items", "1").containsEntry("items_per_basket", "1")
                .containsEntry("hours_worked", "0").containsEntry("days_present", "0").containsEntry("sales_per_hour", null);
        assertThat(totals(r)).containsEntry("sales", 6).containsEntry("gross", "1610.00").containsEntry("voided", "112.00")
                .containsEntry("refunded", "262.00").containsEntry("net", "1236.00").containsEntry("discounts", "50.00")
                .containsEntry("baskets", 5).containsEntry("average_basket", "247.20").containsEntry("items", "15")
                .containsEntry("items_per_basket", "3").containsEntry("hours_worked", "39.5").containsEntry("days_present", "4.5")
                .containsEntry("sales_per_hour", "31.29");
    }

    @Test
    void theSalesFiguresAreTheSalesByCashierReportsAndTheRangeCounts() {
        Map<String, Object> cashiers = get("/api/v1/reports/sales/by/cashier?from=2026-11-18&to=2026-11-19");
        Map<String, Object> performance = get(RANGE);
        for (String login : new String[]{"u-suresh", "u-meena", "u-temp"}) {
            Map<String, Object> c = row(cashiers, "cashier", login);
            Map<String, Object> p = row(performance, "cashier", login);
            for (String figure : new String[]{"sales", "gross", "voids", "voided", "refunds", "refunded", "net", "discounts", "average_basket"}) {
                assertThat(p.get(figure)).as(login + " " + figure).isEqualTo(c.get(figure));
            }
        }
        // by default the month so far (1-20 November): Suresh's 17th adds a sale of 150.00 and 8 hours
        assertThat(row(get("/api/v1/reports/staff/performance"), "employee_id", StaffEventsFixture.SURESH))
                .containsEntry("sales", 4).containsEntry("net", "618.00").containsEntry("hours_worked", "26")
                .containsEntry("days_present", "3");
        // the 18th alone: Suresh 300 + 318, 9.5 h; the correction of the 19th is not in it
        assertThat(row(get("/api/v1/reports/staff/performance?from=2026-11-18&to=2026-11-18"), "employee_id", StaffEventsFixture.SURESH))
                .containsEntry("net", "618.00").containsEntry("hours_worked", "9.5").containsEntry("sales_per_hour", "65.05");
    }

    @Test
    void exportsAsCsvXlsxAndPdf() throws Exception {
        String csv = http.get().uri(RANGE + "&format=csv").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("Suresh Patil").contains("468.00").contains("45.78").contains("1236.00");
        byte[] xlsx = http.get().uri(RANGE + "&format=xlsx").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            boolean found = false;
            for (var row : book.getSheetAt(0)) {
                var name = row.getCell(1);
                if (name != null && name.getCellType() == CellType.STRING && name.getStringCellValue().equals("Meena Kale")) {
                    assertThat(row.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(618.00);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        byte[] pdf = http.get().uri(RANGE + "&format=pdf").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Performance per employee").contains("Suresh Patil").contains("468.00");
        }
    }

    @Test
    void badRangesRolesAndOtherShops() {
        for (String bad : new String[]{"?from=2026-11-19&to=2026-11-18", "?from=2023-01-01&to=2026-11-19", "?from=18-11-2026",
                "?format=docx"}) {
            http.get().uri("/api/v1/reports/staff/performance" + bad).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().consumeWith(b -> { });
        }
        String owner = TestInfrastructure.get().jwt().token("u-own", shop.shop, "OWNER");
        String manager = TestInfrastructure.get().jwt().token("u-man", shop.shop, "MANAGER");
        for (String t : new String[]{owner, manager}) {
            http.get().uri(RANGE).headers(h -> h.setBearerAuth(t)).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.totals.net").isEqualTo("1236.00");
        }
        String cashier = TestInfrastructure.get().jwt().token("u-suresh", shop.shop, "CASHIER");
        http.get().uri(RANGE).headers(h -> h.setBearerAuth(cashier)).exchange().expectStatus().isForbidden()
                .expectBody().consumeWith(b -> { });
        http.get().uri(RANGE).exchange().expectStatus().isUnauthorized().expectBody().consumeWith(b -> { });
        String other = TestInfrastructure.get().jwt().token("u-other", "shop-other-staff", "OWNER");
        http.get().uri(RANGE).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(0);
    }
}
