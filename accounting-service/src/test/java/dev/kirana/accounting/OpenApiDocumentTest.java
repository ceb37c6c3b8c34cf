package dev.kirana.accounting;

import dev.kirana.testing.OpenApiDocuments;
import dev.kirana.testing.KiranaServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What accounting-service serves at /v3/api-docs is the document checked in under docs/openapi/ (an API change shows in review). */
@KiranaServiceTest
class OpenApiDocumentTest {
    @Autowired
    WebTestClient http;

    @Test
    void theServedDocumentIsTheCheckedInOne() {
        OpenApiDocuments.assertCheckedIn(http, "accounting-service");
    }
}
