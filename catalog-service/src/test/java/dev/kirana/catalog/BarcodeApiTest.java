package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.kirana.testing.TestInfrastructure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Barcodes through the API: numbering products, the GS1 check on what people type, images that scan, label sheets. */
@CatalogServiceTest
class BarcodeApiTest {
    @Autowired
    WebTestClient http;

    private final String shop = "shop-" + UUID.randomUUID();
    private final String owner = TestInfrastructure.get().jwt().token("u-owner", shop, "OWNER");
    private final String cashier = TestInfrastructure.get().jwt().token("u-cashier", shop, "CASHIER");

    private WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private String product(String sku, String name, String price, String mrp, String barcode) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("sku", sku, "name", name, "hsn", "1701", "gstRate", "5",
                "sellingPrice", price, "mrp", mrp, "taxInclusive", true, "unit", "PCS"));
        if (barcode != null) body.put("barcode", barcode);
        return (String) post(owner, "/api/v1/products", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    @Test
    void productsWithoutABarcodeGetTheShopsNextInStoreEan13() {
        String sugar = product("SUGAR-1KG", "Sugar 1 kg", "48.00", "50.00", null);
        String salt = product("SALT-1KG", "Tata salt 1 kg", "28.00", "28.00", null);
        product("ATTA-5KG", "Atta 5 kg", "265.00", "280.00", "8901725133979");

        // by SKU: SALT before SUGAR; 200000000001? → 5 and 200000000002? → 2 (Gs1Test has the sums)
        post(owner, "/api/v1/products/barcodes", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].productId").isEqualTo(salt).jsonPath("$[0].barcode").isEqualTo("2000000000015")
                .jsonPath("$[0].symbology").isEqualTo("EAN_13")
                .jsonPath("$[1].productId").isEqualTo(sugar).jsonPath("$[1].barcode").isEqualTo("2000000000022");
        get(owner, "/api/v1/products/" + sugar).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.barcode").isEqualTo("2000000000022");
        // nothing left to number; a product that has one is a 409 and changes nothing
        post(owner, "/api/v1/products/barcodes", Map.of()).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        String tea = product("TEA-250G", "Tea 250 g", "120.00", "125.00", null);
        post(owner, "/api/v1/products/barcodes", Map.of("productIds", List.of(tea, sugar))).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Product SUGAR-1KG already has the barcode 2000000000022");
        get(owner, "/api/v1/products/" + tea).expectStatus().isOk().expectBody().jsonPath("$.barcode").doesNotExist();
        // the series goes on from 2, skipping a code someone typed in by hand (200000000003? → 3·3 + 2 = 11 → 9)
        product("JAGGERY", "Jaggery 1 kg", "90.00", "95.00", "2000000000039");
        post(owner, "/api/v1/products/barcodes", Map.of("productIds", List.of(tea))).expectStatus().isOk().expectBody()
                .jsonPath("$[0].barcode").isEqualTo("2000000000046");   // 200000000004?: 4·3 + 2 = 14 → 6

        // a cashier prints labels but does not number products
        post(cashier, "/api/v1/products/barcodes", Map.of()).expectStatus().isForbidden();
    }

    @Test
    void aMistypedCheckDigitIsRefusedAndNothingIsWritten() {
        post(owner, "/api/v1/products", Map.of("sku", "BAD-EAN", "name", "Bad", "hsn", "1701", "gstRate", "5",
                "sellingPrice", "10.00", "barcode", "8901725133971"))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("barcode")
                .jsonPath("$.errors[0].message").isEqualTo("the GS1 check digit of a 13-digit barcode 890172513397? is 9, not 1 (a mistyped digit?)");
        get(owner, "/api/v1/products?q=BAD-EAN").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        // an internal code carries no check digit
        product("LOOSE-DAL", "Toor dal loose", "140.00", "150.00", "DAL-LOOSE-1");
    }

    @Test
    void theImageScansBackToTheCode() throws Exception {
        String atta = product("ATTA-10KG", "Atta 10 kg", "455.00", "480.00", "8901725133979");
        String dal = product("DAL-1", "Dal", "140.00", "150.00", "DAL-LOOSE-1");
        assertThat(decode(get(cashier, "/api/v1/products/" + atta + "/barcode.png"))).satisfies(r -> {
            assertThat(r.getText()).isEqualTo("8901725133979");
            assertThat(r.getBarcodeFormat()).isEqualTo(com.google.zxing.BarcodeFormat.EAN_13);
        });
        assertThat(decode(get(cashier, "/api/v1/products/" + atta + "/barcode.png?symbology=code128")).getBarcodeFormat())
                .isEqualTo(com.google.zxing.BarcodeFormat.CODE_128);
        assertThat(decode(get(cashier, "/api/v1/products/" + dal + "/barcode.png")).getText()).isEqualTo("DAL-LOOSE-1");
        get(cashier, "/api/v1/products/" + atta + "/barcode.png?symbology=qr").expectStatus().isBadRequest();
        String plain = product("PLAIN", "Plain", "1.00", "1.00", null);
        get(cashier, "/api/v1/products/" + plain + "/barcode.png").expectStatus().isNotFound();
        // another shop's product is not there
        String other = TestInfrastructure.get().jwt().token("u-other", "shop-" + UUID.randomUUID(), "OWNER");
        get(other, "/api/v1/products/" + atta + "/barcode.png").expectStatus().isNotFound();
    }

    @Test
    void aLabelSheetHasEachCopyWithNamePriceMrpAndCode() throws Exception {
        String sugar = product("SUGAR-L", "Sugar 1 kg", "48.00", "50.00", "2000000000015");
        byte[] pdf = post(cashier, "/api/v1/products/labels", Map.of("labels", List.of(Map.of("productId", sugar, "copies", 25))))
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(2);   // 24 to a sheet
        assertThat(new PdfTextExtractor(reader).getTextFromPage(2)).contains("Sugar 1 kg").contains("Rs. 48.00    MRP Rs. 50.00")
                .contains("2000000000015");

        String plain = product("PLAIN-L", "Plain", "1.00", "1.00", null);
        post(cashier, "/api/v1/products/labels", Map.of("labels", List.of(Map.of("productId", plain))))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail")
                .isEqualTo("These products have no barcode: PLAIN-L (POST /api/v1/products/barcodes gives them one)");
        post(cashier, "/api/v1/products/labels", Map.of("labels", List.of(Map.of("productId", sugar, "copies", 2401))))
                .expectStatus().isBadRequest();
        post(cashier, "/api/v1/products/labels", Map.of("labels", List.of())).expectStatus().isBadRequest();
    }

    private static Result decode(WebTestClient.ResponseSpec response) throws Exception {
        byte[] png = response.expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
    }
}
