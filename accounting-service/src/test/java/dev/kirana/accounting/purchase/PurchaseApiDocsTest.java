package dev.kirana.accounting.purchase;

import dev.kirana.testing.KiranaServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The purchase endpoints are in the service's OpenAPI document, with their request examples and problem answers. */
@KiranaServiceTest
class PurchaseApiDocsTest {
    @Autowired
    WebTestClient http;

    @Test
    void purchaseBillsAndReturnsAreDescribed() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/accounting/purchase-bills'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/purchase-bills'].post.responses['409'].description").exists()
                .jsonPath("$.paths['/api/v1/accounting/purchase-bills'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/purchase-bills/{id}'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/purchase-bills/{id}/returns'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/purchase-bills/{id}/returns/{returnId}'].get.summary").exists()
                .jsonPath("$.components.schemas.PurchaseBillRequest.example").exists()
                .jsonPath("$.components.schemas.PurchaseReturnRequest.example").exists()
                .jsonPath("$.components.schemas.PurchaseBill.example").exists();
    }
}
