package dev.kirana.accounting.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.ReadOperations;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TestJwtIssuer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every read of the books, walked from the service's own OpenAPI document (a new one is covered without naming it),
 * against the README's roles-and-scopes matrix: owners, managers and auditors read them, and a partner's client with
 * accounting:read; a cashier reads only a customer's balance; a client with orders:read only reads none of them.
 */
@KiranaServiceTest
class ReadAccessTest {
    /** The matrix for accounting-service, as data: every read is the books' unless listed here. */
    static final String SCOPE = "accounting:read";
    static final Set<String> CASHIER_READS = Set.of(
            "/api/v1/accounting/parties/balance",
            "/api/v1/accounting/parties/{id}/balance");

    @Autowired
    WebTestClient http;

    @Test
    void everyReadStatesWhoMayCallItAndTheServiceEnforcesIt() {
        String shop = "shop-" + UUID.randomUUID();
        TestJwtIssuer jwt = TestInfrastructure.get().jwt();
        String owner = jwt.token("u-owner", shop, "OWNER");
        String phone = "98" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
        Map<?, ?> customer = http.post().uri("/api/v1/accounting/parties").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CUSTOMER", "name", "Sunita", "phone", phone))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        Map<String, String> callers = ReadOperations.callers(jwt, shop, owner, SCOPE,
                "shop:read", "catalog:read", "inventory:read", "orders:read", "orders:write", "reports:read", "accounting:write");
        Map<String, String> values = Map.of("id", String.valueOf(customer.get("id")), "partyId", String.valueOf(customer.get("id")),
                "phone", phone, "party", phone, "account", "1000", "code", "1000");

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/accounting/");
        assertThat(reads).as("the books' reads in the document").hasSizeGreaterThan(30);
        List<String> failures = ReadOperations.against(http, reads, callers, values, SCOPE,
                op -> CASHIER_READS.contains(op.path()) ? ReadOperations.WITH_CASHIER : ReadOperations.READERS);
        assertThat(failures).as("reads against the matrix" + ReadOperations.lines(failures)).isEmpty();

        // where the cashier may, they get the customer in front of them
        http.get().uri("/api/v1/accounting/parties/balance?phone=" + phone).headers(h -> h.setBearerAuth(callers.get("cashier")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.balance").isEqualTo("0.00");
    }
}
