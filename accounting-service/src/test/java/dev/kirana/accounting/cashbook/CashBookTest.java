package dev.kirana.accounting.cashbook;

import static dev.kirana.accounting.BooksTestSupport.ok;
import static dev.kirana.accounting.BooksTestSupport.problem;

import dev.kirana.accounting.BooksTestSupport;


import static dev.kirana.accounting.BooksTestSupport.accountingProbe;
import static dev.kirana.accounting.BooksTestSupport.d;
import static dev.kirana.accounting.BooksTestSupport.net;
import static dev.kirana.accounting.BooksTestSupport.newShop;
import static dev.kirana.accounting.BooksTestSupport.owner;
import static dev.kirana.accounting.BooksTestSupport.publishAt;
import static dev.kirana.accounting.BooksTestSupport.published;
import static dev.kirana.accounting.BooksTestSupport.token;
import static dev.kirana.accounting.BooksTestSupport.trialBalance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The cash book and the day close against the real PostgreSQL and Kafka. The days are fixed dates in the past (not
 * "today"), so the test does not change when it runs across midnight in India.
 */
@KiranaServiceTest
@SuppressWarnings("unchecked")
class CashBookTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate DAY = LocalDate.of(2026, 10, 14);

    @Autowired
    WebTestClient http;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    WebTestClient.ResponseSpec post(String uri, String token, Object body) {
        return BooksTestSupport.post(http, uri, token, body);
    }

    Map<String, Object> cashBook(String shop, LocalDate day) {
        return ok(http.get().uri("/api/v1/accounting/cash-book?date=" + day).headers(h -> h.setBearerAuth(owner(shop))).exchange(), 200);
    }

    /** A cash sale at 5% GST intra-state at {@code time} on {@code day}: total = taxable + CGST + SGST. */
    static void cashSale(String shop, LocalDate day, LocalTime time, String total, String taxable, String halfTax) {
        String orderId = "o-" + UUID.randomUUID();
        var at = day.atTime(time).atZone(IST).toInstant();
        var sale = new OrderEvents.OrderConfirmed(orderId, "u-cashier", "INR", List.of(new OrderEvents.OrderLine("p-atta", "ATTA", "Atta",
                d("1"), d(total), d(total))), d(total), at, "INV/2627/" + orderId.substring(2, 7), at, null, "TAX_INVOICE", "29", "29",
                "INTRA_STATE", null, List.of(new OrderEvents.Tender("CASH", d(total), null, null, null, null)), d("0"), d(taxable),
                d(halfTax), d(halfTax), d("0"), d("0"), 0L);
        publishAt(Topics.ORDER, orderId, shop, EventTypes.ORDER_CONFIRMED, sale, at.atOffset(java.time.ZoneOffset.UTC));
    }

    @Test
    void aDayWithSalesAndAnExpenseIsClosedWithAShortageAndThenLockedForTheCounter() {
        String shop = newShop();
        try (TopicProbe probe = accountingProbe()) {
            // the evening before: 2,000.00 put into the drawer by the owner (Dr cash 1000 / Cr capital 3000)
            ok(post("/api/v1/accounting/journal-entries", owner(shop), Map.of("date", DAY.minusDays(1).toString(), "narration", "Float for the drawer",
                    "lines", List.of(Map.of("account", "1000", "debit", "2000.00"), Map.of("account", "3000", "credit", "2000.00")))), 201);
            // the day: cash sales of 3,450.00 (taxable 3,285.72 + CGST 82.14 + SGST 82.14), electricity 300.00 paid from the drawer
            cashSale(shop, DAY, LocalTime.of(10, 0), "3450.00", "3285.72", "82.14");
            await().atMost(Duration.ofSeconds(30)).until(() -> ((List<?>) cashBook(shop, DAY).get("movements")).size() == 1);
            ok(post("/api/v1/accounting/expenses", owner(shop), Map.of("date", DAY.toString(), "category", "PACKAGING", "amount", "300.00",
                    "mode", "CASH")), 201);

            // book: 2,000.00 + 3,450.00 − 300.00 = 5,150.00
            Map<String, Object> day = cashBook(shop, DAY);
            assertThat(day).containsEntry("opening", "2000.00").containsEntry("totalIn", "3450.00").containsEntry("totalOut", "300.00")
                    .containsEntry("closing", "5150.00").containsEntry("close", null);
            List<Map<String, Object>> movements = (List<Map<String, Object>>) day.get("movements");
            assertThat(movements).extracting(m -> m.get("balance")).containsExactly("5450.00", "5150.00");
            assertThat((String) movements.get(0).get("source")).startsWith("order.confirmed:");
            assertThat((String) movements.get(1).get("narration")).contains("Packaging");

            // the cashier neither sees the book nor closes (a blind count)
            problem(http.get().uri("/api/v1/accounting/cash-book?date=" + DAY).headers(h -> h.setBearerAuth(token(shop, "CASHIER"))).exchange(), 403, "");
            problem(post("/api/v1/accounting/cash-book/" + DAY + "/close", token(shop, "CASHIER"), Map.of("counted", "5100.00")), 403, "");

            // counted 5,100.00: variance 5,100.00 − 5,150.00 = −50.00, Dr cash short/over 5400 50.00 / Cr cash 50.00
            Map<String, Object> close = ok(post("/api/v1/accounting/cash-book/" + DAY + "/close", owner(shop), Map.of("counted", "5100.00")), 201);
            assertThat(close).containsEntry("counted", "5100.00").containsEntry("expected", "5150.00").containsEntry("variance", "-50.00")
                    .containsEntry("closedBy", "u-owner");
            assertThat(close.get("entryId")).isNotNull();
            var tb = trialBalance(http, shop);
            assertThat(net(tb, "5400")).isEqualByComparingTo("50.00");
            assertThat(net(tb, "1000")).isEqualByComparingTo("5100.00");
            assertThat(cashBook(shop, DAY)).containsEntry("closing", "5100.00");

            // closed: a second close, a cash expense and a cash entry by hand dated on it are 409; nothing written
            problem(post("/api/v1/accounting/cash-book/" + DAY + "/close", owner(shop), Map.of("counted", "5100.00")), 409, "closed");
            problem(post("/api/v1/accounting/expenses", owner(shop), Map.of("date", DAY.toString(), "category", "MISC", "amount", "10",
                    "mode", "CASH")), 409, "day-closed");
            problem(post("/api/v1/accounting/journal-entries", owner(shop), Map.of("date", DAY.toString(), "narration", "late float",
                    "lines", List.of(Map.of("account", "1000", "debit", "5.00"), Map.of("account", "3000", "credit", "5.00")))), 409, "day-closed");
            // and so is cash collected from a customer at the counter on it
            String asha = (String) ok(post("/api/v1/accounting/parties", owner(shop), Map.of("kind", "CUSTOMER", "name", "Asha",
                    "phone", "9876500077")), 201).get("id");
            problem(post("/api/v1/accounting/parties/" + asha + "/collections", owner(shop), Map.of("amount", "20.00", "mode", "CASH",
                    "date", DAY.toString())), 409, "day-closed");
            // a bank expense does not touch the drawer, so it is taken
            ok(post("/api/v1/accounting/expenses", owner(shop), Map.of("date", DAY.toString(), "category", "RENT", "amount", "100",
                    "mode", "BANK")), 201);
            assertThat(net(trialBalance(http, shop), "1000")).isEqualByComparingTo("5100.00");

            // a sale of that day announced late still posts on it, marked as after the close
            cashSale(shop, DAY, LocalTime.of(19, 0), "105.00", "100.00", "2.50");
            await().atMost(Duration.ofSeconds(30)).until(() -> ((List<?>) cashBook(shop, DAY).get("movements")).size() == 4);
            List<Map<String, Object>> after = (List<Map<String, Object>>) cashBook(shop, DAY).get("movements");
            assertThat(after.get(3)).containsEntry("in", "105.00").containsEntry("afterClose", true);
            assertThat(after.get(2)).containsEntry("out", "50.00").containsEntry("afterClose", false);

            // the next day opens with 5,100.00 + 105.00 = 5,205.00; counted 5,225.00 is 20.00 over: Dr cash 20.00 / Cr 5400 20.00
            LocalDate next = DAY.plusDays(1);
            assertThat(cashBook(shop, next)).containsEntry("opening", "5205.00").containsEntry("closing", "5205.00");
            Map<String, Object> over = ok(post("/api/v1/accounting/cash-book/" + next + "/close", owner(shop), Map.of("counted", "5225.00")), 201);
            assertThat(over).containsEntry("variance", "20.00");
            // cash short/over: 50.00 short − 20.00 over = 30.00 debit
            assertThat(net(trialBalance(http, shop), "5400")).isEqualByComparingTo("30.00");
            // the two closes on the audit trail, with what the books expected, what was counted and the difference; the
            // refused close (the cashier's, the second of a day) and the refused entries are not
            var audit = BooksTestSupport.audit(db, shop).stream().filter(a -> !a.action().equals("journal.posted")).toList();
            assertThat(audit).extracting(dev.kirana.events.AuditEvents.AuditRecorded::action).containsExactly("day.closed", "day.closed");
            assertThat(audit.get(0).entityId()).isEqualTo(DAY.toString());
            assertThat(audit.get(0).after().get("expected").asString()).isEqualTo("5150.00");
            assertThat(audit.get(0).after().get("counted").asString()).isEqualTo("5100.00");
            assertThat(audit.get(0).after().get("variance").asString()).isEqualTo("-50.00");
            assertThat(audit.get(1).after().get("expected").asString()).isEqualTo("5205.00");
            assertThat(audit.get(1).after().get("variance").asString()).isEqualTo("20.00");

            List<CloudEvent> closed = published(probe, shop, EventTypes.DAY_CLOSED, l -> l.size() >= 2);
            Map<?, ?> first = EventJson.read(closed.get(0).getData().toBytes(), Map.class);
            assertThat(first.get("date")).isEqualTo(DAY.toString());
            assertThat(first.get("variance")).isEqualTo("-50.00");
            assertThat(closed.get(0).getSubject()).isEqualTo(DAY.toString());
        }
    }

    @Test
    void aCloseNeedsACountAndADayThatHasBegun() {
        String shop = newShop();
        problem(post("/api/v1/accounting/cash-book/" + DAY + "/close", owner(shop), Map.of("counted", "-1")), 400, "counted");
        problem(post("/api/v1/accounting/cash-book/" + DAY + "/close", owner(shop), Map.of()), 400, "counted");
        problem(post("/api/v1/accounting/cash-book/2999-01-01/close", owner(shop), Map.of("counted", "0")), 400, "future");
        // a day with nothing in it closes with nothing to post
        Map<String, Object> nil = ok(post("/api/v1/accounting/cash-book/" + DAY + "/close", owner(shop), Map.of("counted", "0")), 201);
        assertThat(nil).containsEntry("variance", "0.00").containsEntry("entryId", null);
        assertThat(trialBalance(http, shop)).isEmpty();
    }

    @Test
    void aCloseRacingCashExpensesCountsEveryOneThatWasTakenAndRefusesTheRest() throws Exception {
        String shop = newShop();
        LocalDate day = LocalDate.of(2026, 10, 16);
        // 10,000.00 in the drawer the day before
        ok(post("/api/v1/accounting/journal-entries", owner(shop), Map.of("date", day.minusDays(1).toString(), "narration", "Float",
                "lines", List.of(Map.of("account", "1000", "debit", "10000.00"), Map.of("account", "3000", "credit", "10000.00")))), 201);
        // twenty cash expenses of 10.00 on the day, sent while the day is being closed with 9,900.00 counted
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> expenses = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expenses.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/accounting/expenses", owner(shop), Map.of("date", day.toString(), "category", "MISC",
                            "amount", "10.00", "mode", "CASH")).expectBody().returnResult().getStatus().value();
                }));
            }
            var close = pool.submit(() -> {
                start.await();
                Thread.sleep(20);
                return ok(post("/api/v1/accounting/cash-book/" + day + "/close", owner(shop), Map.of("counted", "9900.00")), 201);
            });
            start.countDown();
            int taken = 0;
            for (var f : expenses) {
                int status = f.get();
                assertThat(status).isIn(201, 409);
                taken += status == 201 ? 1 : 0;
            }
            Map<String, Object> closed = close.get();
            // every expense taken is in the book the count was compared with: 10,000.00 − 10.00 × taken; the rest were refused
            var expected = d("10000.00").subtract(d("10.00").multiply(java.math.BigDecimal.valueOf(taken)));
            assertThat(d((String) closed.get("expected"))).isEqualByComparingTo(expected);
            assertThat(d((String) closed.get("variance"))).isEqualByComparingTo(d("9900.00").subtract(expected));
            // and the books say what was counted
            assertThat(net(trialBalance(http, shop), "1000")).isEqualByComparingTo("9900.00");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCashCollectionOfAClosedDayIsReversedOnAnOpenDay() {
        String shop = newShop();
        String ravi = (String) ok(post("/api/v1/accounting/parties", owner(shop), Map.of("kind", "CUSTOMER", "name", "Ravi",
                "phone", "9876500078")), 201).get("id");
        // 20.00 collected in cash on the day; the drawer holds exactly that at the close: variance 0.00
        String payment = (String) ok(post("/api/v1/accounting/parties/" + ravi + "/collections", owner(shop), Map.of("amount", "20.00",
                "mode", "CASH", "date", DAY.toString())), 201).get("id");
        assertThat(ok(post("/api/v1/accounting/cash-book/" + DAY + "/close", owner(shop), Map.of("counted", "20.00")), 201))
                .containsEntry("variance", "0.00");
        problem(post("/api/v1/accounting/payments/" + payment + "/reversal", owner(shop), Map.of("reason", "wrong customer",
                "date", DAY.toString())), 409, "day-closed");
        ok(post("/api/v1/accounting/payments/" + payment + "/reversal", owner(shop), Map.of("reason", "wrong customer",
                "date", DAY.plusDays(1).toString())), 201);
        // the closed day keeps its 20.00; the next day opens with it and pays it back: 20.00 − 20.00 = 0.00
        assertThat(cashBook(shop, DAY)).containsEntry("closing", "20.00");
        assertThat(cashBook(shop, DAY.plusDays(1))).containsEntry("opening", "20.00").containsEntry("closing", "0.00");
    }
}
