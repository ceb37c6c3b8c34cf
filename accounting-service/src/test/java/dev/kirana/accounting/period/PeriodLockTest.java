package dev.kirana.accounting.period;

import static dev.kirana.accounting.BooksTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@KiranaServiceTest
class PeriodLockTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Autowired
    WebTestClient http;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    @Test
    void aLockedMonthTakesNoEntryByHandAndLateEventsPostOnTheFirstOpenDate() {
        String shop = newShop();
        YearMonth thisMonth = YearMonth.now(IST);
        YearMonth last = thisMonth.minusMonths(1);
        // an entry made for last month before it is locked
        byte[] made = http.post().uri("/api/v1/accounting/journal-entries").headers(h -> {
                    h.setBearerAuth(owner(shop));
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", last.atDay(5).toString(), "narration", "Packaging bought for cash",
                        "lines", List.of(Map.of("account", "5340", "debit", "450.00"), Map.of("account", "1000", "credit", "450.00"))))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        String madeId = com.jayway.jsonpath.JsonPath.read(new String(made, java.nio.charset.StandardCharsets.UTF_8), "$.id");
        try (TopicProbe probe = accountingProbe()) {
            http.post().uri("/api/v1/accounting/periods/{m}/lock", last).headers(h -> h.setBearerAuth(owner(shop))).exchange()
                    .expectStatus().isCreated().expectBody()
                    .jsonPath("$.period").isEqualTo(last.toString())
                    .jsonPath("$.from").isEqualTo(last.atDay(1).toString())
                    .jsonPath("$.to").isEqualTo(last.atEndOfMonth().toString())
                    .jsonPath("$.lockedBy").isEqualTo("u-owner");
            // again: nothing new
            http.post().uri("/api/v1/accounting/periods/{m}/lock", last).headers(h -> h.setBearerAuth(owner(shop))).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.period").isEqualTo(last.toString());
            List<CloudEvent> locked = published(probe, shop, EventTypes.PERIOD_LOCKED, l -> !l.isEmpty());
            assertThat(locked).hasSize(1);
            var data = KiranaEvents.data(locked.get(0), AccountingEvents.PeriodLocked.class);
            assertThat(data.period()).isEqualTo(last.toString());
            assertThat(data.from()).isEqualTo(last.atDay(1));
            assertThat(data.to()).isEqualTo(last.atEndOfMonth());
            assertThat(data.lockedBy()).isEqualTo("u-owner");
        }
        // the entry and the lock on the audit trail, the lock once
        var audit = dev.kirana.accounting.BooksTestSupport.audit(db, shop);
        assertThat(audit).extracting(dev.kirana.events.AuditEvents.AuditRecorded::action).containsExactly("journal.posted", "period.locked");
        assertThat(audit.get(1).entityId()).isEqualTo(last.toString());
        assertThat(audit.get(1).before().get("locked").asBoolean()).isFalse();
        assertThat(audit.get(1).after().get("to").asString()).isEqualTo(last.atEndOfMonth().toString());
        http.get().uri("/api/v1/accounting/periods/locks").headers(h -> h.setBearerAuth(token(shop, "AUDITOR"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].period").isEqualTo(last.toString());

        // an entry by hand for the 10th of the locked month
        http.post().uri("/api/v1/accounting/journal-entries").headers(h -> {
                    h.setBearerAuth(owner(shop));
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", last.atDay(10).toString(), "narration", "Electricity",
                        "lines", List.of(Map.of("account", "5310", "debit", "1200.00"), Map.of("account", "1000", "credit", "1200.00"))))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/period-locked");

        // its reversal cannot go into the locked month, but can go into this one
        http.post().uri("/api/v1/accounting/journal-entries/{id}/reversal", madeId).headers(h -> {
                    h.setBearerAuth(owner(shop));
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", last.atDay(20).toString()))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/period-locked");
        http.post().uri("/api/v1/accounting/journal-entries/{id}/reversal", madeId).headers(h -> {
                    h.setBearerAuth(owner(shop));
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.date").isEqualTo(LocalDate.now(IST).toString())
                .jsonPath("$.lines[0].credit").isEqualTo("450.00");

        // a sale of the 15th of the locked month whose event comes late: booked on the 1st of this month, dated the 15th
        String order = UUID.randomUUID().toString();
        LocalDate soldOn = last.atDay(15);
        publishAt(Topics.ORDER, order, shop, EventTypes.ORDER_CONFIRMED, new OrderEvents.OrderConfirmed(order, "u-cashier", "INR", List.of(),
                        d("118.00"), Instant.now(), "INV/2627/00031", Instant.now(), null, "TAX_INVOICE", "29", "29", "INTRA_STATE", null,
                        List.of(new OrderEvents.Tender("CASH", d("118.00"), null, null, null, null)), d("0"), d("100.00"), d("9.00"), d("9.00"),
                        d("0"), d("0"), 0L),
                soldOn.atTime(11, 30).atZone(IST).toOffsetDateTime());
        await().atMost(Duration.ofSeconds(30)).until(() -> trialBalance(http, shop).containsKey("4000"));
        LocalDate firstOpen = thisMonth.atDay(1);
        http.get().uri("/api/v1/accounting/journal-entries?from={f}&to={t}&kind=POSTED", last.atDay(1), thisMonth.atEndOfMonth())
                .headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].date").isEqualTo(firstOpen.toString())
                .jsonPath("$[0].originalDate").isEqualTo(soldOn.toString())
                .jsonPath("$[0].narration").value(n -> assertThat((String) n).contains("INV/2627/00031").contains(soldOn.toString()))
                .jsonPath("$[0].total").isEqualTo("118.00");
    }

    /** Entries by hand for a month race its lock: each lands before the lock or is refused; none is half-written, none fails otherwise. */
    @Test
    void entriesRacingALockEitherLandBeforeItOrAreRefused() throws Exception {
        String shop = newShop();
        YearMonth last = YearMonth.now(IST).minusMonths(1);
        Map<String, Object> electricity = Map.of("date", last.atDay(10).toString(), "narration", "Electricity",
                "lines", List.of(Map.of("account", "5310", "debit", "100.00"), Map.of("account", "1000", "credit", "100.00")));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> posts = new java.util.ArrayList<>();
            java.util.concurrent.Future<Integer> lock = null;
            for (int i = 0; i < 24; i++) {
                if (i == 8) {
                    lock = pool.submit(() -> http.post().uri("/api/v1/accounting/periods/{m}/lock", last).headers(h -> h.setBearerAuth(owner(shop)))
                            .exchange().expectBody().returnResult().getStatus().value());
                }
                posts.add(pool.submit(() -> http.post().uri("/api/v1/accounting/journal-entries").headers(h -> {
                            h.setBearerAuth(owner(shop));
                            h.set("Idempotency-Key", UUID.randomUUID().toString());
                        }).contentType(MediaType.APPLICATION_JSON).bodyValue(electricity)
                        .exchange().expectBody().returnResult().getStatus().value()));
            }
            assertThat(lock.get()).isEqualTo(201);
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : posts) {
                statuses.add(f.get());
            }
            assertThat(statuses).allMatch(s -> s == 201 || s == 409);
            long landed = statuses.stream().filter(s -> s == 201).count();
            // what landed is all there is: 100.00 for each 201
            assertThat(net(trialBalance(http, shop), "5310")).isEqualByComparingTo(d("100.00").multiply(java.math.BigDecimal.valueOf(landed)));
        } finally {
            pool.shutdown();
        }
        http.post().uri("/api/v1/accounting/journal-entries").headers(h -> {
                    h.setBearerAuth(owner(shop));
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(electricity)
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/period-locked");
    }

    @Test
    void onlyTheOwnerLocksAndOnlyAMonthThatHasEnded() {
        String shop = newShop();
        YearMonth thisMonth = YearMonth.now(IST);
        http.post().uri("/api/v1/accounting/periods/{m}/lock", thisMonth.minusMonths(1)).headers(h -> h.setBearerAuth(token(shop, "MANAGER")))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        http.post().uri("/api/v1/accounting/periods/{m}/lock", thisMonth).headers(h -> h.setBearerAuth(owner(shop)))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/period-open");
        http.post().uri("/api/v1/accounting/periods/{m}/lock", "March-2026").headers(h -> h.setBearerAuth(owner(shop)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
        http.get().uri("/api/v1/accounting/periods/locks").headers(h -> h.setBearerAuth(token(shop, "CASHIER"))).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        http.get().uri("/api/v1/accounting/periods/locks").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody().json("[]");
    }
}
