package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@KiranaServiceTest
class ProductApiTest {
    @Autowired
    WebTestClient http;

    private final String shop = "shop-" + UUID.randomUUID();
    private final String owner = TestInfrastructure.get().jwt().token("u-owner", shop, "OWNER");

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
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(created.get("sellingPrice")).hasToString("245.00");
        assertThat(created.get("unit")).isEqualTo("PCS");

        http.get().uri("/api/v1/products/" + id).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.sku").isEqualTo("ATTA-5");
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
    void duplicateSkuIsAConflictProblem() {
        create(owner, atta("DUP-1")).expectStatus().isCreated();
        create(owner, atta("DUP-1")).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("SKU"));
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
    }
}
