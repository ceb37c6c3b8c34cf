package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.AuditEvents;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Price changes, archiving, exports and backups are audit events in the outbox, written with the change itself. */
@CatalogServiceTest
class AuditRecordsTest {
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;

    private final String shop = "shop-" + UUID.randomUUID();
    private final UUID device = UUID.randomUUID();
    private final String manager = TestInfrastructure.get().jwt().sign(TestInfrastructure.get().jwt()
            .claims("u-manager", shop, Duration.ofMinutes(10), "MANAGER").claim("device_id", device.toString()).build());
    private final String owner = TestInfrastructure.get().jwt().token("u-owner", shop, "OWNER");

    /** The shop's audit events in the outbox, in the order they were written, each valid against its schema. */
    private List<AuditEvents.AuditRecorded> audit() {
        return db.sql("SELECT topic, record_key, data FROM kirana_outbox WHERE shop_id = :shop AND event_type = :type ORDER BY seq")
                .bind("shop", shop).bind("type", EventTypes.AUDIT_RECORDED)
                .map(row -> {
                    assertThat(row.get("topic", String.class)).isEqualTo(Topics.AUDIT);
                    assertThat(row.get("record_key", String.class)).isEqualTo(shop);
                    byte[] data = row.get("data", byte[].class);
                    assertThat(new EventSchemaValidator().validate(EventTypes.AUDIT_RECORDED, data)).isEmpty();
                    return EventJson.read(data, AuditEvents.AuditRecorded.class);
                })
                .all().collectList().block();
    }

    private WebTestClient.ResponseSpec send(WebTestClient.RequestBodySpec request, String token, Object body) {
        return request.headers(h -> {
            h.setBearerAuth(token);
            h.set("X-Forwarded-For", "198.51.100.20");
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aPriceChangeAndAnArchiveAreRecordedWithBeforeAndAfterAndARefusedChangeIsNot() {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = send(http.post().uri("/api/v1/products"), manager, CatalogApi.product("AUD-1"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(audit()).isEmpty();

        // 245.00 → 239.00 (MRP 260.00 stays)
        send(http.put().uri("/api/v1/products/" + id).header("If-Match", "\"0\""), manager, CatalogApi.product("AUD-1", "sellingPrice", "239.00"))
                .expectStatus().isOk();
        // above the MRP: refused, nothing written — no price, no audit record
        send(http.put().uri("/api/v1/products/" + id).header("If-Match", "\"1\""), manager, CatalogApi.product("AUD-1", "sellingPrice", "275.00"))
                .expectStatus().isBadRequest();
        send(http.post().uri("/api/v1/products/" + id + "/archive"), manager, Map.of()).expectStatus().isOk();

        List<AuditEvents.AuditRecorded> events = audit();
        assertThat(events).extracting(AuditEvents.AuditRecorded::action).containsExactly("price.changed", "product.archived");
        AuditEvents.AuditRecorded price = events.get(0);
        assertThat(price.actorId()).isEqualTo("u-manager");
        assertThat(price.actorRole()).isEqualTo("MANAGER");
        assertThat(price.deviceId()).isEqualTo(device.toString());
        assertThat(price.ip()).isEqualTo("198.51.100.20");
        assertThat(price.sourceService()).isEqualTo("catalog-service");
        assertThat(price.entityType()).isEqualTo("product");
        assertThat(price.entityId()).isEqualTo(id);
        assertThat(price.before().get("sellingPrice").asString()).isEqualTo("245.00");
        assertThat(price.after().get("sellingPrice").asString()).isEqualTo("239.00");
        assertThat(price.before().get("mrp").asString()).isEqualTo("260.00");
        assertThat(price.after().get("mrp").asString()).isEqualTo("260.00");
        AuditEvents.AuditRecorded archived = events.get(1);
        assertThat(archived.before().get("active").asBoolean()).isTrue();
        assertThat(archived.after().get("active").asBoolean()).isFalse();
        assertThat(archived.after().get("sku").asString()).isEqualTo("AUD-1");
    }

    @Test
    void aDownloadAndABackupAreRecorded() {
        send(http.post().uri("/api/v1/products"), owner, CatalogApi.product("AUD-2")).expectStatus().isCreated();
        http.get().uri("/api/v1/products/export?format=csv").headers(h -> h.setBearerAuth(manager)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        // a refused export (a format there is none of) is no download
        http.get().uri("/api/v1/products/export?format=pdf").headers(h -> h.setBearerAuth(manager)).exchange().expectStatus().isBadRequest();
        byte[] zip = http.post().uri("/api/v1/products/backup").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(zip).isNotEmpty();
        // a cashier may not back up: refused, not recorded
        http.post().uri("/api/v1/products/backup").headers(h -> h.setBearerAuth(TestInfrastructure.get().jwt().token("u-cashier", shop, "CASHIER")))
                .exchange().expectStatus().isForbidden();

        // restoring it over the shop's data needs replace=true: refused without, recorded with
        http.post().uri("/api/v1/products/restore").headers(h -> h.setBearerAuth(owner)).contentType(MediaType.parseMediaType("application/zip"))
                .bodyValue(zip).exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/products/restore?replace=true").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.parseMediaType("application/zip")).bodyValue(zip).exchange().expectStatus().isOk();

        List<AuditEvents.AuditRecorded> events = audit();
        assertThat(events).extracting(AuditEvents.AuditRecorded::action).containsExactly("export.downloaded", "backup.created", "backup.restored");
        AuditEvents.AuditRecorded restored = events.get(2);
        assertThat(restored.entityType()).isEqualTo("shop-backup");
        assertThat(restored.entityId()).isEqualTo("catalog-service");
        assertThat(restored.after().get("replace").asBoolean()).isTrue();
        assertThat(restored.after().get("fromShop").asString()).isEqualTo(shop);
        AuditEvents.AuditRecorded export = events.get(0);
        assertThat(export.actorId()).isEqualTo("u-manager");
        assertThat(export.entityType()).isEqualTo("export");
        assertThat(export.entityId()).isEqualTo("/api/v1/products/export");
        assertThat(export.after().get("query").asString()).isEqualTo("format=csv");
        assertThat(export.after().get("file").asString()).endsWith(".csv");
        AuditEvents.AuditRecorded backup = events.get(1);
        assertThat(backup.actorId()).isEqualTo("u-owner");
        assertThat(backup.actorRole()).isEqualTo("OWNER");
        assertThat(backup.entityType()).isEqualTo("shop-backup");
        assertThat(backup.entityId()).isEqualTo("catalog-service");
        assertThat(backup.after().get("file").asString()).startsWith("catalog-service-" + shop);
    }
}
