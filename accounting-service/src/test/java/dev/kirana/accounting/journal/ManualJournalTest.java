package dev.kirana.accounting.journal;

import static dev.kirana.accounting.BooksTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@KiranaServiceTest
class ManualJournalTest {
    static final String ENTRIES = "/api/v1/accounting/journal-entries";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Autowired
    WebTestClient http;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    WebTestClient.ResponseSpec post(String token, String key, Object body) {
        return http.post().uri(ENTRIES).headers(h -> {
            h.setBearerAuth(token);
            if (key != null) h.set("Idempotency-Key", key);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static Map<String, Object> rent(String amount) {
        return Map.of("date", TODAY.toString(), "narration", "Shop rent paid in cash", "reference", "Rent receipt 14",
                "lines", List.of(Map.of("account", "5300", "debit", amount), Map.of("account", "1000", "credit", amount)));
    }

    @Test
    void anOwnerPostsRentOnceAndReversesItOnce() {
        String shop = newShop();
        String key = UUID.randomUUID().toString();
        String id;
        try (TopicProbe probe = accountingProbe()) {
            byte[] body = post(owner(shop), key, rent("15000.00")).expectStatus().isCreated()
                    .expectHeader().value("Location", l -> assertThat(l).startsWith(ENTRIES + "/"))
                    .expectBody()
                    .jsonPath("$.kind").isEqualTo("MANUAL")
                    .jsonPath("$.total").isEqualTo("15000.00")
                    .jsonPath("$.lines[0].accountName").isEqualTo("Rent")
                    .jsonPath("$.lines[0].debit").isEqualTo("15000.00")
                    .jsonPath("$.lines[1].account").isEqualTo("1000")
                    .jsonPath("$.lines[1].credit").isEqualTo("15000.00")
                    .jsonPath("$.createdBy").isEqualTo("u-owner")
                    .returnResult().getResponseBody();
            id = com.jayway.jsonpath.JsonPath.read(new String(body, java.nio.charset.StandardCharsets.UTF_8), "$.id");
            List<?> entries = http.get().uri(ENTRIES + "?from={from}&to={to}&kind=MANUAL", TODAY, TODAY).headers(h -> h.setBearerAuth(owner(shop)))
                    .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            assertThat(entries).hasSize(1);
            assertThat(((Map<?, ?>) entries.get(0)).get("id")).isEqualTo(id);
            String entryId = id;
            // the retry of a request whose answer was lost gets the same answer, and posts nothing more
            post(owner(shop), key, rent("15000.00")).expectStatus().isCreated()
                    .expectHeader().valueEquals("Idempotent-Replayed", "true")
                    .expectBody().jsonPath("$.id").isEqualTo(entryId);
            assertThat(net(trialBalance(http, shop), "5300")).isEqualByComparingTo("15000.00");
            assertThat(net(trialBalance(http, shop), "1000")).isEqualByComparingTo("-15000.00");

            http.post().uri(ENTRIES + "/{id}/reversal", entryId).headers(h -> {
                        h.setBearerAuth(token(shop, "MANAGER"));
                        h.set("Idempotency-Key", UUID.randomUUID().toString());
                    }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("narration", "Rent entered twice"))
                    .exchange().expectStatus().isCreated().expectBody()
                    .jsonPath("$.kind").isEqualTo("REVERSAL")
                    .jsonPath("$.reversalOf").isEqualTo(entryId)
                    .jsonPath("$.lines[0].credit").isEqualTo("15000.00")
                    .jsonPath("$.lines[1].debit").isEqualTo("15000.00");
            assertThat(net(trialBalance(http, shop), "5300")).isEqualByComparingTo("0");
            assertThat(net(trialBalance(http, shop), "1000")).isEqualByComparingTo("0");
            http.get().uri(ENTRIES + "/{id}", entryId).headers(h -> h.setBearerAuth(token(shop, "AUDITOR"))).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.reversedBy").isNotEmpty();

            List<CloudEvent> posted = published(probe, shop, EventTypes.JOURNAL_POSTED, l -> l.size() >= 2);
            assertThat(posted).hasSize(2);
            // keyed by entry: the two may sit on different partitions, so find each by its kind
            List<AccountingEvents.JournalPosted> data = posted.stream().map(e -> KiranaEvents.data(e, AccountingEvents.JournalPosted.class)).toList();
            var first = data.stream().filter(p -> p.kind().equals("MANUAL")).findFirst().orElseThrow();
            assertThat(first.entryId()).isEqualTo(entryId);
            assertThat(first.kind()).isEqualTo("MANUAL");
            assertThat(first.total()).isEqualByComparingTo("15000.00");
            assertThat(first.lines()).containsExactly(new AccountingEvents.JournalLine("5300", d("15000.00"), d("0.00")),
                    new AccountingEvents.JournalLine("1000", d("0.00"), d("15000.00")));
            var second = data.stream().filter(p -> p.kind().equals("REVERSAL")).findFirst().orElseThrow();
            assertThat(second.kind()).isEqualTo("REVERSAL");
            assertThat(second.reversalOf()).isEqualTo(entryId);
            assertThat(second.narration()).isEqualTo("Rent entered twice");
        }
        String entryId = id;
        // once only; and a reversal is not reversed
        http.post().uri(ENTRIES + "/{id}/reversal", entryId).headers(h -> {
            h.setBearerAuth(owner(shop));
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("reversed already"));
        http.post().uri(ENTRIES + "/{id}/reversal", UUID.randomUUID()).headers(h -> {
            h.setBearerAuth(owner(shop));
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).exchange().expectStatus().isNotFound().expectBody().jsonPath("$.status").isEqualTo(404);
        // on the audit trail: the entry once (not its replay) and its reversal once (not the refused second one)
        var audit = dev.kirana.accounting.BooksTestSupport.audit(db, shop);
        assertThat(audit).extracting(dev.kirana.events.AuditEvents.AuditRecorded::action).containsExactly("journal.posted", "journal.reversed");
        assertThat(audit.get(0).entityId()).isEqualTo(entryId);
        assertThat(audit.get(0).actorRole()).isEqualTo("OWNER");
        assertThat(audit.get(0).before()).isNull();
        assertThat(audit.get(0).after().get("total").asString()).isEqualTo("15000.00");
        assertThat(audit.get(0).after().get("lines").get(0).get("account").asString()).isEqualTo("5300");
        assertThat(audit.get(0).after().get("lines").get(0).get("debit").asString()).isEqualTo("15000.00");
        assertThat(audit.get(1).actorRole()).isEqualTo("MANAGER");
        assertThat(audit.get(1).before().get("entryId").asString()).isEqualTo(entryId);
        assertThat(audit.get(1).after().get("reversalOf").asString()).isEqualTo(entryId);
        assertThat(audit.get(1).after().get("narration").asString()).isEqualTo("Rent entered twice");
    }

    @Test
    void badEntriesAreRefusedAndNothingIsWritten() {
        String shop = newShop();
        String owner = owner(shop);
        // 15000.00 against 1500.00
        post(owner, UUID.randomUUID().toString(), Map.of("date", TODAY.toString(), "narration", "Rent",
                "lines", List.of(Map.of("account", "5300", "debit", "15000.00"), Map.of("account", "1000", "credit", "1500.00"))))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("lines")
                .jsonPath("$.errors[0].message").isEqualTo("debits 15000.00 do not equal credits 1500.00 (difference 13500.00)");
        post(owner, UUID.randomUUID().toString(), Map.of("date", TODAY.toString(), "narration", "Rent",
                "lines", List.of(Map.of("account", "5300", "debit", "15000.00"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines");
        post(owner, UUID.randomUUID().toString(), Map.of("date", TODAY.toString(), "narration", "Rent",
                "lines", List.of(Map.of("account", "5300", "debit", "-10.00"), Map.of("account", "1000", "debit", "10.00"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].debit");
        post(owner, UUID.randomUUID().toString(), Map.of("date", TODAY.toString(), "narration", "Rent",
                "lines", List.of(Map.of("account", "5399", "debit", "10.00"), Map.of("account", "1000", "credit", "10.00"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].account");
        post(owner, UUID.randomUUID().toString(), Map.of("narration", "Rent",
                "lines", List.of(Map.of("account", "5300", "debit", "10.00"), Map.of("account", "1000", "credit", "10.00"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        post(owner, null, rent("10.00")).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        post(token(shop, "CASHIER"), UUID.randomUUID().toString(), rent("10.00")).expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        post(token(shop, "AUDITOR"), UUID.randomUUID().toString(), rent("10.00")).expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        http.get().uri(ENTRIES + "?from={from}&to={to}", TODAY, TODAY).headers(h -> h.setBearerAuth(token(shop, "CASHIER"))).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        http.get().uri(ENTRIES + "?from={from}&to={to}", TODAY, TODAY).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody().json("[]");
        assertThat(trialBalance(http, shop)).isEmpty();
    }

    @Test
    void aCustomAccountWithPostingsCannotBeDeleted() {
        String shop = newShop();
        http.post().uri("/api/v1/accounting/accounts").headers(h -> h.setBearerAuth(owner(shop))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "5391", "name", "Tea for staff", "type", "EXPENSE")).exchange().expectStatus().isCreated().expectBody();
        post(owner(shop), UUID.randomUUID().toString(), Map.of("date", TODAY.toString(), "narration", "Tea and biscuits for the staff",
                "lines", List.of(Map.of("account", "5391", "debit", "240.00"), Map.of("account", "1000", "credit", "240.00"))))
                .expectStatus().isCreated().expectBody().jsonPath("$.lines[0].accountName").isEqualTo("Tea for staff");
        http.delete().uri("/api/v1/accounting/accounts/5391").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("has 1 postings"));
    }
}
