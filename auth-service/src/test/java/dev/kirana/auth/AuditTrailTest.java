package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.AuditEvents;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Critical actions become a hash-chained trail that only owners and auditors read, and that detects a changed row. */
class AuditTrailTest extends AuthServiceTest {
    @Autowired
    DatabaseClient db;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> records(Owner owner, String query) {
        return http.get().uri("/api/v1/shops/" + owner.shopId() + "/audit" + query).headers(h -> h.setBearerAuth(owner.token())).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private Map<String, Object> verify(Owner owner) {
        return json(http.get().uri("/api/v1/shops/" + owner.shopId() + "/audit/verify").headers(h -> h.setBearerAuth(owner.token())).exchange()
                .expectStatus().isOk());
    }

    @Test
    void criticalActionsAreChainedAndATamperedRowIsFound() {
        Owner owner = newOwnerWithShop("Audit Store");
        String members = "/api/v1/shops/" + owner.shopId() + "/members";
        String cashierEmail = uniqueEmail("audit-cashier");
        String cashier = (String) json(post(members, owner.token(),
                Map.of("email", cashierEmail, "name", "Asha", "role", "CASHIER", "initialPassword", "counter-one-2026"))
                .expectStatus().isCreated()).get("userId");
        http.patch().uri(members + "/" + cashier).headers(h -> h.setBearerAuth(owner.token())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "MANAGER")).exchange().expectStatus().isOk();
        String device = (String) json(post("/api/v1/devices", owner.token(), Map.of("name", "Counter tablet")).expectStatus().isCreated()).get("id");
        http.delete().uri("/api/v1/devices/" + device).headers(h -> h.setBearerAuth(owner.token())).exchange().expectStatus().isNoContent();
        post("/api/v1/auth/login", null, Map.of("username", cashierEmail, "password", "wrong-password-1")).expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/login").header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", cashierEmail, "password", "counter-one-2026")).exchange().expectStatus().isOk();
        http.delete().uri(members + "/" + cashier).headers(h -> h.setBearerAuth(owner.token())).exchange().expectStatus().isNoContent();

        List<Map<String, Object>> all = records(owner, "");
        assertThat(all).extracting(r -> r.get("action")).containsExactly("shop.created",
                "member.added", "member.role-changed", "device.registered", "device.revoked", "login.failed", "login.succeeded", "member.removed");
        assertThat(all).extracting(r -> ((Number) r.get("seq")).longValue()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(all.get(0)).containsEntry("actorId", owner.userId()).containsEntry("entityId", owner.shopId());
        assertThat((String) all.get(0).get("after")).contains("\"name\":\"Audit Store\"").contains("\"stateCode\":\"29\"");
        assertThat(all.get(1)).containsEntry("actorId", owner.userId()).containsEntry("entityId", cashier)
                .containsEntry("after", "{\"role\":\"CASHIER\"}");
        assertThat(all.get(2)).containsEntry("before", "{\"role\":\"CASHIER\"}").containsEntry("after", "{\"role\":\"MANAGER\"}");
        assertThat(all.get(6)).containsEntry("actorId", cashier).containsEntry("ip", "203.0.113.7");
        assertThat(all.get(7)).containsEntry("before", "{\"role\":\"MANAGER\"}");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("prevHash")).isEqualTo(all.get(i - 1).get("hash"));
        }
        assertThat(all.get(0).get("prevHash")).isEqualTo("0".repeat(64));

        // filters and paging
        assertThat(records(owner, "?action=login.failed")).hasSize(1);
        assertThat(records(owner, "?actor=" + cashier)).extracting(r -> r.get("action")).containsExactly("login.failed", "login.succeeded");
        assertThat(records(owner, "?entityType=device&entityId=" + device)).hasSize(2);
        assertThat(records(owner, "?afterSeq=6&limit=1")).extracting(r -> r.get("action")).containsExactly("login.succeeded");
        String csv = http.get().uri("/api/v1/shops/" + owner.shopId() + "/audit/export?format=csv").headers(h -> h.setBearerAuth(owner.token()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("member.role-changed").contains((String) all.get(7).get("hash"));
        // the download is itself on the trail
        Map<String, Object> exported = records(owner, "?afterSeq=8").get(0);
        assertThat(exported).containsEntry("action", "export.downloaded").containsEntry("entityType", "export")
                .containsEntry("entityId", "/audit/export").containsEntry("actorId", owner.userId());
        assertThat((String) exported.get("after")).contains("\"query\":\"format=csv\"").contains("\"file\":\"audit-" + owner.shopId() + ".csv\"");

        Map<String, Object> intact = verify(owner);
        assertThat(intact).containsEntry("intact", true).containsEntry("lastHash", exported.get("hash"));
        assertThat(((Number) intact.get("records")).longValue()).isEqualTo(9L);

        // the table refuses changes; someone with the database's superuser who lifts that guard is still found out
        UUID shop = UUID.fromString(owner.shopId());
        assertThat(db.sql("UPDATE audit_record SET action = 'member.added' WHERE shop_id = :shop AND seq = 8").bind("shop", shop)
                .fetch().rowsUpdated().onErrorResume(e -> reactor.core.publisher.Mono.just(-1L)).block()).isEqualTo(-1L);
        db.sql("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update").then().block();
        try {
            db.sql("UPDATE audit_record SET after_json = '{\"role\":\"OWNER\"}' WHERE shop_id = :shop AND seq = 3").bind("shop", shop).then().block();
        } finally {
            db.sql("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update").then().block();
        }
        Map<String, Object> broken = verify(owner);
        assertThat(broken).containsEntry("intact", false);
        assertThat(((Number) broken.get("brokenAt")).longValue()).isEqualTo(3L);
    }

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());

    private static CloudEvent recorded(String shop, String source, AuditEvents.AuditRecorded data) {
        return KiranaEvents.event(UUID.randomUUID().toString(), EventTypes.AUDIT_RECORDED, source, shop, shop,
                OffsetDateTime.now(ZoneOffset.UTC), EventJson.write(data));
    }

    private static void send(String shop, CloudEvent e) {
        try {
            PRODUCER.send(KiranaEvents.toRecord(Topics.AUDIT, shop, e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode node(String json) {
        return EventJson.mapper().readTree(json);
    }

    @Test
    void otherServicesRecordsAreChainedInOrderOnceWithTheirSourceAndTime() {
        Owner owner = newOwnerWithShop("Audit Events Store");
        String shop = owner.shopId();
        String manager = UUID.randomUUID().toString();
        String device = UUID.randomUUID().toString();
        CloudEvent price = recorded(shop, "catalog-service", new AuditEvents.AuditRecorded(manager, "MANAGER", "price.changed", "product", "p-1",
                device, "203.0.113.9", "2026-12-01T09:15:00.123456Z", node("{\"sellingPrice\":\"245.00\"}"),
                node("{\"sellingPrice\":\"259.00\"}"), "catalog-service"));
        CloudEvent voided = recorded(shop, "order-service", new AuditEvents.AuditRecorded(owner.userId(), "OWNER", "order.voided", "order", "o-7",
                null, "203.0.113.10", "2026-12-01T09:16:00Z", node("{\"status\":\"CONFIRMED\"}"), node("{\"status\":\"VOIDED\"}"),
                "order-service"));
        CloudEvent backup = recorded(shop, "inventory-service", new AuditEvents.AuditRecorded(owner.userId(), "OWNER", "backup.created", "shop-backup",
                "inventory-service", null, null, "2026-12-01T09:17:00Z", null, null, "inventory-service"));
        send(shop, price);
        send(shop, voided);
        send(shop, voided); // redelivered
        send(shop, backup);
        send(shop, price); // redelivered once more, after others
        CloudEvent export = recorded(shop, "accounting-service", new AuditEvents.AuditRecorded("cli_tally0123456789abcd", "API_CLIENT",
                "export.downloaded", "export", "/tally/export", null, null, "2026-12-01T09:18:00Z", null, node("{\"file\":\"tally.xml\"}"),
                "accounting-service"));
        send(shop, export);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> records(owner, "").size() >= 5);
        List<Map<String, Object>> all = records(owner, "");
        assertThat(all).extracting(r -> r.get("action"))
                .containsExactly("shop.created", "price.changed", "order.voided", "backup.created", "export.downloaded");
        assertThat(all.get(1)).containsEntry("source", "catalog-service").containsEntry("actorId", manager).containsEntry("actorRole", "MANAGER")
                .containsEntry("deviceId", device).containsEntry("ip", "203.0.113.9").containsEntry("at", "2026-12-01T09:15:00.123456Z")
                .containsEntry("entityType", "product").containsEntry("entityId", "p-1")
                .containsEntry("before", "{\"sellingPrice\":\"245.00\"}").containsEntry("after", "{\"sellingPrice\":\"259.00\"}");
        assertThat(all.get(3)).containsEntry("source", "inventory-service").containsEntry("entityType", "shop-backup")
                .containsEntry("entityId", "inventory-service").containsEntry("before", null);
        assertThat(all.get(4)).containsEntry("actorId", null).containsEntry("actorClientId", "cli_tally0123456789abcd")
                .containsEntry("actorRole", "API_CLIENT");
        assertThat(all.get(0)).containsEntry("source", null);
        assertThat(db.sql("SELECT count(*) AS n FROM kirana_inbox WHERE consumer = 'auth-service.audit' AND event_id IN (:ids)")
                .bind("ids", List.of(price.getId(), voided.getId(), backup.getId(), export.getId()))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(4L);
        Map<String, Object> intact = verify(owner);
        assertThat(intact).containsEntry("intact", true);
        assertThat(((Number) intact.get("records")).longValue()).isEqualTo(5L);

        // a forwarded record's source is part of its hash: claiming another service breaks the chain there
        UUID shopId = UUID.fromString(shop);
        db.sql("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update").then().block();
        try {
            db.sql("UPDATE audit_record SET source = 'auth-service' WHERE shop_id = :shop AND seq = 4").bind("shop", shopId).then().block();
        } finally {
            db.sql("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update").then().block();
        }
        Map<String, Object> broken = verify(owner);
        assertThat(broken).containsEntry("intact", false);
        assertThat(((Number) broken.get("brokenAt")).longValue()).isEqualTo(4L);
    }

    @Test
    void settingsApiClientsAndPinsAreRecordedWithBeforeAndAfter() {
        Owner owner = newOwnerWithShop("Audit Settings Store");
        http.patch().uri("/api/v1/shops/" + owner.shopId()).headers(h -> h.setBearerAuth(owner.token())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Audit Settings Store & Sons", "gstin", "29ABCDE1234F1ZW")).exchange().expectStatus().isOk();
        String client = (String) json(post("/api/v1/clients", owner.token(), Map.of("name", "Tally connector", "scopes", List.of("orders:read")))
                .expectStatus().isCreated()).get("clientId");
        http.delete().uri("/api/v1/clients/" + client).headers(h -> h.setBearerAuth(owner.token())).exchange().expectStatus().isNoContent();
        http.put().uri("/api/v1/users/me/pin").headers(h -> h.setBearerAuth(owner.token())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", "4826")).exchange().expectStatus().is2xxSuccessful();

        List<Map<String, Object>> all = records(owner, "");
        assertThat(all).extracting(r -> r.get("action"))
                .containsExactly("shop.created", "shop.settings-changed", "api-client.created", "api-client.revoked", "pin.changed");
        Map<String, Object> changed = all.get(1);
        assertThat((String) changed.get("before")).contains("\"name\":\"Audit Settings Store\"").contains("\"gstin\":null");
        assertThat((String) changed.get("after")).contains("\"name\":\"Audit Settings Store & Sons\"").contains("\"gstin\":\"29ABCDE1234F1ZW\"");
        assertThat(all.get(2)).containsEntry("entityId", client);
        assertThat(verify(owner)).containsEntry("intact", true);
    }

    @Test
    void onlyOwnersAndAuditorsReadTheTrail() {
        Owner owner = newOwnerWithShop("Audit Access Store");
        String members = "/api/v1/shops/" + owner.shopId() + "/members";
        String email = uniqueEmail("audit-cash");
        post(members, owner.token(), Map.of("email", email, "name", "Ravi", "role", "CASHIER", "initialPassword", "counter-two-2026"))
                .expectStatus().isCreated();
        String token = (String) login(email, "counter-two-2026").get("accessToken");
        String cashierToken = (String) json(post("/api/v1/auth/switch-shop", token, Map.of("shopId", owner.shopId())).expectStatus().isOk())
                .get("accessToken");
        http.get().uri("/api/v1/shops/" + owner.shopId() + "/audit").headers(h -> h.setBearerAuth(cashierToken)).exchange()
                .expectStatus().isForbidden();
        Owner other = newOwnerWithShop("Another Store");
        http.get().uri("/api/v1/shops/" + owner.shopId() + "/audit/verify").headers(h -> h.setBearerAuth(other.token())).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/shops/" + owner.shopId() + "/audit?limit=0").headers(h -> h.setBearerAuth(owner.token())).exchange()
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/shops/" + owner.shopId() + "/audit/export?format=pdf").headers(h -> h.setBearerAuth(owner.token())).exchange()
                .expectStatus().isBadRequest();
    }
}
