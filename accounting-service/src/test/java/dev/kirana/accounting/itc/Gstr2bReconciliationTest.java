package dev.kirana.accounting.itc;

import static dev.kirana.accounting.BooksTestSupport.newShop;
import static dev.kirana.accounting.BooksTestSupport.ok;
import static dev.kirana.accounting.BooksTestSupport.owner;
import static dev.kirana.accounting.BooksTestSupport.post;
import static dev.kirana.accounting.BooksTestSupport.problem;
import static dev.kirana.accounting.BooksTestSupport.publish;
import static dev.kirana.accounting.BooksTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Purchases recorded through the API, the GSTR-2B fixture imported, and the reconciliation read back field by field:
 * a matched bill, a number written differently, a bill with another taxable value, a bill missing from 2B, a 2B invoice
 * not in the books, another number with the same amounts, and a supplier's credit note against a return.
 */
@KiranaServiceTest
class Gstr2bReconciliationTest {
    static final String SHOP_GSTIN = "27AAPFU0939F1ZV";
    static final String SHARMA_GSTIN = "27AABCS1429B1ZU";
    static final String BANGALORE_GSTIN = "29AAGCB7383J1Z4";
    static final String URI = "/api/v1/accounting/gst/2b";

    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;

    static byte[] fixture() throws IOException {
        try (InputStream in = Gstr2bReconciliationTest.class.getResourceAsStream("/gst/gstr2b-2026-11.json")) {
            return in.readAllBytes();
        }
    }

    /** A shop in Maharashtra with the README's GSTIN (or none), as auth-service announces it; waits until the books know it. */
    String shop(String gstin) {
        String shop = newShop();
        publish(Topics.SHOP, shop, shop, EventTypes.SHOP_CREATED, new ShopEvents.ShopCreated(shop, "Sri Lakshmi Stores", "27", gstin, "INR",
                gstin == null ? "UNREGISTERED" : "REGULAR", "u-owner"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT state_code FROM shop_states WHERE shop_id = :s"
                        + (gstin == null ? "" : " AND gstin IS NOT NULL")).bind("s", shop)
                .map(r -> r.get("state_code", String.class)).one().blockOptional().isPresent());
        return shop;
    }

    String supplier(String shop, String name, String gstin) {
        return (String) ok(post(http, "/api/v1/accounting/parties", owner(shop), Map.of("kind", "SUPPLIER", "name", name, "gstin", gstin)), 201)
                .get("id");
    }

    Map<String, Object> bill(String shop, String supplier, String number, String date, String qty, String cost, String rate) {
        return ok(post(http, "/api/v1/accounting/purchase-bills", owner(shop), Map.of("supplierId", supplier, "billNumber", number,
                "billDate", date, "lines", List.of(Map.of("productId", "p-" + number, "quantity", qty, "unitCost", cost, "gstRate", rate)))), 201);
    }

    WebTestClient.ResponseSpec upload(String shop, String role, byte[] file) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "112026_27AAPFU0939F1ZV_GSTR2B.json";
            }
        }).contentType(MediaType.APPLICATION_JSON);
        return http.post().uri(URI).headers(h -> h.setBearerAuth(token(shop, role))).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    WebTestClient.ResponseSpec body(String shop, String json) {
        return http.post().uri(URI).headers(h -> h.setBearerAuth(owner(shop))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    WebTestClient.ResponseSpec get(String shop, String role, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token(shop, role))).exchange();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> line(Map<String, Object> rec, String status, String number) {
        return ((List<Map<String, Object>>) rec.get("lines")).stream()
                .filter(l -> status.equals(l.get("status")) && number.equals(number(l)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + status + " line " + number + " in " + rec.get("lines")));
    }

    @SuppressWarnings("unchecked")
    static String number(Map<String, Object> l) {
        Map<String, Object> side = (Map<String, Object>) (l.get("books") != null ? l.get("books") : l.get("twoB"));
        return (String) side.get("number");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> side(Map<String, Object> l, String which) {
        return (Map<String, Object>) l.get(which);
    }

    /** The November purchases the fixture is the supplier's side of; the debit note's number. */
    String novemberPurchases(String shop) {
        String sharma = supplier(shop, "Sharma Traders", SHARMA_GSTIN);
        String bangalore = supplier(shop, "Bangalore Tea Co", BANGALORE_GSTIN);
        // 10 x 100.00 at 5 % within Maharashtra: 1,000.00, CGST 25.00, SGST 25.00
        Map<String, Object> a = bill(shop, sharma, "ST/0412", "2026-11-03", "10", "100.00", "5");
        // 20 x 50.00 at 18 %: 1,000.00, CGST 90.00, SGST 90.00 (the supplier reported 1,100.00 / 99.00 / 99.00)
        bill(shop, sharma, "ST/0419", "2026-11-10", "20", "50.00", "18");
        // 5 x 200.00 at 5 %: 1,000.00, CGST 25.00, SGST 25.00 (not in the supplier's return)
        bill(shop, sharma, "ST/0425", "2026-11-20", "5", "200.00", "5");
        // from Karnataka: 4 x 250.00 at 18 % = 1,000.00, IGST 180.00, its number written "BT-0007" by the supplier
        bill(shop, bangalore, "bt/0007", "2026-11-07", "4", "250.00", "18");
        // 5 x 100.00 at 18 % = 500.00, IGST 90.00; the supplier reported it as KT/181
        bill(shop, bangalore, "KT/118", "2026-11-25", "5", "100.00", "18");
        // 2 of ST/0412's 10 back on 12-11: 2 x 100.00 = 200.00, CGST 5.00, SGST 5.00 (the supplier's credit note CN/88)
        Map<String, Object> dn = ok(post(http, "/api/v1/accounting/purchase-bills/" + a.get("id") + "/returns", owner(shop),
                Map.of("date", "2026-11-12", "lines", List.of(Map.of("lineNo", 1, "quantity", "2")))), 201);
        // an October bill the statement does not name, and a December one: neither is November's
        bill(shop, sharma, "ST/0398", "2026-10-28", "4", "100.00", "5");
        bill(shop, sharma, "ST/0440", "2026-12-01", "4", "100.00", "5");
        return (String) dn.get("debitNoteNumber");
    }

    @Test
    @SuppressWarnings("unchecked")
    void novembersPurchasesAgainstNovembersGstr2b() throws IOException {
        String shop = shop(SHOP_GSTIN);
        String debitNote = novemberPurchases(shop);

        Map<String, Object> imported = ok(upload(shop, "OWNER", fixture()), 201);
        assertThat(imported).containsEntry("outcome", "CREATED");
        Map<String, Object> statement = (Map<String, Object>) imported.get("statement");
        assertThat(statement).containsEntry("period", "2026-11").containsEntry("gstin", SHOP_GSTIN).containsEntry("generatedOn", "2026-12-14")
                .containsEntry("version", "1.0").containsEntry("documents", 6).containsEntry("importedBy", "u-owner");

        Map<String, Object> rec = ok(get(shop, "OWNER", URI + "/2026-11/reconciliation"), 200);
        assertThat(rec).containsEntry("period", "2026-11").containsEntry("gstin", SHOP_GSTIN).containsEntry("tolerance", "1.00")
                .containsEntry("importId", statement.get("id"));
        assertThat((Map<String, Object>) rec.get("counts")).containsExactlyInAnyOrderEntriesOf(
                Map.of("MATCHED", 2, "MISMATCHED", 1, "PROBABLE", 2, "IN_BOOKS_ONLY", 1, "IN_2B_ONLY", 1));
        assertThat((List<Map<String, Object>>) rec.get("lines")).extracting(Gstr2bReconciliationTest::number)
                .containsExactly("ST/0412", "bt/0007", "ST/0419", debitNote, "KT/118", "ST/0425", "BT-2211");

        Map<String, Object> matched = line(rec, "MATCHED", "ST/0412");
        assertThat(matched).containsEntry("documentType", "INVOICE").containsEntry("supplierGstin", SHARMA_GSTIN)
                .containsEntry("supplierName", "SHARMA TRADERS").containsEntry("differences", List.of());
        assertThat(side(matched, "books")).containsEntry("date", "2026-11-03").containsEntry("taxableValue", "1000.00")
                .containsEntry("cgst", "25.00").containsEntry("sgst", "25.00").containsEntry("igst", "0.00").containsEntry("cess", "0.00");
        assertThat(side(matched, "twoB")).containsEntry("number", "ST/0412").containsEntry("date", "2026-11-03").containsEntry("value", "1050.00")
                .containsEntry("taxableValue", "1000.00").containsEntry("cgst", "25.00").containsEntry("sgst", "25.00")
                .containsEntry("itcAvailable", "Y").containsEntry("reverseCharge", false).containsEntry("placeOfSupply", "27")
                .containsEntry("supplierPeriod", "112026").containsEntry("supplierFiled", "2026-12-11");

        // "bt/0007" in the books, "BT-0007" in 2B: one number
        Map<String, Object> rewritten = line(rec, "MATCHED", "bt/0007");
        assertThat(side(rewritten, "twoB")).containsEntry("number", "BT-0007").containsEntry("igst", "180.00");
        assertThat(side(rewritten, "books")).containsEntry("igst", "180.00").containsEntry("taxableValue", "1000.00");
        assertThat(rewritten).containsEntry("supplierGstin", BANGALORE_GSTIN).containsEntry("differences", List.of());

        // 1,000.00 / 90.00 / 90.00 in the books, 1,100.00 / 99.00 / 99.00 in 2B
        Map<String, Object> mismatched = line(rec, "MISMATCHED", "ST/0419");
        assertThat(mismatched.get("differences")).isEqualTo(List.of(
                Map.of("field", "taxableValue", "books", "1000.00", "twoB", "1100.00"),
                Map.of("field", "cgst", "books", "90.00", "twoB", "99.00"),
                Map.of("field", "sgst", "books", "90.00", "twoB", "99.00")));

        Map<String, Object> note = line(rec, "PROBABLE", debitNote);
        assertThat(note).containsEntry("documentType", "CREDIT_NOTE").containsEntry("supplierGstin", SHARMA_GSTIN)
                .containsEntry("differences", List.of(Map.of("field", "number", "books", debitNote, "twoB", "CN/88")));
        assertThat(side(note, "books")).containsEntry("date", "2026-11-12").containsEntry("taxableValue", "200.00").containsEntry("cgst", "5.00");
        Map<String, Object> probable = line(rec, "PROBABLE", "KT/118");
        assertThat(probable.get("differences")).isEqualTo(List.of(Map.of("field", "number", "books", "KT/118", "twoB", "KT/181")));

        Map<String, Object> booksOnly = line(rec, "IN_BOOKS_ONLY", "ST/0425");
        assertThat(booksOnly.get("twoB")).isNull();
        assertThat(side(booksOnly, "books")).containsEntry("date", "2026-11-20").containsEntry("cgst", "25.00");
        assertThat(booksOnly).containsEntry("supplierName", "Sharma Traders");

        Map<String, Object> twoBOnly = line(rec, "IN_2B_ONLY", "BT-2211");
        assertThat(twoBOnly.get("books")).isNull();
        // two rate lines: 1,500.00 + 500.00 = 2,000.00 taxable; IGST 270.00 + 90.00 = 360.00
        assertThat(side(twoBOnly, "twoB")).containsEntry("taxableValue", "2000.00").containsEntry("igst", "360.00").containsEntry("value", "2360.00");

        Map<String, Object> itc = (Map<String, Object>) rec.get("itc");
        // 2B available: 1,000 + 1,100 + 1,000 + 2,000 + 500 - 200 = 5,400.00 taxable; IGST 180 + 360 + 90 = 630.00;
        // CGST 25 + 99 - 5 = 119.00; SGST the same
        assertThat((Map<String, Object>) itc.get("available")).containsEntry("taxableValue", "5400.00").containsEntry("igst", "630.00")
                .containsEntry("cgst", "119.00").containsEntry("sgst", "119.00").containsEntry("cess", "0.00");
        assertThat((Map<String, Object>) itc.get("notAvailable")).containsEntry("taxableValue", "0.00");
        assertThat((Map<String, Object>) itc.get("reverseCharge")).containsEntry("igst", "0.00");
        // books, November only: 1,000 x 4 + 500 - 200 = 4,300.00; IGST 180 + 90 = 270.00; CGST 25 + 90 + 25 - 5 = 135.00; SGST the same
        assertThat((Map<String, Object>) itc.get("books")).containsEntry("taxableValue", "4300.00").containsEntry("igst", "270.00")
                .containsEntry("cgst", "135.00").containsEntry("sgst", "135.00");
        // books less available: 4,300 - 5,400 = -1,100.00; IGST 270 - 630 = -360.00; CGST 135 - 119 = 16.00; SGST 16.00
        assertThat((Map<String, Object>) itc.get("difference")).containsEntry("taxableValue", "-1100.00").containsEntry("igst", "-360.00")
                .containsEntry("cgst", "16.00").containsEntry("sgst", "16.00");

        // at a tolerance of 100 rupees ST/0419 agrees: 100.00 taxable and 9.00 per head apart, each within 100
        Map<String, Object> wide = ok(get(shop, "OWNER", URI + "/2026-11/reconciliation?tolerance=100"), 200);
        assertThat((Map<String, Object>) wide.get("counts")).containsEntry("MATCHED", 3).containsEntry("MISMATCHED", 0);
        assertThat(wide).containsEntry("tolerance", "100.00");
        // at 99.99 it does not
        assertThat((Map<String, Object>) ok(get(shop, "OWNER", URI + "/2026-11/reconciliation?tolerance=99.99"), 200).get("counts"))
                .containsEntry("MISMATCHED", 1);

        // an auditor reads it too, as a spreadsheet
        byte[] xlsx = get(shop, "AUDITOR", URI + "/2026-11/reconciliation?format=xlsx").expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Status");
            // 7 lines below the header row (row 4), then the 5 ITC rows
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("MATCHED");
            assertThat(sheet.getRow(4).getCell(6).getNumericCellValue()).isEqualTo(1000.0);
            assertThat(sheet.getRow(6).getCell(18).getStringCellValue()).isEqualTo("taxableValue: 1000.00 / 1100.00; cgst: 90.00 / 99.00; sgst: 90.00 / 99.00");
            assertThat(sheet.getRow(11).getCell(0).getStringCellValue()).isEqualTo("ITC available in 2B");
            assertThat(sheet.getRow(11).getCell(13).getNumericCellValue()).isEqualTo(630.0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameFileChangesNothingAnotherReplacesItAndABadOneStoresNothing() throws IOException {
        String shop = shop(SHOP_GSTIN);
        String first = (String) ((Map<String, Object>) ok(upload(shop, "MANAGER", fixture()), 201).get("statement")).get("id");

        // the same file again, as the JSON body this time: nothing changes
        Map<String, Object> again = ok(body(shop, new String(fixture(), StandardCharsets.UTF_8)), 200);
        assertThat(again).containsEntry("outcome", "UNCHANGED");
        assertThat((Map<String, Object>) again.get("statement")).containsEntry("id", first);
        assertThat(documents(first)).isEqualTo(6L);

        // a malformed file, one of another GSTIN, a file without a date: 400 / 422, nothing stored or replaced
        problem(body(shop, "{\"data\": {\"gstin\": "), 400, "not JSON");
        problem(body(shop, new String(fixture(), StandardCharsets.UTF_8).replace("\"10-11-2026\"", "\"31-02-2026\"")),
                400, "/data/docdata/b2b/0/inv/1/dt");
        problem(body(shop, new String(fixture(), StandardCharsets.UTF_8).replace("\"gstin\": \"27AAPFU0939F1ZV\"", "\"gstin\": \"27AABCS1429B1ZU\"")),
                422, "27AABCS1429B1ZU");
        problem(upload(shop, "OWNER", "not json at all".getBytes(StandardCharsets.UTF_8)), 400, "gstr2b-invalid");
        List<Map<String, Object>> list = get(shop, "AUDITOR", URI).expectStatus().isOk().expectBodyList(Map.class).returnResult()
                .getResponseBody().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(list).singleElement().satisfies(i -> assertThat(i).containsEntry("id", first).containsEntry("documents", 6));

        // a revised statement of the same period replaces the first and its documents
        Map<String, Object> replaced = ok(body(shop, new String(fixture(), StandardCharsets.UTF_8).replace("\"BT-2211\"", "\"BT-2299\"")), 200);
        assertThat(replaced).containsEntry("outcome", "REPLACED");
        String second = (String) ((Map<String, Object>) replaced.get("statement")).get("id");
        assertThat(second).isNotEqualTo(first);
        assertThat(documents(first)).isZero();
        assertThat(documents(second)).isEqualTo(6L);
        Map<String, Object> rec = ok(get(shop, "OWNER", URI + "/2026-11/reconciliation"), 200);
        // no purchases in this shop: all six documents are the suppliers' alone
        assertThat((Map<String, Object>) rec.get("counts")).containsEntry("IN_2B_ONLY", 6).containsEntry("MATCHED", 0);
        assertThat(line(rec, "IN_2B_ONLY", "BT-2299")).isNotNull();
    }

    long documents(String importId) {
        return db.sql("SELECT count(*) AS n FROM itc_2b_documents WHERE import_id = :id::uuid").bind("id", importId)
                .map(r -> r.get("n", Long.class)).one().block();
    }

    @Test
    void whoMayImportAndReadAndWhatIsAskedWrongly() throws IOException {
        String shop = shop(SHOP_GSTIN);
        problem(upload(shop, "CASHIER", fixture()), 403, "forbidden");
        problem(upload(shop, "AUDITOR", fixture()), 403, "forbidden");
        problem(get(shop, "CASHIER", URI), 403, "forbidden");
        problem(get(shop, "OWNER", URI + "/2026-11/reconciliation"), 404, "2026-11");
        ok(upload(shop, "OWNER", fixture()), 201);
        // another shop sees nothing of it
        String other = shop(SHOP_GSTIN);
        problem(get(other, "OWNER", URI + "/2026-11/reconciliation"), 404, "No GSTR-2B");
        get(other, "OWNER", URI).expectStatus().isOk().expectBody().json("[]");
        // a wrong period, tolerance or format
        problem(get(shop, "OWNER", URI + "/2026-13/reconciliation"), 400, "period");
        problem(get(shop, "OWNER", URI + "/112026/reconciliation"), 400, "period");
        problem(get(shop, "OWNER", URI + "/2026-11/reconciliation?tolerance=-1"), 400, "tolerance");
        problem(get(shop, "OWNER", URI + "/2026-11/reconciliation?tolerance=1e3"), 400, "tolerance");
        problem(get(shop, "OWNER", URI + "/2026-11/reconciliation?tolerance=1000.01"), 400, "tolerance");
        problem(get(shop, "OWNER", URI + "/2026-11/reconciliation?format=pdf"), 400, "format");
        // a shop whose GSTIN the books do not know cannot import one
        String unregistered = shop(null);
        problem(upload(unregistered, "OWNER", fixture()), 422, "shop-gstin-unknown");
    }
}
