package dev.kirana.accounting;

import dev.kirana.testing.KiranaServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every endpoint of the books is in the service's OpenAPI document. */
@KiranaServiceTest
class ApiDocsTest {
    @Autowired
    WebTestClient http;

    @Test
    void theBooksEndpointsAreDescribed() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/accounting/accounts'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/accounts'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/accounts/{code}'].delete.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/journal-entries'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/journal-entries'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/journal-entries/{id}'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/journal-entries/{id}/reversal'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/periods/{month}/lock'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/periods/locks'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/trial-balance'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/statements/trial-balance'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/statements/profit-and-loss'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/statements/balance-sheet'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/statements/ledger/{account}'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/statements/monthly-summary'].get.summary").exists()
                .jsonPath("$.paths['/api/v1/accounting/statements/cash-flow'].get.summary").exists();
    }
}
