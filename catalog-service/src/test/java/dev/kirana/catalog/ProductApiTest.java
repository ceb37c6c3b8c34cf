package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@CatalogServiceTest
class ProductApiTest {
    @Autowired
    WebTestClient http;

    private final String shop = "shop-" + UUID.randomUUID();
    private final String owner = TestInfrastructure.get().jwt().token("u-owner", shop, "OWNER");

    private CatalogApi api() {
        return new CatalogApi(http, shop);
    }

    private WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
        return http.post().uri("/api/v1/products").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private Map<String, Object> atta(String sku) {
        return Map.of("sku", sku, "name", "Atta 5kg", "hsn", "1101", "gstRate", "5", "sellingPrice", "245.00",
                "mrp", "260.00", "taxInclusive", true, "unit", "pcs");
    }

    @Test
    void createdProductIsReadableAndPublishedAsASchemaValidEvent() {
        var created = create(owner, atta("ATTA-5")).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/products/[0-9a-f-]{36}")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(created.get("sellingPrice")).hasToString("245.00");
        assertThat(created.get("unit")).isEqualTo("PCS");

        http.get().uri("/api/v1/products/" + id).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.sku").isEqualTo("ATTA-5");
        http.get().uri("/api/v1/products?q=att").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(id);

        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.CATALOG)) {
            var records = probe.awaitUntil(rs -> rs.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
            var record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            var event = KiranaEvents.fromRecord(record);
            assertThat(event.getType()).isEqualTo(EventTypes.PRODUCT_CREATED);
            assertThat(KiranaEvents.shopId(event)).isEqualTo(shop);
            assertThat(new EventSchemaValidator().validate(event)).isEmpty();
        }
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndPublishesTheNewStateAndItsPriceChange() {
        var api = api();
        var created = api.create(CatalogApi.product("GHEE-1", "hsn", "0405", "gstRate", "5", "sellingPrice", "599.00",
                "mrp", "650.00", "costPrice", "520.00", "reorderLevel", "6", "perishable", true));
        String id = (String) created.get("id");
        var cheaper = CatalogApi.product("GHEE-1", "hsn", "0405", "gstRate", "5", "sellingPrice", "579.00",
                "mrp", "650.00", "costPrice", "520.00", "reorderLevel", "6", "perishable", true, "name", "Amul Ghee 1 L");

        api.put("/api/v1/products/" + id, null, cheaper).expectStatus().isEqualTo(428)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.put("/api/v1/products/" + id, "\"0\"", cheaper).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.sellingPrice").isEqualTo("579.00").jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.name").isEqualTo("Amul Ghee 1 L");
        // a second editor who read version 0 must not overwrite the first one's change
        api.put("/api/v1/products/" + id, "\"0\"", CatalogApi.product("GHEE-1", "hsn", "0405", "sellingPrice", "1.00"))
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("version 1"));
        // the same body again changes nothing: no new version, no event
        api.put("/api/v1/products/" + id, "\"1\"", cheaper).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");

        api.get("/api/v1/products/" + id + "/price-history").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].oldSellingPrice").isEqualTo("599.00").jsonPath("$[0].sellingPrice").isEqualTo("579.00")
                .jsonPath("$[0].changedBy").isEqualTo("u-owner").jsonPath("$[0].productVersion").isEqualTo(1)
                .jsonPath("$[1].oldSellingPrice").doesNotExist().jsonPath("$[1].sellingPrice").isEqualTo("599.00");

        List<CloudEvent> events = CatalogApi.events(id, 3);
        assertThat(events).extracting(CloudEvent::getType)
                .containsExactly(EventTypes.PRODUCT_CREATED, EventTypes.PRODUCT_UPDATED, EventTypes.PRICE_CHANGED);
        var state = KiranaEvents.data(events.get(1), CatalogEvents.ProductChanged.class);
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.sellingPrice()).isEqualByComparingTo("579");
        assertThat(state.reorderLevel()).isEqualByComparingTo("6");
        assertThat(state.perishable()).isTrue();
        var price = KiranaEvents.data(events.get(2), CatalogEvents.PriceChanged.class);
        assertThat(price.oldSellingPrice()).isEqualByComparingTo("599");
        assertThat(price.sellingPrice()).isEqualByComparingTo("579");
        assertThat(price.changedBy()).isEqualTo("u-owner");
    }

    @Test
    void archivingPublishesProductArchivedAndUnarchivingBringsItBack() {
        var api = api();
        String id = (String) api.create(CatalogApi.product("OLD-1")).get("id");
        api.post("/api/v1/products/" + id + "/archive", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.archivedAt").exists().jsonPath("$.version").isEqualTo(1);
        api.get("/api/v1/products?active=true&q=OLD-1").expectBody().jsonPath("$.length()").isEqualTo(0);
        api.get("/api/v1/products?active=false&q=OLD-1").expectBody().jsonPath("$[0].id").isEqualTo(id);
        http.post().uri("/api/v1/products/" + id + "/unarchive").headers(h -> { h.setBearerAuth(owner); h.setIfMatch("\"0\""); })
                .exchange().expectStatus().isEqualTo(412);
        api.post("/api/v1/products/" + id + "/unarchive", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true).jsonPath("$.archivedAt").doesNotExist();

        var types = CatalogApi.events(id, 4).stream().map(CloudEvent::getType).toList();
        assertThat(types).containsExactly(EventTypes.PRODUCT_CREATED, EventTypes.PRODUCT_UPDATED, EventTypes.PRODUCT_ARCHIVED,
                EventTypes.PRODUCT_UPDATED);
    }

    @Test
    void duplicateSkuIsAConflictProblem() {
        create(owner, atta("DUP-1")).expectStatus().isCreated();
        create(owner, atta("DUP-1")).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("SKU"));
        var api = api();
        api.create(CatalogApi.product("BC-1", "barcode", "8901000000019"));
        api.post("/api/v1/products", CatalogApi.product("BC-2", "barcode", "8901000000019")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Barcode 8901000000019 is already used by SKU BC-1");
    }

    @Test
    void invalidFieldsAreListed() {
        create(owner, Map.of("sku", "", "name", "x", "gstRate", "55", "sellingPrice", "-1"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/validation")
                .jsonPath("$.errors[?(@.field=='sku')]").exists()
                .jsonPath("$.errors[?(@.field=='gstRate')]").exists()
                .jsonPath("$.errors[?(@.field=='sellingPrice')]").exists();
        http.post().uri("/api/v1/products").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"sku\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // above the MRP once GST is added, and no rate where the schedule has none
        var api = api();
        api.post("/api/v1/products", CatalogApi.product("MRP-1", "taxInclusive", false, "sellingPrice", "250.00", "mrp", "260.00"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sellingPrice")
                .jsonPath("$.errors[0].message").isEqualTo("selling price 250.00 plus 5% GST is 262.50, above the MRP 260.00");
        api.post("/api/v1/products", CatalogApi.product("NORATE-1", "hsn", "73239990", "gstRate", null))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("gstRate");
        api.post("/api/v1/products", CatalogApi.product("NOCAT-1", "categoryId", UUID.randomUUID().toString()))
                .expectStatus().isNotFound();
        api.get("/api/v1/products?q=MRP-1").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void searchFindsPrefixesOfNamesWordsSkusAndBarcodesInStablePages() {
        var api = api();
        api.create(CatalogApi.product("TEA-250", "name", "Tata Tea Gold 250 g", "hsn", "0902", "barcode", "8901052004522"));
        api.create(CatalogApi.product("TEA-500", "name", "Tata Tea Gold 500 g", "hsn", "0902"));
        api.create(CatalogApi.product("SOAP-1", "name", "Lux Soap", "hsn", "3401", "gstRate", null, "sellingPrice", "40", "mrp", "45"));
        api.get("/api/v1/products?q=gold").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "2")
                .expectBody().jsonPath("$[*].sku").value(s -> assertThat((List<Object>) s).containsExactly("TEA-250", "TEA-500"));
        api.get("/api/v1/products?q=soap-").expectBody().jsonPath("$[0].sku").isEqualTo("SOAP-1")
                // the schedule gave the soap its rate: 5% since 22-09-2025
                .jsonPath("$[0].gstRate").isEqualTo("5.00");
        api.get("/api/v1/products?q=890105").expectBody().jsonPath("$[0].sku").isEqualTo("TEA-250");
        api.get("/api/v1/products?q=%25").expectBody().jsonPath("$.length()").isEqualTo(0);
        api.get("/api/v1/products?page=0&size=2").expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody().jsonPath("$[*].sku").value(s -> assertThat((List<Object>) s).containsExactly("SOAP-1", "TEA-250"));
        api.get("/api/v1/products?page=1&size=2").expectBody().jsonPath("$[*].sku").value(s -> assertThat((List<Object>) s).containsExactly("TEA-500"));
        api.get("/api/v1/products?size=501").expectStatus().isBadRequest();
    }

    @Test
    void rolesAndShopsAreEnforced() {
        String cashier = TestInfrastructure.get().jwt().token("u-cashier", shop, "CASHIER");
        create(cashier, atta("C-1")).expectStatus().isForbidden();
        String auditor = TestInfrastructure.get().jwt().token("u-aud", shop, "AUDITOR");
        create(auditor, atta("A-1")).expectStatus().isForbidden();
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON).bodyValue(atta("N-1")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        var created = create(owner, atta("MINE-1")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String other = TestInfrastructure.get().jwt().token("u-other", "shop-other-" + UUID.randomUUID(), "OWNER");
        http.get().uri("/api/v1/products/" + created.get("id")).headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
        http.put().uri("/api/v1/products/" + created.get("id")).headers(h -> { h.setBearerAuth(other); h.setIfMatch("\"0\""); })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(atta("MINE-1")).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/products/" + created.get("id") + "/archive").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isForbidden();
        // an auditor reads
        http.get().uri("/api/v1/products/" + created.get("id")).headers(h -> h.setBearerAuth(auditor)).exchange().expectStatus().isOk();
    }

    @Test
    void theNulCharacterIsRefusedInABodyAndInAQueryAndNothingIsWritten() {
        Map<String, Object> body = new java.util.HashMap<>(atta("NUL-1"));
        body.put("name", "Atta\u00005kg");
        create(owner, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("must not contain the NUL character (U+0000)");
        http.get().uri(b -> b.path("/api/v1/products").queryParam("q", "{q}").build("at\u0000ta"))
                .headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("query parameter q"));
        // nothing was written: the SKU is still free
        create(owner, atta("NUL-1")).expectStatus().isCreated().expectBody().consumeWith(b -> { });
    }

    @Test
    void otherControlCharactersAreRefusedButTabsAndLineBreaksAreText() {
        // a name of control characters only is not blank to @NotBlank, yet trim() makes it empty
        Map<String, Object> body = new java.util.HashMap<>(atta("CTL-1"));
        body.put("name", "\u0001\u0007");
        create(owner, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("must not contain control characters"));
        http.get().uri(b -> b.path("/api/v1/products").queryParam("q", "{q}").build("at\u001bta"))
                .headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("query parameter q"));
        // tab and line feed are ordinary text in a description
        Map<String, Object> multiLine = new java.util.HashMap<>(atta("CTL-1"));
        multiLine.put("description", "Chakki atta\n10 kg\tbag");
        create(owner, multiLine).expectStatus().isCreated().expectBody().consumeWith(b -> { });
    }
}
