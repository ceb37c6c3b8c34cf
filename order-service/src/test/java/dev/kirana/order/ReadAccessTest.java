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
 * partner's client needs orders:read, and a client with other scopes reads none.
 */
class ReadAccessTest extends OrderServiceTestBase {
    static final String SCOPE = "orders:read";

    @Test
    void everyReadStatesWhoMayCallItAndTheServiceEnforcesIt() {
        String shop = "shop-" + UUID.randomUUID();
        TestJwtIssuer jwt = TestInfrastructure.get().jwt();
        Map<String, String> callers = ReadOperations.callers(jwt, shop, jwt.token("u-owner", shop, "OWNER"), SCOPE,
                "shop:read", "catalog:read", "inventory:read", "orders:write", "accounting:read", "reports:read");
        Map<String, String> values = Map.of("phone", "9876500001");

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/");
        assertThat(reads).as("the sales' reads in the document").hasSizeGreaterThanOrEqualTo(9);
        List<String> failures = ReadOperations.against(http, reads, callers, values, SCOPE, op -> ReadOperations.WITH_CASHIER);
        assertThat(failures).as("reads against the matrix" + ReadOperations.lines(failures)).isEmpty();
    }
}
