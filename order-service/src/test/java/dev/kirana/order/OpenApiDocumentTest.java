package dev.kirana.order;

import dev.kirana.testing.OpenApiDocuments;
import org.junit.jupiter.api.Test;

/** What order-service serves at /v3/api-docs is the document checked in under docs/openapi/ (an API change shows in review). */
class OpenApiDocumentTest extends OrderServiceTestBase {
    @Test
    void theServedDocumentIsTheCheckedInOne() {
        OpenApiDocuments.assertCheckedIn(http, "order-service");
    }
}
