package dev.kirana.catalog;

import dev.kirana.testing.OpenApiDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What catalog-service serves at /v3/api-docs is the document checked in under docs/openapi/ (an API change shows in review). */
@CatalogServiceTest
class OpenApiDocumentTest {
    @Autowired
    WebTestClient http;

    @Test
    void theServedDocumentIsTheCheckedInOne() {
        OpenApiDocuments.assertCheckedIn(http, "catalog-service");
    }
}
