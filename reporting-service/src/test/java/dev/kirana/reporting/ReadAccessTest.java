package dev.kirana.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.testing.ReadOperations;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TestJwtIssuer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    static final List<String> READERS = List.of("OWNER", "MANAGER", "AUDITOR");

    @Autowired
    WebTestClient http;

    @Test
    void everyReportStatesWhoMayReadItAndTheServiceEnforcesIt() {
        String shop = "shop-" + UUID.randomUUID();
        TestJwtIssuer jwt = TestInfrastructure.get().jwt();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("owner", jwt.token("u-owner", shop, "OWNER"));
        callers.put("manager", jwt.token("u-manager", shop, "MANAGER"));
        callers.put("auditor", jwt.token("u-auditor", shop, "AUDITOR"));
        callers.put("cashier", jwt.token("u-cashier", shop, "CASHIER"));
        callers.put("client with " + SCOPE, jwt.clientToken("cli_bi", shop, SCOPE));
        callers.put("client with orders:read", jwt.clientToken("cli_orders", shop, "orders:read"));
        callers.put("client with every other scope", jwt.clientToken("cli_other", shop,
                "shop:read", "catalog:read", "inventory:read", "orders:read", "orders:write", "accounting:read"));
        Map<String, String> values = Map.of("dimension", "product");

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/reports");
        assertThat(reads).as("the reports in the document").hasSizeGreaterThanOrEqualTo(15);
        List<String> failures = new ArrayList<>();
        for (ReadOperations.Operation op : reads) {
            if (op.roles() == null || !Set.copyOf(op.roles()).equals(Set.copyOf(READERS)) || !SCOPE.equals(op.scope())) {
                failures.add(op + " states roles " + op.roles() + " and scope " + op.scope() + "; the matrix says " + READERS + " and " + SCOPE);
            }
            if (!op.documents403() || !op.description().contains("scope " + SCOPE + ")")) {
                failures.add(op + " does not say who may call it in its description, or has no 403 response");
            }
            failures.addAll(ReadOperations.check(http, op, op.uri(values), callers,
                    Set.of("owner", "manager", "auditor", "client with " + SCOPE)));
        }
        assertThat(failures).as("reports against the matrix" + ReadOperations.lines(failures)).isEmpty();
    }
}
