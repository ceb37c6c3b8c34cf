package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.testing.ReadOperations;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TestJwtIssuer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every read of order-service, walked from its own OpenAPI document (a new one is covered without naming it),
 * against the README's roles-and-scopes matrix: everyone in the shop reads sales (a cashier lists only their own), a
 * partner's client needs orders:read, and a client with other scopes reads none. The counter's payment QR code is
 * the selling roles' (not an auditor's) and a client's with orders:write. E-invoices (registrations, their requests,
 * the settings) are the back office's: not a cashier's.
 */
class ReadAccessTest extends OrderServiceTestBase {
    static final String SCOPE = "orders:read";
    /** The payment QR is the counter's: those who sell, or a client that may sell (orders:write). */
    static final String COUNTER_PATH = "/api/v1/orders/upi-qr";
    static final String COUNTER_SCOPE = "orders:write";
    static final Set<String> SELLERS = Set.of("OWNER", "MANAGER", "CASHIER");
    /** The back office's reads of sales: every path with an e-invoice in it. */
    static final String BACK_OFFICE = "e-invoice";

    @Test
    void everyReadStatesWhoMayCallItAndTheServiceEnforcesIt() {
        String shop = "shop-" + UUID.randomUUID();
        TestJwtIssuer jwt = TestInfrastructure.get().jwt();
        Map<String, String> callers = ReadOperations.callers(jwt, shop, jwt.token("u-owner", shop, "OWNER"), SCOPE,
                "shop:read", "catalog:read", "inventory:read", "orders:write", "accounting:read", "reports:read");
        Map<String, String> values = Map.of("phone", "9876500001");

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/");
        assertThat(reads).as("the sales' reads in the document").hasSizeGreaterThanOrEqualTo(9);
        assertThat(reads).as("the counter's payment QR code").anyMatch(op -> op.path().equals(COUNTER_PATH));
        List<String> failures = ReadOperations.against(http, reads.stream().filter(op -> !op.path().equals(COUNTER_PATH)).toList(),
                callers, values, SCOPE, op -> op.path().contains(BACK_OFFICE) ? ReadOperations.READERS : ReadOperations.WITH_CASHIER);
        for (ReadOperations.Operation op : reads.stream().filter(op -> op.path().equals(COUNTER_PATH)).toList()) {
            if (op.roles() == null || !Set.copyOf(op.roles()).equals(SELLERS) || !COUNTER_SCOPE.equals(op.scope())) {
                failures.add(op + " states roles " + op.roles() + " and scope " + op.scope() + "; the matrix says " + SELLERS + " and " + COUNTER_SCOPE);
            }
            // "every other scope" holds orders:write
            failures.addAll(ReadOperations.check(http, op, op.uri(values), callers,
                    Set.of("owner", "manager", "cashier", "client with every other scope")));
        }
        assertThat(failures).as("reads against the matrix" + ReadOperations.lines(failures)).isEmpty();
    }
}
