package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.catalog.spreadsheet.ProductExports;
import dev.kirana.catalog.spreadsheet.Sheet;
import dev.kirana.catalog.spreadsheet.SheetReader;
import dev.kirana.events.EventTypes;
import io.cloudevents.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** A distributor's product list in Excel: imported, rejected rows downloadable, re-imported without change, exported and back. */
@CatalogServiceTest
class SpreadsheetImportTest {
    @Autowired
    WebTestClient http;

    private final String shop = "shop-" + UUID.randomUUID();

    private CatalogApi api() {
        return new CatalogApi(http, shop);
    }

    /** The distributor's sheet: their own headers, an ignored "Shelf" column, numbers typed as numbers. */
    static byte[] distributorWorkbook() throws Exception {
        Object[][] rows = {
                {"Item Code", "Product Name", "Category", "HSN", "GST %", "Price", "MRP", "Cost", "Barcode", "Perishable", "Reorder Level", "Shelf"},
                {"ATTA-5KG", "Aashirvaad Atta 5 kg", "Groceries > Staples", 1101, 5, 245, 260, 220, 8901725133771d, "yes", 10, "A1"},
                {"DAL-1KG", "Toor Dal 1 kg", "Groceries > Staples > Dals", 713, null, 150.5, 160, 130, null, "no", 5, "A2"},
                {"BAD-PRICE", "Sugar 1 kg", "Groceries", 1701, 5, "abc", 50, null, null, null, null, "B1"},
                {"ATTA-5KG", "Atta again", null, 1101, 5, 240, 260, null, null, null, null, null},
                {"MRP-LOW", "Marie biscuits", "Snacks", 1905, 5, 35, 30, null, null, null, null, null},
                {null, "No code", null, 1101, 5, 10, null, null, null, null, null, null},
                {"GST-99", "Odd thing", null, 1101, 55, 10, null, null, null, null, null, null},
                {"BC-DUP", "Other atta", null, 1101, 5, 10, 12, null, 8901725133771d, null, null, null},
        };
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Price list");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof String s) row.createCell(c).setCellValue(s);
                    else if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private WebTestClient.ResponseSpec upload(byte[] bytes, String fileName) {
        var parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.post().uri("/api/v1/products/imports").headers(h -> h.setBearerAuth(api().token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    private WebTestClient.ResponseSpec uploadBody(byte[] bytes, String contentType) {
        return http.post().uri("/api/v1/products/imports?fileName=prices.csv").headers(h -> h.setBearerAuth(api().token))
                .contentType(MediaType.parseMediaType(contentType)).bodyValue(bytes).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> report(WebTestClient.ResponseSpec spec) {
        return spec.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void validRowsAreUpsertedAndEachRejectedRowSaysWhy() throws Exception {
        byte[] workbook = distributorWorkbook();
        var first = report(upload(workbook, "distributor.xlsx"));
        assertThat(first).containsEntry("format", "XLSX").containsEntry("fileName", "distributor.xlsx")
                .containsEntry("rows", 8).containsEntry("created", 2).containsEntry("updated", 0).containsEntry("rejected", 6);
        assertThat((List<String>) first.get("ignoredColumns")).containsExactly("Shelf");
        var rejections = (List<Map<String, Object>>) first.get("rejections");
        assertThat(rejections).extracting(r -> r.get("row")).containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(rejections.get(0).toString()).contains("Price", "'abc' is not a number");
        assertThat(rejections.get(1).toString()).contains("SKU ATTA-5KG appears again (first in row 2)");
        assertThat(rejections.get(2).toString()).contains("Price", "above the MRP 30");
        assertThat(rejections.get(3).toString()).contains("Item Code", "required");
        assertThat(rejections.get(4).toString()).contains("GST %");
        assertThat(rejections.get(5).toString()).contains("Barcode", "already used by SKU ATTA-5KG");

        var atta = api().get("/api/v1/products?q=ATTA-5KG").expectBody(List.class).returnResult().getResponseBody();
        assertThat(atta).hasSize(1);
        var p = (Map<String, Object>) atta.get(0);
        assertThat(p).containsEntry("categoryPath", "Groceries > Staples").containsEntry("barcode", "8901725133771")
                .containsEntry("sellingPrice", "245.00").containsEntry("perishable", true).containsEntry("reorderLevel", "10.000")
                .containsEntry("version", 0);
        var dal = (Map<String, Object>) api().get("/api/v1/products?q=DAL-1KG").expectBody(List.class).returnResult().getResponseBody().get(0);
        assertThat(dal).containsEntry("hsn", "0713").containsEntry("gstRate", "5.00").containsEntry("categoryPath", "Groceries > Staples > Dals");
        // rejected rows changed nothing
        api().get("/api/v1/products?q=BAD-PRICE").expectBody().jsonPath("$.length()").isEqualTo(0);
        api().get("/api/v1/products?q=Snacks").expectBody().jsonPath("$.length()").isEqualTo(0);

        // the rejected rows as a file: the original cells plus what was wrong
        byte[] csv = api().get("/api/v1/products/imports/" + first.get("id") + "/rejections?format=csv").expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"rejected-rows-.*\\.csv\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        Sheet rejected = SheetReader.read(csv);
        assertThat(rejected.headers()).endsWith("Shelf", "errors");
        assertThat(rejected.rows()).hasSize(6);
        assertThat(rejected.rows().get(0).cells()).containsEntry("Item Code", "BAD-PRICE").containsEntry("Shelf", "B1")
                .containsEntry("errors", "Price: 'abc' is not a number");
        byte[] xlsx = api().get("/api/v1/products/imports/" + first.get("id") + "/rejections?format=xlsx").expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(SheetReader.read(xlsx).rows()).hasSize(6);
        api().get("/api/v1/products/imports/" + first.get("id")).expectStatus().isOk().expectBody().jsonPath("$.rejected").isEqualTo(6);

        // the same file again changes nothing
        var second = report(upload(workbook, "distributor.xlsx"));
        assertThat(second).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2).containsEntry("rejected", 6)
                .containsEntry("sha256", first.get("sha256"));
        api().get("/api/v1/products/" + p.get("id")).expectBody().jsonPath("$.version").isEqualTo(0);
        api().get("/api/v1/categories").expectBody().jsonPath("$.length()").isEqualTo(3);
    }

    @Test
    void aPriceListWithOnlySkuAndPriceUpdatesPricesAndPublishesTheChange() throws Exception {
        report(upload(distributorWorkbook(), "distributor.xlsx"));
        var updated = report(uploadBody("sku,selling_price\r\nATTA-5KG,\"₹239.00\"\r\nDAL-1KG,150.50\r\nNEW-ONE,10\r\n".getBytes(StandardCharsets.UTF_8), "text/csv"));
        assertThat(updated).containsEntry("format", "CSV").containsEntry("fileName", "prices.csv")
                .containsEntry("updated", 1).containsEntry("unchanged", 1).containsEntry("rejected", 1);
        assertThat(updated.get("rejections").toString()).contains("name", "must not be blank");
        var atta = (Map<String, Object>) api().get("/api/v1/products?q=ATTA-5KG").expectBody(List.class).returnResult().getResponseBody().get(0);
        assertThat(atta).containsEntry("sellingPrice", "239.00").containsEntry("mrp", "260.00").containsEntry("version", 1)
                .containsEntry("categoryPath", "Groceries > Staples");
        String id = (String) atta.get("id");
        api().get("/api/v1/products/" + id + "/price-history").expectBody().jsonPath("$[0].cause").value(c -> assertThat(c.toString()).startsWith("import:"));
        assertThat(CatalogApi.events(id, 3)).extracting(CloudEvent::getType)
                .containsExactly(EventTypes.PRODUCT_CREATED, EventTypes.PRODUCT_UPDATED, EventTypes.PRICE_CHANGED);
    }

    @Test
    void aRowWithAMistypedBarcodeCheckDigitIsRejectedInItsColumn() {
        // 890172513397? needs 9 (Gs1Test): the row with 1 is refused, the row with 9 imported
        var report = report(uploadBody(("sku,name,hsn,gst_rate,selling_price,barcode\r\n"
                + "GOOD-EAN,Good,1701,5,10.00,8901725133979\r\nBAD-EAN,Bad,1701,5,10.00,8901725133971\r\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv"));
        assertThat(report).containsEntry("created", 1).containsEntry("rejected", 1);
        assertThat(report.get("rejections").toString()).contains("row=3", "sku=BAD-EAN", "field=barcode",
                "890172513397? is 9, not 1");
    }

    @Test
    void anExportImportedAgainChangesNothing() throws Exception {
        report(upload(distributorWorkbook(), "distributor.xlsx"));
        api().post("/api/v1/products", CatalogApi.product("FORMULA-1", "name", "=cmd|' /C calc'!A0", "description", "Line one\nline, two"))
                .expectStatus().isCreated();
        byte[] csv = api().get("/api/v1/products/export?format=csv").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(byte[].class).returnResult().getResponseBody();
        Sheet exported = SheetReader.read(csv);
        assertThat(exported.headers()).isEqualTo(ProductExports.headers());
        assertThat(exported.rows()).hasSize(3);
        assertThat(exported.rows().get(0).cells()).containsEntry("name", "'=cmd|' /C calc'!A0");
        var again = report(uploadBody(csv, "text/csv"));
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 3).containsEntry("rejected", 0);

        byte[] xlsx = api().get("/api/v1/products/export?format=xlsx&active=true").expectStatus().isOk()
                .expectHeader().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        Sheet book = SheetReader.read(xlsx);
        assertThat(book.rows()).filteredOn(r -> "DAL-1KG".equals(r.cell("sku"))).singleElement().satisfies(r ->
                assertThat(r.cells()).containsEntry("hsn", "0713").containsEntry("selling_price", "150.5")
                        .containsEntry("category", "Groceries > Staples > Dals"));
        var fromXlsx = report(upload(xlsx, "export.xlsx"));
        assertThat(fromXlsx).containsEntry("unchanged", 3).containsEntry("created", 0).containsEntry("updated", 0);
    }

    @Test
    void whatCannotBeImportedIsAProblemAndImportsNothing() {
        upload("hello\nworld\n".getBytes(StandardCharsets.UTF_8), "notes.txt").expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("no SKU column"));
        upload(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "old.xls").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains(".xlsx or .csv"));
        uploadBody(new byte[5 * 1024 * 1024 + 1], "application/octet-stream").expectStatus().isEqualTo(413);
        http.post().uri("/api/v1/products/imports").headers(h -> h.setBearerAuth(
                        dev.kirana.testing.TestInfrastructure.get().jwt().token("u-c", shop, "CASHIER")))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("sku\nA\n".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isForbidden();
        api().get("/api/v1/products/export?format=pdf").expectStatus().isBadRequest();
        api().get("/api/v1/products").expectBody().jsonPath("$.length()").isEqualTo(0);
    }
}
