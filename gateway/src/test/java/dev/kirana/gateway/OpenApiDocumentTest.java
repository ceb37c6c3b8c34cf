package dev.kirana.gateway;

import dev.kirana.testing.OpenApiDocuments;
import org.junit.jupiter.api.Test;

/** What gateway serves at /v3/api-docs is the document checked in under docs/openapi/ (an API change shows in review). */
class OpenApiDocumentTest extends GatewayTest {
    @Test
    void theServedDocumentIsTheCheckedInOne() {
        OpenApiDocuments.assertCheckedIn(http, "gateway");
    }
}
