package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.auth.audit.AuditTrail;
import dev.kirana.auth.shop.ShopDeletion;
import dev.kirana.auth.shop.ShopPurgeJob;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Deleting a shop: only its owner, only after a full export, by typing its name; then no token for it, restorable in the
 * window and not after; purged once the window closed, its audit chain and tombstone kept, another shop untouched.
 */
class ShopDeletionTest extends AuthServiceTest {
    private static final List<String> SERVICES = List.of("catalog-service", "inventory-service", "order-service",
            "accounting-service", "reporting-service");
    /** Every table of auth-service with a shop_id, and the table hanging off one (salary lines, by their run). */
    private static final List<String> SHOP_TABLES = List.of("membership", "device", "refresh_token", "api_client", "employee",
            "attendance", "attendance_change", "salary_advance", "salary_run", "salary_line", "audit_record");

    @Autowired
    DatabaseClient db;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    ShopPurgeJob purgeJob;

    /** What each service's backup leaves in the audit trail (the backup feature appends exactly this). */
    private void backedUp(String shopId, Clock at, String... services) {
        AuditTrail trail = at == null ? audit : new AuditTrail(db, tx, at);
        for (String service : services) {
            trail.append(UUID.fromString(shopId), AuditTrail.Entry.of(null, ShopDeletion.BACKUP_ACTION, ShopDeletion.BACKUP_ENTITY, service))
                    .block(Duration.ofSeconds(10));
        }
    }

    private WebTestClient.ResponseSpec delete(Owner owner, String token, String confirmName) {
        return http.method(HttpMethod.DELETE).uri("/api/v1/shops/" + owner.shopId()).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("confirmName", confirmName)).exchange();
    }

    private WebTestClient.ResponseSpec clientToken(String basic) {
        return http.post().uri("/oauth2/token").header("Authorization", basic).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData("grant_type", "client_credentials")).exchange();
    }

    private String status(String shopId) {
        return db.sql("SELECT status FROM shop WHERE id = :id").bind("id", UUID.fromString(shopId))
                .map(row -> row.get("status", String.class)).one().block();
    }

    private long count(String table, String shopId) {
        String where = table.equals("salary_line")
                ? "run_id IN (SELECT id FROM salary_run WHERE shop_id = :shop)"
                : "shop_id = :shop";
        return db.sql("SELECT count(*) AS n FROM " + table + " WHERE " + where).bind("shop", UUID.fromString(shopId))
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private Map<String, Long> counts(String shopId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        SHOP_TABLES.forEach(t -> counts.put(t, count(t, shopId)));
        return counts;
    }

    @Test
    void withoutAFullExportTheShopStaysAndTheMissingServicesAreNamed() {
        Owner owner = newOwnerWithShop("Export First Store");
        // three services backed up today, inventory a day and a half ago (stale), reporting never
        backedUp(owner.shopId(), null, "catalog-service", "order-service", "accounting-service");
        backedUp(owner.shopId(), Clock.fixed(Instant.now().minus(Duration.ofHours(36)), ZoneOffset.UTC), "inventory-service");

        delete(owner, owner.token(), "Export First Store").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://kirana.dev/problems/export-required")
                .jsonPath("$.services").isEqualTo(List.of("inventory-service", "reporting-service"))
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("inventory-service").contains("reporting-service")
                        .doesNotContain("catalog-service"));
        assertThat(status(owner.shopId())).isEqualTo("ACTIVE");
        // its sessions live on
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", owner.refreshToken())).expectStatus().isOk();
    }

    @Test
    void onlyTheOwnerDeletesByTypingTheNameThenNoTokenIsIssuedUntilRestored() {
        Owner owner = newOwnerWithShop("Gupta Kirana");
        String members = "/api/v1/shops/" + owner.shopId() + "/members";
        String managerEmail = uniqueEmail("del-manager");
        post(members, owner.token(), Map.of("email", managerEmail, "name", "Ravi", "role", "MANAGER", "initialPassword", "manager-pass-2026"))
                .expectStatus().isCreated();
        Map<String, Object> managerLogin = login(managerEmail, "manager-pass-2026");
        assertThat(managerLogin).containsEntry("shopId", owner.shopId());
        String managerToken = (String) managerLogin.get("accessToken");
        Map<String, Object> client = json(post("/api/v1/clients", owner.token(), Map.of("name", "Tally", "scopes", List.of("orders:read")))
                .expectStatus().isCreated());
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((client.get("clientId") + ":" + client.get("clientSecret"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        clientToken(basic).expectStatus().isOk();
        Map<String, Object> pairing = json(post("/api/v1/devices", owner.token(), Map.of("name", "Counter")).expectStatus().isCreated());
        Map<String, Object> device = json(post("/api/v1/devices/pair", null, Map.of("pairingToken", pairing.get("pairingToken"))).expectStatus().isOk());
        Map<String, Object> unpaired = json(post("/api/v1/devices", owner.token(), Map.of("name", "Spare")).expectStatus().isCreated());
        backedUp(owner.shopId(), null, SERVICES.toArray(String[]::new));

        delete(owner, managerToken, "Gupta Kirana").expectStatus().isForbidden();
        delete(owner, owner.token(), "gupta kirana").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("confirmName");
        assertThat(status(owner.shopId())).isEqualTo("ACTIVE");

        Instant before = Instant.now();
        Map<String, Object> deleted = json(delete(owner, owner.token(), "Gupta Kirana").expectStatus().isOk());
        assertThat(deleted).containsEntry("status", "DELETED").containsEntry("id", owner.shopId());
        Instant deletedAt = Instant.parse((String) deleted.get("deletedAt"));
        Instant purgeAfter = Instant.parse((String) deleted.get("purgeAfter"));
        assertThat(deletedAt).isBetween(before.minusSeconds(1), Instant.now());
        // the default window: 30 days
        assertThat(Duration.between(deletedAt, purgeAfter)).isEqualTo(Duration.ofDays(30));
        delete(owner, owner.token(), "Gupta Kirana").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/shop-deleted");

        // no token for it: its sessions were revoked, a switch is refused, a login lands in no shop
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", owner.refreshToken())).expectStatus().isUnauthorized();
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", managerLogin.get("refreshToken"))).expectStatus().isUnauthorized();
        post("/api/v1/auth/switch-shop", owner.token(), Map.of("shopId", owner.shopId())).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/shop-deleted");
        Map<String, Object> relogin = login(owner.email(), "owner-pass-123");
        assertThat(relogin.get("shopId")).isNull();
        assertThat(login(managerEmail, "manager-pass-2026").get("shopId")).isNull();
        // the access tokens issued before are refused by auth-service's shop endpoints
        http.get().uri(members).headers(h -> h.setBearerAuth(managerToken)).exchange().expectStatus().isEqualTo(409);
        post("/api/v1/devices", owner.token(), Map.of("name", "Till")).expectStatus().isEqualTo(409);
        // its partner clients and devices get nothing either
        clientToken(basic).expectStatus().isUnauthorized();
        post("/api/v1/devices/session", null, Map.of("deviceId", device.get("deviceId"), "deviceSecret", device.get("deviceSecret"),
                "username", managerEmail, "pin", "1234")).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/unknown-device");
        post("/api/v1/devices/pair", null, Map.of("pairingToken", unpaired.get("pairingToken"))).expectStatus().isUnauthorized();

        // the owner still sees it, with its purge date, and restores it
        String fresh = (String) relogin.get("accessToken");
        http.get().uri("/api/v1/shops").headers(h -> h.setBearerAuth(fresh)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo(owner.shopId())
                .jsonPath("$[0].status").isEqualTo("DELETED")
                .jsonPath("$[0].purgeAfter").isEqualTo(deleted.get("purgeAfter"));
        http.post().uri("/api/v1/shops/" + owner.shopId() + "/restore").headers(h -> h.setBearerAuth(managerToken)).exchange()
                .expectStatus().isForbidden();
        Map<String, Object> restored = json(http.post().uri("/api/v1/shops/" + owner.shopId() + "/restore")
                .headers(h -> h.setBearerAuth(fresh)).exchange().expectStatus().isOk());
        assertThat(restored).containsEntry("status", "ACTIVE").containsEntry("deletedAt", null).containsEntry("purgeAfter", null);
        http.post().uri("/api/v1/shops/" + owner.shopId() + "/restore").headers(h -> h.setBearerAuth(fresh)).exchange()
                .expectStatus().isEqualTo(409);
        Map<String, Object> back = json(post("/api/v1/auth/switch-shop", fresh, Map.of("shopId", owner.shopId())).expectStatus().isOk());
        assertThat(back).containsEntry("shopId", owner.shopId()).containsEntry("roles", List.of("OWNER"));
        assertThat(login(managerEmail, "manager-pass-2026")).containsEntry("shopId", owner.shopId());
        clientToken(basic).expectStatus().isOk();

        // both moves are in the audit trail
        List<String> actions = audit.find(UUID.fromString(owner.shopId()), new AuditTrail.Query(null, null, "shop", owner.shopId(), null, null, 0, 100))
                .block().stream().map(r -> r.action()).toList();
        assertThat(actions).containsExactly("shop.created", "shop.deleted", "shop.restored");
    }

    @Test
    void afterTheWindowARestoreIsGone() {
        Owner owner = newOwnerWithShop("Late Store");
        backedUp(owner.shopId(), null, SERVICES.toArray(String[]::new));
        delete(owner, owner.token(), "Late Store").expectStatus().isOk();
        // thirty days later (the window is moved rather than the clock)
        db.sql("UPDATE shop SET purge_after = now() - interval '1 second' WHERE id = :id").bind("id", UUID.fromString(owner.shopId()))
                .then().block();
        String token = (String) login(owner.email(), "owner-pass-123").get("accessToken");
        http.post().uri("/api/v1/shops/" + owner.shopId() + "/restore").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(410)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/restore-window-closed");
        assertThat(status(owner.shopId())).isEqualTo("DELETED");
    }

    @Test
    void thePurgeDeletesTheShopsRowsKeepsItsAuditChainAndTombstoneAndLeavesAnotherShopAlone() {
        Owner doomed = newOwnerWithShop("Purge Store");
        Owner other = newOwnerWithShop("Neighbour Store");
        db.sql("UPDATE shop SET gstin = '29ABCDE1234F1ZW', address = '4 Market Road' WHERE id = :id")
                .bind("id", UUID.fromString(doomed.shopId())).then().block();
        for (Owner o : List.of(doomed, other)) {
            String base = "/api/v1/shops/" + o.shopId();
            post(base + "/members", o.token(), Map.of("email", uniqueEmail("purge-cashier"), "name", "Asha", "role", "CASHIER",
                    "initialPassword", "counter-one-2026")).expectStatus().isCreated();
            post("/api/v1/devices", o.token(), Map.of("name", "Counter")).expectStatus().isCreated();
            post("/api/v1/clients", o.token(), Map.of("name", "Tally", "scopes", List.of("orders:read"))).expectStatus().isCreated();
            String employee = (String) json(post(base + "/employees", o.token(), Map.of("name", "Suresh", "joinedOn", "2026-04-01",
                    "payBasis", "DAILY", "rate", "600.00")).expectStatus().isCreated()).get("id");
            http.put().uri(base + "/employees/" + employee + "/attendance/2026-11-02").headers(h -> h.setBearerAuth(o.token()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "PRESENT")).exchange().expectStatus().isOk();
            post(base + "/employees/" + employee + "/advances", o.token(), Map.of("amount", "500.00", "paidOn", "2026-11-05",
                    "paidFrom", "CASH")).expectStatus().isCreated();
            post(base + "/salary-runs", o.token(), Map.of("month", "2026-11", "paidFrom", "CASH", "paidOn", "2026-12-01"))
                    .expectStatus().isCreated();
        }
        backedUp(doomed.shopId(), null, SERVICES.toArray(String[]::new));
        delete(doomed, doomed.token(), "Purge Store").expectStatus().isOk();

        Map<String, Long> doomedBefore = counts(doomed.shopId());
        Map<String, Long> otherBefore = counts(other.shopId());
        // by hand: 2 members, 1 device, 1 API client, 1 employee with 1 day of attendance (1 change), 1 advance, one run of 1 line
        assertThat(doomedBefore).containsEntry("membership", 2L).containsEntry("device", 1L).containsEntry("api_client", 1L)
                .containsEntry("employee", 1L).containsEntry("attendance", 1L).containsEntry("attendance_change", 1L)
                .containsEntry("salary_advance", 1L).containsEntry("salary_run", 1L).containsEntry("salary_line", 1L);
        assertThat(doomedBefore.get("refresh_token")).isPositive();
        long auditBefore = doomedBefore.get("audit_record");

        // the window has not closed: the job leaves it
        purgeJob.run();
        assertThat(status(doomed.shopId())).isEqualTo("DELETED");
        assertThat(counts(doomed.shopId())).isEqualTo(doomedBefore);

        db.sql("UPDATE shop SET purge_after = now() - interval '1 second' WHERE id = :id").bind("id", UUID.fromString(doomed.shopId()))
                .then().block();
        purgeJob.run();

        Map<String, Long> doomedAfter = counts(doomed.shopId());
        SHOP_TABLES.stream().filter(t -> !t.equals("audit_record"))
                .forEach(t -> assertThat(doomedAfter.get(t)).as(t).isZero());
        // the chain stays, one record longer (the purge itself), and still verifies
        assertThat(doomedAfter.get("audit_record")).isEqualTo(auditBefore + 1);
        var verification = audit.verify(UUID.fromString(doomed.shopId())).block();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(auditBefore + 1);
        // the tombstone: name, GSTIN, dates; no address
        Map<String, Object> tombstone = db.sql("SELECT name, gstin, address, status, purged_at FROM shop WHERE id = :id")
                .bind("id", UUID.fromString(doomed.shopId())).fetch().one().block();
        assertThat(tombstone).containsEntry("name", "Purge Store").containsEntry("gstin", "29ABCDE1234F1ZW")
                .containsEntry("address", null).containsEntry("status", "PURGED");
        assertThat(tombstone.get("purged_at")).isNotNull();
        // the other shop is as it was
        assertThat(counts(other.shopId())).isEqualTo(otherBefore);
        // the owner's list no longer has it, and a second run purges nothing more
        String token = (String) login(doomed.email(), "owner-pass-123").get("accessToken");
        http.get().uri("/api/v1/shops").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        purgeJob.run();
        assertThat(counts(doomed.shopId())).isEqualTo(doomedAfter);

        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SHOP)) {
            var records = probe.awaitUntil(rs -> rs.stream().anyMatch(r -> doomed.shopId().equals(r.key())
                    && EventTypes.SHOP_PURGED.equals(TopicProbe.header(r, "ce_type"))), Duration.ofSeconds(30));
            List<CloudEvent> purged = records.stream().filter(r -> doomed.shopId().equals(r.key())).map(KiranaEvents::fromRecord)
                    .filter(e -> e.getType().equals(EventTypes.SHOP_PURGED)).toList();
            assertThat(purged).hasSize(1);
            assertThat(new EventSchemaValidator().validate(purged.get(0))).isEmpty();
            assertThat(KiranaEvents.shopId(purged.get(0))).isEqualTo(doomed.shopId());
            var data = KiranaEvents.data(purged.get(0), ShopEvents.ShopPurged.class);
            assertThat(data.name()).isEqualTo("Purge Store");
            assertThat(data.gstin()).isEqualTo("29ABCDE1234F1ZW");
            assertThat(records.stream().filter(r -> other.shopId().equals(r.key()))
                    .noneMatch(r -> EventTypes.SHOP_PURGED.equals(TopicProbe.header(r, "ce_type")))).isTrue();
        }
    }
}
