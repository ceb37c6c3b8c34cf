package dev.kirana.order;

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

/**
 * Every read of order-service, walked from its own OpenAPI document (a new one is covered without naming it),
 * against the README's roles-and-scopes matrix: everyone in the shop reads sales (a cashier lists only their own), a
 * partner's client needs orders:read, and a client with other scopes reads none. The counter's payment QR code is
 * the selling roles' (not an auditor's) and a client's with orders:write.
 */
class ReadAccessTest extends OrderServiceTestBase {
    static final String SCOPE = "orders:read";
    static final List<String> READERS = List.of("OWNER", "MANAGER", "AUDITOR", "CASHIER");
    static final String COUNTER_PATH = "/api/v1/orders/upi-qr";
    static final String COUNTER_SCOPE = "orders:write";
    static final List<String> SELLERS = List.of("OWNER", "MANAGER", "CASHIER");

    @Test
    void everyReadStatesWhoMayCallItAndTheServiceEnforcesIt() {
        String shop = "shop-" + UUID.randomUUID();
        TestJwtIssuer jwt = TestInfrastructure.get().jwt();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("owner", jwt.token("u-owner", shop, "OWNER"));
        callers.put("manager", jwt.token("u-manager", shop, "MANAGER"));
        callers.put("auditor", jwt.token("u-auditor", shop, "AUDITOR"));
        callers.put("cashier", jwt.token("u-cashier", shop, "CASHIER"));
        callers.put("client with " + SCOPE, jwt.clientToken("cli_orders", shop, SCOPE));
        callers.put("client with every other scope", jwt.clientToken("cli_other", shop,
                "shop:read", "catalog:read", "inventory:read", "orders:write", "accounting:read", "reports:read"));
        Map<String, String> values = Map.of("phone", "9876500001");

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/");
        assertThat(reads).as("the sales' reads in the document").hasSizeGreaterThanOrEqualTo(9);
        List<String> failures = new ArrayList<>();
        assertThat(reads).as("the counter's payment QR code").anyMatch(op -> op.path().equals(COUNTER_PATH));
        for (ReadOperations.Operation op : reads) {
            boolean counter = op.path().equals(COUNTER_PATH);
            List<String> roles = counter ? SELLERS : READERS;
            String scope = counter ? COUNTER_SCOPE : SCOPE;
            if (op.roles() == null || !Set.copyOf(op.roles()).equals(Set.copyOf(roles)) || !scope.equals(op.scope())) {
                failures.add(op + " states roles " + op.roles() + " and scope " + op.scope() + "; the matrix says " + roles + " and " + scope);
            }
            if (!op.documents403() || !op.description().contains("scope " + scope + ")")) {
                failures.add(op + " does not say who may call it in its description, or has no 403 response");
            }
            failures.addAll(ReadOperations.check(http, op, op.uri(values), callers, counter
                    ? Set.of("owner", "manager", "cashier", "client with every other scope")
                    : Set.of("owner", "manager", "auditor", "cashier", "client with " + SCOPE)));
        }
        assertThat(failures).as("reads against the matrix" + ReadOperations.lines(failures)).isEmpty();
    }
}
