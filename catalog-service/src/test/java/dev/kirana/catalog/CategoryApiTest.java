package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@CatalogServiceTest
class CategoryApiTest {
    @Autowired
    WebTestClient http;

    private CatalogApi api(String shop) {
        return new CatalogApi(http, shop);
    }

    @Test
    void nestedCategoriesFilterProductsWithTheirSubcategories() {
        var api = api("shop-" + UUID.randomUUID());
        var groceries = api.category("Groceries", null);
        var staples = api.category("Staples", (String) groceries.get("id"));
        var dals = api.category("Dals", (String) staples.get("id"));
        var personal = api.category("Personal care", null);
        assertThat(dals.get("path")).isEqualTo("Groceries > Staples > Dals");
        assertThat(dals.get("depth")).isEqualTo(3);

        String toor = (String) api.create(CatalogApi.product("TOOR-1", "hsn", "0713", "categoryId", dals.get("id"))).get("id");
        api.create(CatalogApi.product("ATTA-1", "categoryId", staples.get("id")));
        api.create(CatalogApi.product("SOAP-1", "hsn", "3401", "categoryId", personal.get("id")));
        assertThat(api.read(toor).get("categoryPath")).isEqualTo("Groceries > Staples > Dals");

        api.get("/api/v1/products?categoryId=" + groceries.get("id")).expectHeader().valueEquals("X-Total-Count", "2")
                .expectBody().jsonPath("$[*].sku").value(s -> assertThat((List<Object>) s).containsExactlyInAnyOrder("TOOR-1", "ATTA-1"));
        api.get("/api/v1/products?categoryId=" + dals.get("id")).expectBody().jsonPath("$[*].sku")
                .value(s -> assertThat((List<Object>) s).containsExactly("TOOR-1"));
        api.get("/api/v1/categories").expectBody().jsonPath("$[*].path").value(s -> assertThat((List<Object>) s)
                .containsExactly("Groceries", "Groceries > Staples", "Groceries > Staples > Dals", "Personal care"));
    }

    @Test
    void renamingOrMovingASubtreeRepublishesItsProductsAndCyclesAreRefused() {
        var api = api("shop-" + UUID.randomUUID());
        var groceries = api.category("Groceries", null);
        var staples = api.category("Staples", (String) groceries.get("id"));
        var dals = api.category("Dals", (String) staples.get("id"));
        String toor = (String) api.create(CatalogApi.product("TOOR-2", "hsn", "0713", "categoryId", dals.get("id"))).get("id");

        api.put("/api/v1/categories/" + groceries.get("id"), null, Map.of("name", "Groceries", "parentId", dals.get("id")))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/category-cycle");
        api.put("/api/v1/categories/" + staples.get("id"), "\"0\"", Map.of("name", "Kitchen staples"))
                .expectStatus().isOk().expectBody().jsonPath("$.path").isEqualTo("Kitchen staples").jsonPath("$.parentId").doesNotExist();
        api.get("/api/v1/categories/" + dals.get("id")).expectBody().jsonPath("$.path").isEqualTo("Kitchen staples > Dals")
                .jsonPath("$.depth").isEqualTo(2);
        assertThat(api.read(toor)).containsEntry("categoryPath", "Kitchen staples > Dals").containsEntry("version", 1);

        var events = CatalogApi.events(toor, 2);
        assertThat(events.get(1).getType()).isEqualTo(EventTypes.PRODUCT_UPDATED);
        var state = KiranaEvents.data(events.get(1), CatalogEvents.ProductChanged.class);
        assertThat(state.categoryPath()).isEqualTo("Kitchen staples > Dals");
        assertThat(state.categoryId()).isEqualTo(dals.get("id"));
    }

    @Test
    void siblingNamesAreUniqueAndOnlyEmptyCategoriesCanBeDeleted() {
        var api = api("shop-" + UUID.randomUUID());
        var snacks = api.category("Snacks", null);
        api.post("/api/v1/categories", Map.of("name", "snacks")).expectStatus().isEqualTo(409);
        api.post("/api/v1/categories", Map.of("name", "Chips/Wafers")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        api.post("/api/v1/categories", Map.of("name", "Chips", "parentId", UUID.randomUUID().toString())).expectStatus().isNotFound();
        var chips = api.category("Chips", (String) snacks.get("id"));
        http.delete().uri("/api/v1/categories/" + snacks.get("id")).headers(h -> h.setBearerAuth(api.token)).exchange()
                .expectStatus().isEqualTo(409);
        http.delete().uri("/api/v1/categories/" + chips.get("id")).headers(h -> h.setBearerAuth(api.token)).exchange()
                .expectStatus().isNoContent();
        // another shop sees none of it
        api("shop-" + UUID.randomUUID()).get("/api/v1/categories/" + snacks.get("id")).expectStatus().isNotFound();
    }

    @Test
    void everyEndpointIsInTheOpenApiDocument() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/categories'].post").exists()
                .jsonPath("$.paths['/api/v1/categories/{id}'].put").exists()
                .jsonPath("$.paths['/api/v1/products/{id}'].put").exists()
                .jsonPath("$.paths['/api/v1/products/{id}/archive'].post").exists()
                .jsonPath("$.paths['/api/v1/products/{id}/price-history'].get").exists()
                .jsonPath("$.paths['/api/v1/products/{id}/tax-rate'].get").exists()
                .jsonPath("$.paths['/api/v1/products/tax-rates'].get").exists()
                .jsonPath("$.paths['/api/v1/products/imports'].post").exists()
                .jsonPath("$.paths['/api/v1/products/imports/{id}/rejections'].get").exists()
                .jsonPath("$.paths['/api/v1/products/export'].get").exists();
    }
}
