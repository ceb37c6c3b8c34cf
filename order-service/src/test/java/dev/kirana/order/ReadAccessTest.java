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
 * partner's client needs orders:read, and a client with other scopes reads none.
 */
class ReadAccessTest extends OrderServiceTestBase {
    static final String SCOPE = "orders:read";
    static final List<String> READERS = List.of("OWNER", "MANAGER", "AUDITOR", "CASHIER");

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
        for (ReadOperations.Operation op : reads) {
            if (op.roles() == null || !Set.copyOf(op.roles()).equals(Set.copyOf(READERS)) || !SCOPE.equals(op.scope())) {
                failures.add(op + " states roles " + op.roles() + " and scope " + op.scope() + "; the matrix says " + READERS + " and " + SCOPE);
            }
            if (!op.documents403() || !op.description().contains("scope " + SCOPE + ")")) {
                failures.add(op + " does not say who may call it in its description, or has no 403 response");
            }
            failures.addAll(ReadOperations.check(http, op, op.uri(values), callers,
                    Set.of("owner", "manager", "auditor", "cashier", "client with " + SCOPE)));
        }
        assertThat(failures).as("reads against the matrix" + ReadOperations.lines(failures)).isEmpty();
    }
}
