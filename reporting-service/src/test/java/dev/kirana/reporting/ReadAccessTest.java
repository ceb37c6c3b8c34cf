package dev.kirana.reporting;

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
 * Every report, walked from reporting-service's own OpenAPI document (a new one is covered without naming it),
 * against the README's roles-and-scopes matrix: owners, managers and auditors read reports, and a partner's client
 * with reports:read; a cashier reads none, nor does a client with orders:read only.
 */
@ReportingServiceTest
class ReadAccessTest {
    static final String SCOPE = "reports:read";

    @Autowired
    WebTestClient http;

    @Test
    void everyReportStatesWhoMayReadItAndTheServiceEnforcesIt() {
        String shop = "shop-" + UUID.randomUUID();
        TestJwtIssuer jwt = TestInfrastructure.get().jwt();
        Map<String, String> callers = ReadOperations.callers(jwt, shop, jwt.token("u-owner", shop, "OWNER"), SCOPE,
                "shop:read", "catalog:read", "inventory:read", "orders:read", "orders:write", "accounting:read");
        Map<String, String> values = Map.of("dimension", "product");

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/reports");
        assertThat(reads).as("the reports in the document").hasSizeGreaterThanOrEqualTo(15);
        List<String> failures = ReadOperations.against(http, reads, callers, values, SCOPE, op -> ReadOperations.READERS);
        assertThat(failures).as("reports against the matrix" + ReadOperations.lines(failures)).isEmpty();
    }
}
