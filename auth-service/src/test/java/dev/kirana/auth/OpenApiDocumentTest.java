package dev.kirana.auth;

import dev.kirana.testing.OpenApiDocuments;
import org.junit.jupiter.api.Test;

/** What auth-service serves at /v3/api-docs is the document checked in under docs/openapi/ (an API change shows in review). */
class OpenApiDocumentTest extends AuthServiceTest {
    @Test
    void theServedDocumentIsTheCheckedInOne() {
        OpenApiDocuments.assertCheckedIn(http, "auth-service");
    }
}
