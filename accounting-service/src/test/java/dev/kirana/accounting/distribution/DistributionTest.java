package dev.kirana.accounting.distribution;

import static dev.kirana.accounting.BooksTestSupport.d;
import static dev.kirana.accounting.BooksTestSupport.ok;
import static dev.kirana.accounting.BooksTestSupport.post;
import static dev.kirana.accounting.BooksTestSupport.problem;
import static dev.kirana.accounting.BooksTestSupport.publishAt;
import static dev.kirana.accounting.BooksTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A distributor's retailers, their khata, a PRM IMEI workbook imported, imported again and changed, the stock at the
 * retailers and the OD report, through the API against the real PostgreSQL and Kafka. Every figure is worked by hand.
 */
@KiranaServiceTest
class DistributionTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    final LocalDate today = LocalDate.now(IST);

    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;

    WebTestClient.ResponseSpec get(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    Map<String, Object> json(String uri, String token) {
        return ok(get(uri, token), 200);
    }

    WebTestClient.ResponseSpec upload(String token, String fileName, byte[] bytes) {
        MultipartBodyBuilder b = new MultipartBodyBuilder();
        b.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.parseMediaType(XLSX));
        return http.post().uri("/api/v1/accounting/distribution/prm-imports").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(b.build())).exchange();
    }

    /** A credit sale at 5% GST intra-state, all on the customer's khata: total = taxable + 2.5% + 2.5%. */
    static void creditSale(String shop, String phone, String total, String taxable, String halfTax, Instant at) {
        String orderId = UUID.randomUUID().toString();
        OrderEvents.OrderConfirmed sale = new OrderEvents.OrderConfirmed(orderId, "u-cashier", "INR",
                List.of(new OrderEvents.OrderLine("p-phone", "PHONE", "Handsets", d("1"), d(total), d(total))), d(total), at,
                "INV/2627/" + orderId.substring(0, 5), at, null, "TAX_INVOICE", "27", "27", "INTRA_STATE",
                new OrderEvents.Customer(null, phone, null, null), List.of(new OrderEvents.Tender("CREDIT", d(total), null, null, null, null)),
                d("0"), d(taxable), d(halfTax), d(halfTax), d("0"), d("0.00"), 0L);
        publishAt(Topics.ORDER, orderId, shop, EventTypes.ORDER_CONFIRMED, sale, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** A PRM workbook as brand portals export it: IMEIs as number cells, dates as date cells, a header row. */
    static byte[] workbook(List<Object[]> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("IMEI");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd-mm-yyyy"));
            String[] headers = {"Retailer Code", "Retailer Name", "Model", "Model Name", "IMEI", "Status", "Activation Date", "Price"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Long n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Integer n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Object[]> firstFile() {
        return List.of(
                new Object[]{"RT-A01", "Shree Mobiles", "SM-A155", "Galaxy A15 5G", 358754050000017L, "In Stock", null, 13999},   // row 2
                new Object[]{"RT-A01", null, "SM-A155", null, 358754050000025L, "In Stock", null, 13999},                          // row 3
                new Object[]{"RT-B02", null, "SM-A155", null, 358754050000033L, "Activated", today.minusDays(3), 13999},           // row 4
                new Object[]{"RT-B02", null, "SM-M146", "Galaxy M14", 358754050000041L, "In Stock", null, 11499},                  // row 5
                new Object[]{"rt-c03", "Om Sai Mobile", "SM-M146", null, 358754050000058L, "In Stock", null, null},                // row 6
                new Object[]{"RT-A01", null, "SM-A155", null, 358754050000018L, "In Stock", null, 13999},    // row 7: bad check digit
                new Object[]{"RT-B02", null, "SM-A155", null, 358754050000025L, "In Stock", null, 13999},    // row 8: the IMEI of row 3
                new Object[]{"RT-A01", null, "SM-A155", null, 358754050000066L, "Lost", null, 13999});       // row 9: unknown status
    }

    long rows(String table, String shop) {
        return db.sql("SELECT count(*) AS n FROM " + table + " WHERE shop_id = :shop").bind("shop", shop)
                .map(r -> r.get("n", Long.class)).one().block();
    }

    String fingerprint(String shop) {
        return db.sql("""
                        SELECT string_agg(imei || ':' || retailer_id || ':' || status || ':' || coalesce(activation_date::text, '-') || ':'
                                          || coalesce(price::text, '-') || ':' || updated_at::text, ',' ORDER BY imei) AS f
                        FROM retailer_serials WHERE shop_id = :shop""")
                .bind("shop", shop).map(r -> r.get("f", String.class)).one().block();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    static Map<String, Object> byCode(List<Map<String, Object>> rows, String code) {
        return rows.stream().filter(r -> code.equals(r.get("code"))).findFirst().orElseThrow(() -> new AssertionError("no " + code));
    }

    @Test
    void retailersTheirKhataAPrmWorkbookImportedTwiceAndChangedStockAndTheOdReport() throws IOException {
        String shop = "shop-" + UUID.randomUUID();
        String owner = token(shop, "OWNER");
        String auditor = token(shop, "AUDITOR");
        String cashier = token(shop, "CASHIER");

        // ---- retailers through the API ----
        Map<String, Object> a = ok(post(http, "/api/v1/accounting/retailers", owner, new HashMap<>(Map.of("code", " rt-a01 ",
                "name", "Shree Mobiles", "phone", "98220 00014", "area", "Pune East", "route", "Route 3", "creditDays", 15,
                "openingBalance", "10000.00", "openingDate", today.minusDays(60).toString()))), 201);
        String aId = (String) a.get("id");
        assertThat(a.get("code")).isEqualTo("RT-A01");
        assertThat(a.get("balance")).isEqualTo("10000.00");
        assertThat(a.get("creditDays")).isEqualTo(15);
        Map<String, Object> b = ok(post(http, "/api/v1/accounting/retailers", owner, Map.of("code", "RT-B02", "name", "Ganesh Telecom",
                "phone", "9822000025", "area", "Pune West")), 201);
        String bId = (String) b.get("id");
        assertThat(b.get("creditDays")).isEqualTo(30);   // the default
        // a retailer is a customer in the books
        assertThat(json("/api/v1/accounting/parties/" + aId, owner).get("kind")).isEqualTo("CUSTOMER");

        // bad input writes nothing
        problem(post(http, "/api/v1/accounting/retailers", owner, Map.of("name", "No Code")), 400, "code");
        problem(post(http, "/api/v1/accounting/retailers", owner, Map.of("code", "RT-X", "name", "X", "creditDays", 400)), 400, "creditDays");
        problem(post(http, "/api/v1/accounting/retailers", owner, Map.of("code", "RT-A01", "name", "Copy")), 409, "RT-A01");
        problem(post(http, "/api/v1/accounting/retailers", owner, Map.of("code", "RT-X", "name", "X", "gstin", "27AAPFU0939F1ZX")), 400, "gstin");
        problem(post(http, "/api/v1/accounting/retailers", owner, Map.of("code", "RT-X", "name", "X", "creditLimit", "1000000000000000")),
                400, "creditLimit");
        problem(post(http, "/api/v1/accounting/retailers", owner, Map.of("code", "RT-X", "name", "X", "creditDays", "many")), 400, "");
        problem(post(http, "/api/v1/accounting/retailers", owner, Map.of("code", "x".repeat(10_000), "name", "X")), 400, "code");
        problem(post(http, "/api/v1/accounting/retailers", auditor, Map.of("code", "RT-Y", "name", "Y")), 403, "role");
        assertThat(json("/api/v1/accounting/retailers", owner).get("total")).isEqualTo(2);

        // ---- their khata: sales on credit and a collection ----
        // A: opening 10,000.00 (60 days ago); a sale of 50,000.00 + 1,250.00 + 1,250.00 = 52,500.00 (20 days ago);
        //    12,000.00 collected 10 days ago → 10,000 + 52,500 − 12,000 = 50,500.00
        // B: a sale of 10,000.00 + 250.00 + 250.00 = 10,500.00 five days ago
        creditSale(shop, "9822000014", "52500.00", "50000.00", "1250.00", Instant.now().minus(Duration.ofDays(20)));
        creditSale(shop, "9822000025", "10500.00", "10000.00", "250.00", Instant.now().minus(Duration.ofDays(5)));
        ok(post(http, "/api/v1/accounting/parties/" + aId + "/collections", owner,
                Map.of("amount", "12000.00", "mode", "CASH", "date", today.minusDays(10).toString())), 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> "50500.00".equals(json("/api/v1/accounting/retailers/" + aId, owner).get("balance"))
                && "10500.00".equals(json("/api/v1/accounting/retailers/" + bId, owner).get("balance")));

        // ---- the first import ----
        byte[] first = workbook(firstFile());
        Map<String, Object> run1 = ok(upload(owner, "prm-imei.xlsx", first), 201);
        assertThat(run1.get("outcome")).isEqualTo("IMPORTED");
        assertThat(run1.get("fileName")).isEqualTo("prm-imei.xlsx");
        assertThat(run1.get("rowsRead")).isEqualTo(8);
        assertThat(run1.get("rowsCreated")).isEqualTo(5);        // rows 2–6
        assertThat(run1.get("rowsUpdated")).isEqualTo(0);
        assertThat(run1.get("rowsRejected")).isEqualTo(3);       // rows 7, 8, 9
        assertThat(run1.get("retailersCreated")).isEqualTo(1);   // RT-C03
        assertThat(run1.get("productsCreated")).isEqualTo(2);    // SM-A155, SM-M146
        assertThat(run1.get("importedBy")).isEqualTo("u-owner");
        assertThat((String) run1.get("sha256")).hasSize(64);
        assertThat(list(run1, "rejections")).extracting(r -> r.get("rowNumber") + " " + r.get("reason")).containsExactly(
                "7 IMEI 358754050000018 fails its check digit (should end in 7)",
                "8 duplicate IMEI: already on row 3 of this file",
                "9 unknown status Lost (in stock / at retailer, activated, returned)");
        String run1Id = (String) run1.get("id");

        // the retailer the workbook added is a customer with a retailer profile and no balance
        Map<String, Object> retailers = json("/api/v1/accounting/retailers?q=Sai", owner);
        assertThat(retailers.get("total")).isEqualTo(1);
        Map<String, Object> c = list(retailers, "items").get(0);
        assertThat(c.get("code")).isEqualTo("RT-C03");
        assertThat(c.get("balance")).isEqualTo("0.00");
        assertThat(c.get("creditDays")).isEqualTo(30);

        // stock at the retailers: A rows 2 and 3 at 13,999.00 = 27,998.00; B row 5 (row 4 is activated) 11,499.00;
        // C row 6 has no price: its model's dealer price, 11,499.00 from row 5; all 4 serials 27,998 + 11,499 + 11,499 = 50,996.00
        Map<String, Object> stock = json("/api/v1/accounting/distribution/retailer-stock", auditor);
        assertThat(byCode(list(stock, "retailers"), "RT-A01")).containsEntry("serials", 2).containsEntry("value", "27998.00");
        assertThat(byCode(list(stock, "retailers"), "RT-B02")).containsEntry("serials", 1).containsEntry("value", "11499.00");
        assertThat(byCode(list(stock, "retailers"), "RT-C03")).containsEntry("serials", 1).containsEntry("value", "11499.00");
        assertThat(map(stock, "totals")).containsEntry("serials", 4).containsEntry("value", "50996.00");
        Map<String, Object> stockOfA = json("/api/v1/accounting/distribution/retailer-stock?retailer=rt-a01", owner);
        assertThat(list(stockOfA, "retailers")).hasSize(1);
        assertThat(list(list(stockOfA, "retailers").get(0), "models")).extracting(m -> m.get("model") + " " + m.get("serials") + " " + m.get("value"))
                .containsExactly("SM-A155 2 27998.00");

        // the OD report: A 50,500.00 − 27,998.00 = 22,502.00; B 10,500.00 − 11,499.00 = −999.00; C 0.00 − 11,499.00 = −11,499.00.
        // A's 12,000 collection paid the 10,000 opening and 2,000 of the sale: the 50,500 left is 20 days old, over its 15 days;
        // B's 10,500 is 5 days old, within its 30 days
        Map<String, Object> od = json("/api/v1/accounting/distribution/od-report", auditor);
        List<Map<String, Object>> lines = list(od, "lines");
        assertThat(lines).extracting(l -> l.get("code")).containsExactly("RT-A01", "RT-B02", "RT-C03");
        assertThat(lines).extracting(l -> l.get("od")).containsExactly("22502.00", "-999.00", "-11499.00");
        assertThat(lines.get(0)).containsEntry("closingBalance", "50500.00").containsEntry("stockValue", "27998.00")
                .containsEntry("overdue", "50500.00").containsEntry("balanceSource", "BOOKS").containsEntry("balanceStale", false)
                .containsEntry("area", "Pune East");
        assertThat(lines.get(1)).containsEntry("closingBalance", "10500.00").containsEntry("overdue", "0.00");
        // totals: 50,500 + 10,500 + 0 = 61,000.00; stock 50,996.00; OD 61,000 − 50,996 = 10,004.00; overdue 50,500.00
        assertThat(map(od, "totals")).containsEntry("closingBalance", "61000.00").containsEntry("stockValue", "50996.00")
                .containsEntry("od", "10004.00").containsEntry("overdue", "50500.00").containsEntry("serialsAtRetailer", 4);
        // as at 15 days ago: nothing was imported yet (no stock); A owed 10,000 + 52,500 = 62,500.00 (the collection came later)
        Map<String, Object> odBefore = json("/api/v1/accounting/distribution/od-report?asAt=" + today.minusDays(15), owner);
        assertThat(byCode(list(odBefore, "lines"), "RT-A01")).containsEntry("closingBalance", "62500.00").containsEntry("stockValue", "0.00")
                .containsEntry("od", "62500.00");

        // ---- the same file again changes nothing ----
        long serials = rows("retailer_serials", shop);
        long products = rows("distribution_products", shop);
        long retailerRows = rows("retailers", shop);
        long parties = rows("parties", shop);
        String before = fingerprint(shop);
        Map<String, Object> run2 = ok(upload(owner, "prm-imei (1).xlsx", first), 201);
        assertThat(run2.get("outcome")).isEqualTo("UNCHANGED");
        assertThat(run2.get("sameAsRunId")).isEqualTo(run1Id);
        assertThat(run2.get("rowsCreated")).isEqualTo(0);
        assertThat(run2.get("rowsUpdated")).isEqualTo(0);
        assertThat(rows("retailer_serials", shop)).isEqualTo(serials).isEqualTo(5);
        assertThat(rows("distribution_products", shop)).isEqualTo(products).isEqualTo(2);
        assertThat(rows("retailers", shop)).isEqualTo(retailerRows).isEqualTo(3);
        assertThat(rows("parties", shop)).isEqualTo(parties);
        assertThat(fingerprint(shop)).isEqualTo(before);
        assertThat(json("/api/v1/accounting/distribution/retailer-stock", auditor)).isEqualTo(stock);
        assertThat(json("/api/v1/accounting/distribution/od-report", auditor)).isEqualTo(od);

        // ---- a changed file: row 3's handset was activated yesterday ----
        List<Object[]> changed = new java.util.ArrayList<>(firstFile());
        changed.set(1, new Object[]{"RT-A01", null, "SM-A155", null, 358754050000025L, "Activated", today.minusDays(1), 13999});
        Map<String, Object> run3 = ok(upload(owner, "prm-imei-2.xlsx", workbook(changed)), 201);
        assertThat(run3.get("outcome")).isEqualTo("IMPORTED");
        assertThat(run3.get("rowsUpdated")).isEqualTo(1);
        assertThat(run3.get("rowsUnchanged")).isEqualTo(4);
        assertThat(run3.get("rowsCreated")).isEqualTo(0);
        assertThat(run3.get("rowsRejected")).isEqualTo(3);
        assertThat(run3.get("retailersCreated")).isEqualTo(0);
        assertThat(run3.get("productsCreated")).isEqualTo(0);
        assertThat(rows("retailer_serials", shop)).isEqualTo(5);
        // A holds one handset now: 13,999.00, and its OD is 50,500.00 − 13,999.00 = 36,501.00
        Map<String, Object> stock3 = json("/api/v1/accounting/distribution/retailer-stock?retailer=" + aId, owner);
        assertThat(list(stock3, "retailers").get(0)).containsEntry("serials", 1).containsEntry("value", "13999.00");
        Map<String, Object> od3 = json("/api/v1/accounting/distribution/od-report", owner);
        assertThat(byCode(list(od3, "lines"), "RT-A01")).containsEntry("od", "36501.00");
        // totals: stock 50,996 − 13,999 = 36,997.00; OD 61,000 − 36,997 = 24,003.00
        assertThat(map(od3, "totals")).containsEntry("stockValue", "36997.00").containsEntry("od", "24003.00");

        // activations: row 4 three days ago and row 3 yesterday, 13,999.00 each
        Map<String, Object> act = json("/api/v1/accounting/distribution/activations?from=" + today.minusDays(6) + "&to=" + today, owner);
        List<Map<String, Object>> days = list(act, "periods");
        assertThat(days).hasSize(7);
        assertThat(days).filteredOn(p -> !"0".equals(String.valueOf(p.get("activations"))))
                .extracting(p -> p.get("period") + " " + p.get("activations") + " " + p.get("value"))
                .containsExactly(today.minusDays(3) + " 1 13999.00", today.minusDays(1) + " 1 13999.00");
        assertThat(map(act, "totals")).containsEntry("activations", 2).containsEntry("value", "27998.00");
        Map<String, Object> actB = json("/api/v1/accounting/distribution/activations?from=" + today.minusDays(6) + "&to=" + today
                + "&groupBy=month&retailer=RT-B02", owner);
        assertThat(map(actB, "totals")).containsEntry("activations", 1).containsEntry("value", "13999.00");

        // ---- the run log and the rejections file ----
        Map<String, Object> log = json("/api/v1/accounting/distribution/prm-imports", auditor);
        assertThat(log.get("total")).isEqualTo(3);
        assertThat(list(log, "items")).extracting(r -> r.get("outcome")).containsExactly("IMPORTED", "UNCHANGED", "IMPORTED");
        byte[] rejections = http.get().uri("/api/v1/accounting/distribution/prm-imports/" + run1Id + "/rejections")
                .headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isOk()
                .expectHeader().contentType(XLSX).expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(rejections))) {
            Sheet s = book.getSheetAt(0);
            assertThat(s.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Reason");
            assertThat(s.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(7.0);
            assertThat(s.getRow(4).getCell(1).getStringCellValue()).isEqualTo("358754050000018");
            assertThat(s.getRow(5).getCell(2).getStringCellValue()).isEqualTo("duplicate IMEI: already on row 3 of this file");
            assertThat(s.getRow(6).getCell(7).getStringCellValue()).isEqualTo("Lost");
            assertThat(s.getRow(7)).isNull();
        }
        String csv = new String(http.get().uri("/api/v1/accounting/distribution/prm-imports/" + run1Id + "/rejections?format=csv")
                .headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("358754050000066").contains("unknown status Lost");

        // ---- the OD report as a spreadsheet ----
        byte[] xlsx = http.get().uri("/api/v1/accounting/distribution/od-report?format=xlsx").headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectHeader().contentType(XLSX).expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = book.getSheetAt(0);
            assertThat(s.getRow(3).getCell(7).getStringCellValue()).isEqualTo("OD");
            assertThat(s.getRow(4).getCell(0).getStringCellValue()).isEqualTo("RT-A01");
            assertThat(s.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(50500.00);
            assertThat(s.getRow(4).getCell(7).getNumericCellValue()).isEqualTo(36501.00);
            assertThat(s.getRow(7).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(s.getRow(7).getCell(7).getNumericCellValue()).isEqualTo(24003.00);
        }

        // ---- changing a retailer ----
        Map<String, Object> changedA = ok(http.put().uri("/api/v1/accounting/retailers/" + aId).headers(h -> {
            h.setBearerAuth(owner);
            h.setIfMatch("W/\"1\"");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", "RT-A01", "area", "Pune East", "route", "Route 5",
                "creditDays", 30, "creditLimit", "200000")).exchange(), 200);
        assertThat(changedA).containsEntry("route", "Route 5").containsEntry("creditDays", 30).containsEntry("creditLimit", "200000.00")
                .containsEntry("version", 2).containsEntry("name", "Shree Mobiles");
        // with 30 credit days A's 20-day-old balance is no longer overdue
        assertThat(byCode(list(json("/api/v1/accounting/distribution/od-report", owner), "lines"), "RT-A01")).containsEntry("overdue", "0.00");
        problem(http.put().uri("/api/v1/accounting/retailers/" + aId).headers(h -> {
            h.setBearerAuth(owner);
            h.setIfMatch("W/\"1\"");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", "RT-A01")).exchange(), 412, "ETag");
        problem(http.put().uri("/api/v1/accounting/retailers/" + aId).headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", "RT-B02")).exchange(), 409, "RT-B02");

        // ---- bad files, roles and other shops ----
        // an old .xls (an OLE2 file) is neither a workbook this reads nor CSV text
        problem(upload(owner, "old.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}),
                400, "neither an .xlsx workbook nor UTF-8 CSV");
        problem(upload(owner, "notes.csv", "Retailer Code,IMEI\nR1,1".getBytes(StandardCharsets.UTF_8)), 400, "no Model column");
        problem(upload(owner, "no-imei.xlsx", workbook(List.<Object[]>of()).length > 0
                ? noImeiColumn() : new byte[0]), 400, "no IMEI/Serial column");
        problem(upload(auditor, "prm-imei.xlsx", first), 403, "role");
        problem(get("/api/v1/accounting/distribution/od-report", cashier), 403, "");
        problem(get("/api/v1/accounting/retailers", cashier), 403, "");
        problem(get("/api/v1/accounting/distribution/od-report?format=pdf", owner), 400, "format");
        problem(get("/api/v1/accounting/distribution/od-report?asAt=" + today.plusDays(1), owner), 400, "asAt");
        problem(get("/api/v1/accounting/distribution/activations?from=" + today + "&to=" + today + "&groupBy=year", owner), 400, "groupBy");
        problem(get("/api/v1/accounting/distribution/retailer-stock?retailer=RT-NONE", owner), 404, "RT-NONE");
        String elsewhere = token("shop-" + UUID.randomUUID(), "OWNER");
        problem(get("/api/v1/accounting/retailers/" + aId, elsewhere), 404, "retailer");
        problem(get("/api/v1/accounting/distribution/prm-imports/" + run1Id, elsewhere), 404, "PRM import");
        problem(get("/api/v1/accounting/distribution/prm-imports/" + run1Id + "/rejections", elsewhere), 404, "PRM import");
        problem(get("/api/v1/accounting/distribution/retailer-stock?retailer=" + aId, elsewhere), 404, "retailer");
        assertThat(list(json("/api/v1/accounting/distribution/od-report", elsewhere), "lines")).isEmpty();
        assertThat(json("/api/v1/accounting/distribution/prm-imports", owner).get("total")).isEqualTo(3);   // the refused files left no run
    }

    static byte[] noImeiColumn() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row h = book.createSheet("IMEI").createRow(0);
            h.createCell(0).setCellValue("Retailer Code");
            h.createCell(1).setCellValue("Model");
            Row r = book.getSheetAt(0).createRow(1);
            r.createCell(0).setCellValue("RT-A01");
            r.createCell(1).setCellValue("SM-A155");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
