package dev.kirana.reporting;

import dev.kirana.testing.OpenApiDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What reporting-service serves at /v3/api-docs is the document checked in under docs/openapi/ (an API change shows in review). */
@ReportingServiceTest
class OpenApiDocumentTest {
    @Autowired
    WebTestClient http;

    @Test
    void theServedDocumentIsTheCheckedInOne() {
        OpenApiDocuments.assertCheckedIn(http, "reporting-service");
    }
}
