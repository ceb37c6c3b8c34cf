package dev.kirana.accounting.expense;

import static dev.kirana.accounting.BooksTestSupport.problem;

import static dev.kirana.accounting.BooksTestSupport.accountingProbe;
import static dev.kirana.accounting.BooksTestSupport.net;
import static dev.kirana.accounting.BooksTestSupport.newShop;
import static dev.kirana.accounting.BooksTestSupport.owner;
import static dev.kirana.accounting.BooksTestSupport.published;
import static dev.kirana.accounting.BooksTestSupport.token;
import static dev.kirana.accounting.BooksTestSupport.trialBalance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Expenses through the API against the real PostgreSQL and Kafka: GST worked out of a tax-inclusive bill, the
 * entry in the books, a receipt kept and read back, reversal by counter-entry, categories, roles and bad input.
 * Dates are fixed days in the past, so the test does not depend on when it runs.
 */
@KiranaServiceTest
@SuppressWarnings("unchecked")
class ExpenseTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    WebTestClient http;

    WebTestClient.ResponseSpec post(String uri, String token, String key, Object body) {
        return http.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Map<String, Object> ok(WebTestClient.ResponseSpec spec, int status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = spec.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
        return body;
    }

    static Map<String, Object> expense(String date, String category, String amount, String mode, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("date", date, "category", category, "amount", amount, "mode", mode));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    WebTestClient.ResponseSpec multipart(String shop, String key, Map<String, Object> expense, byte[] file, String name) {
        MultipartBodyBuilder b = new MultipartBodyBuilder();
        b.part("expense", EventJson.write(expense)).contentType(MediaType.APPLICATION_JSON);
        if (file != null) {
            b.part("receipt", new org.springframework.core.io.ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return name;
                }
            }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        }
        return http.post().uri("/api/v1/accounting/expenses").headers(h -> {
            h.setBearerAuth(owner(shop));
            h.set("Idempotency-Key", key);
        }).contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(b.build())).exchange();
    }

    @Test
    void electricityBillWithGstIsPostedNetWithInputTaxAndCanBeReversedOnce() {
        String shop = newShop();
        try (TopicProbe probe = accountingProbe()) {
            // ₹1,180.00 incl. 18% GST paid by bank: tax 1180 × 18 / 118 = 180.00 → CGST 90.00 + SGST 90.00, net 1,000.00
            String key = UUID.randomUUID().toString();
            var body = expense("2026-10-05", "ELECTRICITY", "1180.00", "BANK", "gstRate", "18", "supplierName", "BESCOM", "reference", "BILL-42");
            Map<String, Object> x = ok(post("/api/v1/accounting/expenses", owner(shop), key, body), 201);
            assertThat(x).containsEntry("netAmount", "1000.00").containsEntry("cgst", "90.00").containsEntry("sgst", "90.00")
                    .containsEntry("igst", "0.00").containsEntry("account", "5310").containsEntry("paidFrom", "1050");
            // the same request again with the same key is the same expense, recorded once
            assertThat(ok(post("/api/v1/accounting/expenses", owner(shop), key, body), 201)).containsEntry("id", x.get("id"));

            var tb = trialBalance(http, shop);
            assertThat(net(tb, "5310")).isEqualByComparingTo("1000.00");
            assertThat(net(tb, "1300")).isEqualByComparingTo("90.00");
            assertThat(net(tb, "1310")).isEqualByComparingTo("90.00");
            assertThat(net(tb, "1050")).isEqualByComparingTo("-1180.00");

            // a cash one for packaging, ₹300.00 without GST: Dr 5340 300.00 / Cr cash 1000 300.00
            ok(post("/api/v1/accounting/expenses", owner(shop), UUID.randomUUID().toString(), expense("2026-10-06", "PACKAGING", "300", "CASH")), 201);
            assertThat(net(trialBalance(http, shop), "1000")).isEqualByComparingTo("-300.00");

            // listed by period and by category: October's two come to 1,480.00 (net 1,300.00, input tax 180.00)
            Map<String, Object> october = ok(http.get().uri("/api/v1/accounting/expenses?from=2026-10-01&to=2026-10-31")
                    .headers(h -> h.setBearerAuth(token(shop, "AUDITOR"))).exchange(), 200);
            assertThat(october).containsEntry("total", "1480.00").containsEntry("netTotal", "1300.00").containsEntry("inputTax", "180.00");
            assertThat((List<?>) october.get("expenses")).hasSize(2);
            Map<String, Object> power = ok(http.get().uri("/api/v1/accounting/expenses?from=2026-10-01&to=2026-10-31&category=ELECTRICITY")
                    .headers(h -> h.setBearerAuth(owner(shop))).exchange(), 200);
            assertThat(power).containsEntry("total", "1180.00");

            // reversed by a counter-entry: the accounts are back to nothing; a second reversal is refused
            String id = (String) x.get("id");
            Map<String, Object> reversed = ok(post("/api/v1/accounting/expenses/" + id + "/reversal", owner(shop), UUID.randomUUID().toString(),
                    Map.of("reason", "entered twice", "date", "2026-10-07")), 201);
            assertThat((Map<String, Object>) reversed.get("reversal")).containsEntry("reason", "entered twice").containsEntry("date", "2026-10-07");
            tb = trialBalance(http, shop);
            assertThat(net(tb, "5310")).isEqualByComparingTo("0");
            assertThat(net(tb, "1300")).isEqualByComparingTo("0");
            assertThat(net(tb, "1050")).isEqualByComparingTo("0");
            problem(post("/api/v1/accounting/expenses/" + id + "/reversal", owner(shop), UUID.randomUUID().toString(),
                    Map.of("reason", "again")), 409, "reversed already");
            // the listing leaves the reversed one out of the totals: 300.00
            assertThat(ok(http.get().uri("/api/v1/accounting/expenses?from=2026-10-01&to=2026-10-31")
                    .headers(h -> h.setBearerAuth(owner(shop))).exchange(), 200)).containsEntry("total", "300.00");

            List<CloudEvent> recorded = published(probe, shop, EventTypes.EXPENSE_RECORDED, l -> l.size() >= 2);
            assertThat(recorded).hasSize(2);
            // one expense's events are ordered (keyed by its id), two expenses' are not: find the electricity bill's
            Map<?, ?> data = recorded.stream().map(e -> EventJson.read(e.getData().toBytes(), Map.class))
                    .filter(m -> id.equals(m.get("expenseId"))).findFirst().orElseThrow();
            assertThat(data.get("amount")).isEqualTo("1180.00");
            assertThat(data.get("netAmount")).isEqualTo("1000.00");
            List<CloudEvent> undone = published(probe, shop, EventTypes.EXPENSE_REVERSED, l -> !l.isEmpty());
            assertThat(EventJson.read(undone.get(0).getData().toBytes(), Map.class).get("expenseId")).isEqualTo(id);
        }
    }

    @Test
    void aReceiptIsKeptWithTheExpenseAndOnlyAPhotoOrPdfOfAtMostTwoMegabytes() {
        String shop = newShop();
        Map<String, Object> x = ok(multipart(shop, UUID.randomUUID().toString(),
                expense("2026-10-08", "REPAIRS", "450.00", "CASH", "note", "fan repaired"), PNG, "fan.png"), 201);
        assertThat((Map<String, Object>) x.get("receipt")).containsEntry("contentType", "image/png").containsEntry("size", PNG.length);
        byte[] back = http.get().uri("/api/v1/accounting/expenses/" + x.get("id") + "/receipt").headers(h -> h.setBearerAuth(owner(shop)))
                .exchange().expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(back).isEqualTo(PNG);

        // an expense without one has no receipt to read
        Map<String, Object> plain = ok(post("/api/v1/accounting/expenses", owner(shop), UUID.randomUUID().toString(),
                expense("2026-10-08", "MISC", "20", "CASH")), 201);
        problem(http.get().uri("/api/v1/accounting/expenses/" + plain.get("id") + "/receipt").headers(h -> h.setBearerAuth(owner(shop))).exchange(),
                404, "no receipt");

        // a GIF is not a receipt; 2 MB and a byte is too big; nothing is written for either
        problem(multipart(shop, UUID.randomUUID().toString(), expense("2026-10-08", "MISC", "10", "CASH"),
                "GIF89a-not-a-receipt".getBytes(StandardCharsets.US_ASCII), "x.gif"), 400, "JPEG or PNG");
        byte[] big = new byte[ReceiptFile.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        problem(multipart(shop, UUID.randomUUID().toString(), expense("2026-10-08", "MISC", "10", "CASH"), big, "big.png"), 413, "2 MB");
        // cash out: 450.00 + 20.00 = 470.00, nothing from the two refused
        assertThat(net(trialBalance(http, shop), "1000")).isEqualByComparingTo("-470.00");
    }

    @Test
    void categoriesAreSeededEditableAndANewOneOpensItsExpenseAccount() {
        String shop = newShop();
        List<?> seeded = http.get().uri("/api/v1/accounting/expense-categories").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(seeded.stream().map(c -> (Object) ((Map<?, ?>) c).get("code")).toList())
                .containsExactly("BANK_CHARGES", "ELECTRICITY", "MISC", "PACKAGING", "RENT", "REPAIRS", "TRANSPORT", "WAGES");

        Map<String, Object> security = ok(post("/api/v1/accounting/expense-categories", owner(shop), null,
                Map.of("code", "SECURITY", "name", "Night watchman")), 201);
        assertThat(security).containsEntry("accountCode", "5390").containsEntry("accountName", "Night watchman");
        problem(post("/api/v1/accounting/expense-categories", owner(shop), null, Map.of("code", "SECURITY", "name", "Again")), 409, "SECURITY");
        problem(post("/api/v1/accounting/expense-categories", owner(shop), null, Map.of("code", "CASHX", "name", "x", "accountCode", "1000")),
                400, "not an expense account");

        // wages of ₹6,000.00 in cash to the new category's account 5390
        Map<String, Object> paid = ok(post("/api/v1/accounting/expenses", owner(shop), UUID.randomUUID().toString(),
                expense("2026-10-09", "SECURITY", "6000", "CASH")), 201);
        assertThat(paid).containsEntry("account", "5390");
        assertThat(net(trialBalance(http, shop), "5390")).isEqualByComparingTo("6000.00");

        // retired: no more expenses to it
        ok(http.patch().uri("/api/v1/accounting/expense-categories/" + security.get("id")).headers(h -> h.setBearerAuth(owner(shop)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("active", false)).exchange(), 200);
        problem(post("/api/v1/accounting/expenses", owner(shop), UUID.randomUUID().toString(), expense("2026-10-09", "SECURITY", "10", "CASH")),
                400, "retired");
    }

    @Test
    void badInputAndCashiersAreRefusedAndNothingIsWritten() {
        String shop = newShop();
        String uri = "/api/v1/accounting/expenses";
        problem(post(uri, owner(shop), UUID.randomUUID().toString(), expense("2026-10-05", "RENT", "0", "CASH")), 400, "amount");
        problem(post(uri, owner(shop), UUID.randomUUID().toString(), expense("2026-10-05", "RENT", "-10", "CASH")), 400, "amount");
        problem(post(uri, owner(shop), UUID.randomUUID().toString(), expense("2026-10-05", "NOPE", "10", "CASH")), 400, "category");
        problem(post(uri, owner(shop), UUID.randomUUID().toString(), expense("2026-10-05", "RENT", "1180", "BANK", "gstRate", "18",
                "gstAmount", "250")), 400, "gstAmount");
        problem(post(uri, owner(shop), UUID.randomUUID().toString(), expense("2026-10-05", "RENT", "100", "BANK", "bankAccount", "1000")),
                400, "not a bank account");
        problem(post(uri, owner(shop), UUID.randomUUID().toString(), expense("2999-01-01", "RENT", "100", "CASH")), 400, "future");
        problem(post(uri, owner(shop), null, expense("2026-10-05", "RENT", "100", "CASH")), 400, "Idempotency-Key");
        problem(post(uri, token(shop, "CASHIER"), UUID.randomUUID().toString(), expense("2026-10-05", "RENT", "100", "CASH")), 403, "");
        problem(http.get().uri(uri + "?from=2026-10-01&to=2026-10-31").headers(h -> h.setBearerAuth(token(shop, "CASHIER"))).exchange(), 403, "");
        problem(http.get().uri("/api/v1/accounting/expense-categories").headers(h -> h.setBearerAuth(token(shop, "CASHIER"))).exchange(), 403, "");
        assertThat(trialBalance(http, shop)).isEmpty();
        // another shop's expense is not found
        Map<String, Object> x = ok(post(uri, owner(shop), UUID.randomUUID().toString(), expense("2026-10-05", "RENT", "100", "CASH")), 201);
        problem(http.get().uri(uri + "/" + x.get("id")).headers(h -> h.setBearerAuth(owner(newShop()))).exchange(), 404, "");
        assertThat(new BigDecimal((String) x.get("amount"))).isEqualByComparingTo("100");
    }
}
