package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ShopsAndMembersTest extends AuthServiceTest {

    @Test
    void ownerCreatesAShopSwitchesToItAndTheEventsArePublished() {
        String email = uniqueEmail("sharma");
        Map<String, Object> reg = register("Ravi Sharma", email, uniquePhone(), "sharma-store-1");
        assertThat(reg.get("shopId")).isNull();
        assertThat(reg.get("roles")).isEqualTo(List.of());
        String token = (String) reg.get("accessToken");

        Map<String, Object> shop = json(post("/api/v1/shops", token, Map.of("name", "Sharma General Store", "stateCode", "27",
                "gstin", "27AAPFU0939F1ZV", "registrationType", "REGULAR", "address", "14 Station Road, Pune"))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/shops/[0-9a-f-]{36}")
                .expectHeader().exists("ETag"));
        String shopId = (String) shop.get("id");
        assertThat(shop).containsEntry("stateName", "Maharashtra").containsEntry("currency", "INR")
                .containsEntry("role", "OWNER").containsEntry("financialYearStartMonth", 4)
                .containsEntry("timeZone", "Asia/Kolkata");

        Map<String, Object> switched = json(post("/api/v1/auth/switch-shop", token,
                Map.of("shopId", shopId, "refreshToken", reg.get("refreshToken"))).expectStatus().isOk());
        assertThat(switched).containsEntry("shopId", shopId);
        assertThat(switched.get("roles")).isEqualTo(List.of("OWNER"));
        // refreshing keeps the active shop
        Map<String, Object> refreshed = json(post("/api/v1/auth/token/refresh", null,
                Map.of("refreshToken", switched.get("refreshToken"))).expectStatus().isOk());
        assertThat(refreshed).containsEntry("shopId", shopId);
        // the session continued through the switch: the presented refresh token was consumed
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", reg.get("refreshToken"))).expectStatus().isUnauthorized();

        http.get().uri("/api/v1/shops").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(shopId);

        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SHOP)) {
            var records = probe.awaitUntil(rs -> rs.stream().filter(r -> shopId.equals(r.key())).count() >= 2, Duration.ofSeconds(30));
            List<CloudEvent> events = records.stream().filter(r -> shopId.equals(r.key())).map(KiranaEvents::fromRecord).toList();
            var validator = new EventSchemaValidator();
            events.forEach(e -> assertThat(validator.validate(e)).as(e.getType()).isEmpty());
            CloudEvent created = events.get(0);
            assertThat(created.getType()).isEqualTo(EventTypes.SHOP_CREATED);
            assertThat(KiranaEvents.shopId(created)).isEqualTo(shopId);
            var data = KiranaEvents.data(created, ShopEvents.ShopCreated.class);
            assertThat(data.gstin()).isEqualTo("27AAPFU0939F1ZV");
            assertThat(data.ownerUserId()).isEqualTo(reg.get("userId"));
            assertThat(data.timeZone()).isEqualTo("Asia/Kolkata");
            assertThat(events.get(1).getType()).isEqualTo(EventTypes.MEMBER_ADDED);
            assertThat(KiranaEvents.data(events.get(1), ShopEvents.MemberAdded.class).role()).isEqualTo("OWNER");
        }
    }

    @Test
    void gstinIsCheckedForFormatCheckCharacterAndState() {
        String token = (String) register("G", uniqueEmail("gst"), null, "gst-check-123").get("accessToken");
        // a valid Maharashtra GSTIN for a Karnataka shop
        post("/api/v1/shops", token, Map.of("name", "X", "stateCode", "29", "gstin", "27AAPFU0939F1ZV"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("gstin")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("not in state 29"));
        // one character changed: the check character no longer matches
        post("/api/v1/shops", token, Map.of("name", "X", "stateCode", "27", "gstin", "27AAPFU0939F1ZW"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("check character"));
        post("/api/v1/shops", token, Map.of("name", "X", "stateCode", "27", "gstin", "27-not-a-gstin"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("gstin");
        post("/api/v1/shops", token, Map.of("name", "X", "stateCode", "55"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("stateCode");
        post("/api/v1/shops", token, Map.of("name", "X", "stateCode", "29", "currency", "XYZ"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("currency");
        // control characters are not whitespace to @NotBlank, but they trim away: no shop with an empty name
        post("/api/v1/shops", token, Map.of("name", "\u0001\u0007", "stateCode", "29"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void ownerAddsACashierWhoLogsInWithTheirOwnTokenAndCannotDoOwnerThings() {
        Owner owner = newOwnerWithShop("Cashier Test Store");
        String cashierEmail = uniqueEmail("cashier");
        Map<String, Object> member = json(post("/api/v1/shops/" + owner.shopId() + "/members", owner.token(),
                Map.of("email", cashierEmail, "name", "Asha", "role", "CASHIER", "initialPassword", "counter-one-2026"))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/members/[0-9a-f-]{36}"));
        assertThat(member).containsEntry("role", "CASHIER").containsEntry("accountCreated", true);

        Map<String, Object> cashier = login(cashierEmail, "counter-one-2026");
        assertThat(cashier).containsEntry("shopId", owner.shopId());
        assertThat(cashier.get("roles")).isEqualTo(List.of("CASHIER"));
        String cashierToken = (String) cashier.get("accessToken");

        // owner-only actions: 403 problem
        post("/api/v1/shops/" + owner.shopId() + "/members", cashierToken, Map.of("email", uniqueEmail("x"), "name", "X", "role", "CASHIER"))
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.patch().uri("/api/v1/shops/" + owner.shopId()).headers(h -> h.setBearerAuth(cashierToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Mine now")).exchange()
                .expectStatus().isForbidden();
        post("/api/v1/clients", cashierToken, Map.of("name", "x", "scopes", List.of("orders:read"))).expectStatus().isForbidden();

        // an auditor may read but writes nothing (platform rule and the shop's own rule)
        String auditorEmail = uniqueEmail("auditor");
        post("/api/v1/shops/" + owner.shopId() + "/members", owner.token(),
                Map.of("email", auditorEmail, "name", "CA Mehta", "role", "AUDITOR", "initialPassword", "audit-all-2026"))
                .expectStatus().isCreated();
        String auditor = (String) login(auditorEmail, "audit-all-2026").get("accessToken");
        http.get().uri("/api/v1/shops/" + owner.shopId() + "/members").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(3);
        post("/api/v1/shops/" + owner.shopId() + "/members", auditor, Map.of("email", uniqueEmail("y"), "name", "Y", "role", "CASHIER"))
                .expectStatus().isForbidden();
        post("/api/v1/devices", auditor, Map.of("name", "tablet")).expectStatus().isForbidden();
    }

    @Test
    void anotherShopsDataIsNotFound() {
        Owner a = newOwnerWithShop("Shop A");
        Owner b = newOwnerWithShop("Shop B");
        http.get().uri("/api/v1/shops/" + b.shopId()).headers(h -> h.setBearerAuth(a.token())).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/shops/" + b.shopId() + "/members").headers(h -> h.setBearerAuth(a.token())).exchange()
                .expectStatus().isNotFound();
        post("/api/v1/shops/" + b.shopId() + "/members", a.token(), Map.of("email", uniqueEmail("z"), "name", "Z", "role", "OWNER"))
                .expectStatus().isNotFound();
        post("/api/v1/auth/switch-shop", a.token(), Map.of("shopId", b.shopId())).expectStatus().isNotFound();
        http.get().uri("/api/v1/shops/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(a.token())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void shopUpdatesUseEtagsAndRolesChangeAndMembersLeave() {
        Owner owner = newOwnerWithShop("Etag Store");
        String etag = http.get().uri("/api/v1/shops/" + owner.shopId()).headers(h -> h.setBearerAuth(owner.token())).exchange()
                .expectStatus().isOk().returnResult(Map.class).getResponseHeaders().getETag();
        http.patch().uri("/api/v1/shops/" + owner.shopId()).headers(h -> {
                    h.setBearerAuth(owner.token());
                    h.setIfMatch(etag);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Etag Store & Dairy", "registrationType", "COMPOSITION",
                        "timeZone", "Asia/Dubai"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Etag Store & Dairy")
                .jsonPath("$.timeZone").isEqualTo("Asia/Dubai").jsonPath("$.version").isEqualTo(1);
        // a zone that does not exist (or a bare offset) is a 400 naming the field, and nothing changes
        for (String zone : List.of("Mars/Olympus", "+05:30")) {
            http.patch().uri("/api/v1/shops/" + owner.shopId()).headers(h -> h.setBearerAuth(owner.token()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("timeZone", zone))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("timeZone");
        }
        http.patch().uri("/api/v1/shops/" + owner.shopId()).headers(h -> {
                    h.setBearerAuth(owner.token());
                    h.setIfMatch(etag);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Lost update"))
                .exchange().expectStatus().isEqualTo(412);

        String managerEmail = uniqueEmail("mgr");
        Map<String, Object> m = json(post("/api/v1/shops/" + owner.shopId() + "/members", owner.token(),
                Map.of("email", managerEmail, "name", "Manager", "role", "CASHIER", "initialPassword", "manage-it-2026")).expectStatus().isCreated());
        String managerId = (String) m.get("userId");
        Map<String, Object> before = login(managerEmail, "manage-it-2026");
        http.patch().uri("/api/v1/shops/" + owner.shopId() + "/members/" + managerId).headers(h -> h.setBearerAuth(owner.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "MANAGER"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("MANAGER");
        // the next refresh carries the new role
        Map<String, Object> after = json(post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", before.get("refreshToken"))).expectStatus().isOk());
        assertThat(after.get("roles")).isEqualTo(List.of("MANAGER"));

        // the last owner cannot leave or be demoted
        http.delete().uri("/api/v1/shops/" + owner.shopId() + "/members/" + owner.userId()).headers(h -> h.setBearerAuth(owner.token()))
                .exchange().expectStatus().isEqualTo(409);
        // a manager cannot remove the owner
        http.delete().uri("/api/v1/shops/" + owner.shopId() + "/members/" + owner.userId())
                .headers(h -> h.setBearerAuth((String) after.get("accessToken"))).exchange().expectStatus().isForbidden();
        // removing the manager ends their sessions in the shop
        http.delete().uri("/api/v1/shops/" + owner.shopId() + "/members/" + managerId).headers(h -> h.setBearerAuth(owner.token()))
                .exchange().expectStatus().isNoContent();
        post("/api/v1/auth/token/refresh", null, Map.of("refreshToken", after.get("refreshToken"))).expectStatus().isUnauthorized();

        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SHOP)) {
            var records = probe.awaitUntil(rs -> rs.stream().anyMatch(r -> owner.shopId().equals(r.key())
                    && EventTypes.MEMBER_REMOVED.equals(TopicProbe.header(r, "ce_type"))), Duration.ofSeconds(30));
            var validator = new EventSchemaValidator();
            var types = new HashMap<String, Integer>();
            records.stream().filter(r -> owner.shopId().equals(r.key())).map(KiranaEvents::fromRecord).forEach(e -> {
                assertThat(validator.validate(e)).as(e.getType()).isEmpty();
                types.merge(e.getType(), 1, Integer::sum);
            });
            records.stream().filter(r -> owner.shopId().equals(r.key())).map(KiranaEvents::fromRecord)
                    .filter(e -> EventTypes.SHOP_UPDATED.equals(e.getType()))
                    .forEach(e -> assertThat(KiranaEvents.data(e, ShopEvents.ShopUpdated.class).timeZone()).isEqualTo("Asia/Dubai"));
            assertThat(types).containsEntry(EventTypes.SHOP_UPDATED, 1).containsEntry(EventTypes.MEMBER_REMOVED, 1)
                    .containsEntry(EventTypes.MEMBER_ADDED, 3);
        }
    }
}
