package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.testing.ReadOperations;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TestJwtIssuer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every read of catalog-service, walked from its own OpenAPI document (a new one is covered without naming it),
 * against the README's roles-and-scopes matrix: everyone in the shop reads products, categories and tax rates (a
 * cashier without costPrice); price history, imports and the export are the back office's; a partner's client needs
 * catalog:read, and one with orders:read only reads nothing here.
 */
@CatalogServiceTest
class ReadAccessTest {
    static final String SCOPE = "catalog:read";
    /** The back office's reads; every other read is the counter's too. */
    static final Set<String> BACK_OFFICE = Set.of(
            "/api/v1/products/{id}/price-history",
            "/api/v1/products/imports/{id}",
            "/api/v1/products/imports/{id}/rejections",
            "/api/v1/products/export");

    @Autowired
    WebTestClient http;

    @Test
    void everyReadStatesWhoMayCallItAndTheServiceEnforcesIt() {
        CatalogApi api = new CatalogApi(http, "shop-" + UUID.randomUUID());
        Map<String, Object> product = api.create(CatalogApi.product("ATTA-5", "costPrice", "200.00"));
        TestJwtIssuer jwt = TestInfrastructure.get().jwt();
        Map<String, String> callers = ReadOperations.callers(jwt, api.shop, api.token, SCOPE,
                "shop:read", "catalog:write", "inventory:read", "orders:read", "accounting:read", "reports:read");
        Map<String, String> values = Map.of("id", String.valueOf(product.get("id")));

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/");
        assertThat(reads).as("the catalog's reads in the document").hasSizeGreaterThanOrEqualTo(10);
        List<String> failures = ReadOperations.against(http, reads, callers, values, SCOPE,
                op -> BACK_OFFICE.contains(op.path()) ? ReadOperations.READERS : ReadOperations.WITH_CASHIER);
        assertThat(failures).as("reads against the matrix" + ReadOperations.lines(failures)).isEmpty();

        // the counter sells at the price; what it cost is the back office's
        http.get().uri("/api/v1/products/" + product.get("id")).headers(h -> h.setBearerAuth(callers.get("cashier"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.sellingPrice").isEqualTo("245.00").jsonPath("$.costPrice").isEmpty();
        http.get().uri("/api/v1/products?q=ATTA").headers(h -> h.setBearerAuth(callers.get("cashier"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].costPrice").isEmpty();
        http.get().uri("/api/v1/products/" + product.get("id")).headers(h -> h.setBearerAuth(callers.get("auditor"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.costPrice").isEqualTo("200.00");
    }
}
