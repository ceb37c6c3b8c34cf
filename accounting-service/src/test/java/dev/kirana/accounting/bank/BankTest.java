package dev.kirana.accounting.bank;

import static dev.kirana.accounting.BooksTestSupport.ok;
import static dev.kirana.accounting.BooksTestSupport.problem;

import dev.kirana.accounting.BooksTestSupport;


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
 * Bank accounts, deposits, withdrawals, transfers, a UPI settlement with its fee, and the reconciliation of an
 * imported statement, against the real PostgreSQL and Kafka. Dates are fixed days of October 2026.
 */
@KiranaServiceTest
@SuppressWarnings("unchecked")
class BankTest {
    @Autowired
    WebTestClient http;

    WebTestClient.ResponseSpec post(String uri, String token, Object body) {
        return BooksTestSupport.post(http, uri, token, body);
    }

    Map<String, Object> importCsv(String shop, String accountId, String csv) {
        MultipartBodyBuilder b = new MultipartBodyBuilder();
        b.part("file", new org.springframework.core.io.ByteArrayResource(csv.getBytes()) {
            @Override
            public String getFilename() {
                return "statement.csv";
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        return ok(http.post().uri("/api/v1/accounting/bank-accounts/" + accountId + "/statements").headers(h -> h.setBearerAuth(owner(shop)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(b.build())).exchange(), 201);
    }

    @Test
    void depositsSettlementsAndAStatementReconciledWithOneLineUnmatchedOnEachSide() {
        String shop = newShop();
        try (TopicProbe probe = accountingProbe()) {
            Map<String, Object> hdfc = ok(post("/api/v1/accounting/bank-accounts", owner(shop),
                    Map.of("name", "Current account", "bankName", "HDFC Bank", "last4", "4411", "ifsc", "hdfc0001234")), 201);
            assertThat(hdfc).containsEntry("accountCode", "1051").containsEntry("ifsc", "HDFC0001234");
            Map<String, Object> sbi = ok(post("/api/v1/accounting/bank-accounts", owner(shop),
                    Map.of("name", "Savings", "bankName", "SBI", "last4", "9001")), 201);
            assertThat(sbi).containsEntry("accountCode", "1052");
            String h = (String) hdfc.get("id");
            String base = "/api/v1/accounting/bank-accounts/" + h;

            // drawer float 6,000.00 (so the deposit has cash to come from), then:
            ok(post("/api/v1/accounting/journal-entries", owner(shop), Map.of("date", "2026-10-19", "narration", "Float",
                    "lines", List.of(Map.of("account", "1000", "debit", "6000.00"), Map.of("account", "3000", "credit", "6000.00")))), 201);
            // deposit 5,000.00 on the 20th: Dr 1051 / Cr 1000
            ok(post(base + "/deposits", owner(shop), Map.of("amount", "5000.00", "date", "2026-10-20", "reference", "DEP-118")), 201);
            // UPI settlement on the 21st: gross 10,000.00, fee 18.00 → bank 9,982.00, fees 18.00, UPI clearing −10,000.00
            Map<String, Object> settled = ok(post("/api/v1/accounting/settlements", owner(shop), Map.of("provider", "PhonePe", "clearingAccount", "1020",
                    "bankAccountId", h, "gross", "10000.00", "fee", "18.00", "date", "2026-10-21", "reference", "PP-SETL-1021")), 201);
            assertThat(settled).containsEntry("net", "9982.00").containsEntry("fee", "18.00");
            // withdrawal 1,000.00 on the 22nd; transfer 500.00 to SBI on the 23rd
            ok(post(base + "/withdrawals", owner(shop), Map.of("amount", "1000", "date", "2026-10-22")), 201);
            ok(post(base + "/transfers", owner(shop), Map.of("amount", "500", "date", "2026-10-23", "toAccountId", sbi.get("id"))), 201);

            // HDFC: 5,000.00 + 9,982.00 − 1,000.00 − 500.00 = 13,482.00; SBI 500.00; cash 6,000 − 5,000 + 1,000 = 2,000.00
            var tb = trialBalance(http, shop);
            assertThat(net(tb, "1051")).isEqualByComparingTo("13482.00");
            assertThat(net(tb, "1052")).isEqualByComparingTo("500.00");
            assertThat(net(tb, "1000")).isEqualByComparingTo("2000.00");
            assertThat(net(tb, "5360")).isEqualByComparingTo("18.00");
            assertThat(net(tb, "1020")).isEqualByComparingTo("-10000.00");
            assertThat(ok(http.get().uri(base).headers(x -> x.setBearerAuth(owner(shop))).exchange(), 200)).containsEntry("balance", "13482.00");

            List<?> moved = http.get().uri(base + "/movements?from=2026-10-01&to=2026-10-31").headers(x -> x.setBearerAuth(owner(shop))).exchange()
                    .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            assertThat(moved).extracting(m -> ((Map<?, ?>) m).get("kind") + " " + ((Map<?, ?>) m).get("net"))
                    .containsExactly("DEPOSIT 5000.00", "SETTLEMENT 9982.00", "WITHDRAWAL 1000.00", "TRANSFER 500.00");

            // the bank's statement: deposit credited two days later, the settlement, the withdrawal, and SMS charges the books lack;
            // the transfer of the 23rd is not on it yet; one row has an impossible date
            String csv = """
                    Txn Date,Narration,Chq./Ref.No.,Withdrawal Amt.,Deposit Amt.,Closing Balance
                    22/10/2026,CASH DEP BRANCH,DEP-118,,"5,000.00","5,000.00"
                    21/10/2026,PHONEPE SETTLEMENT,PP-SETL-1021,,"9,982.00","14,982.00"
                    22/10/2026,ATM WDL,,"1,000.00",,"13,982.00"
                    24/10/2026,SMS CHARGES,,17.70,,"13,964.30"
                    31/02/2026,TYPO,,1.00,,
                    """;
            Map<String, Object> report = importCsv(shop, h, csv);
            assertThat(report).containsEntry("imported", 4).containsEntry("duplicates", 0).containsEntry("matched", 3);
            assertThat((List<?>) report.get("rejected")).hasSize(1);
            Map<String, Object> rec = ok(http.get().uri(base + "/reconciliation").headers(x -> x.setBearerAuth(token(shop, "AUDITOR"))).exchange(), 200);
            assertThat((List<?>) rec.get("matched")).hasSize(3);
            List<Map<String, Object>> lonelyStatement = (List<Map<String, Object>>) rec.get("unmatchedStatementLines");
            List<Map<String, Object>> lonelyBook = (List<Map<String, Object>>) rec.get("unmatchedBookLines");
            assertThat(lonelyStatement).singleElement().satisfies(l -> assertThat(l).containsEntry("debit", "17.70"));
            assertThat(lonelyBook).singleElement().satisfies(l -> assertThat(l).containsEntry("credit", "500.00"));

            // importing the same file again takes nothing twice
            assertThat(importCsv(shop, h, csv)).containsEntry("imported", 0).containsEntry("duplicates", 4);

            // undo the withdrawal's match, then make it by hand again; a hand match of different amounts is refused
            Map<String, Object> withdrawal = ((List<Map<String, Object>>) rec.get("matched")).stream()
                    .filter(p -> "1000.00".equals(((Map<?, ?>) p.get("statementLine")).get("debit"))).findFirst().orElseThrow();
            String lineId = (String) ((Map<?, ?>) withdrawal.get("statementLine")).get("id");
            Map<?, ?> bookLine = (Map<?, ?>) withdrawal.get("bookLine");
            Map<String, Object> after = ok(http.delete().uri(base + "/reconciliation/matches/" + lineId).headers(x -> x.setBearerAuth(owner(shop)))
                    .exchange(), 200);
            assertThat((List<?>) after.get("matched")).hasSize(2);
            assertThat((List<?>) after.get("unmatchedBookLines")).hasSize(2);
            // a rerun of the automatic matching leaves a line unmatched by hand alone
            assertThat((List<?>) ok(post(base + "/reconciliation/auto", owner(shop), Map.of()), 200).get("matched")).hasSize(2);
            String smsId = (String) lonelyStatement.get(0).get("id");
            problem(post(base + "/reconciliation/matches", owner(shop), Map.of("statementLineId", smsId, "entryId", bookLine.get("entryId"),
                    "lineNo", bookLine.get("lineNo"))), 422, "differ");
            Map<String, Object> manual = ok(post(base + "/reconciliation/matches", owner(shop), Map.of("statementLineId", lineId,
                    "entryId", bookLine.get("entryId"), "lineNo", bookLine.get("lineNo"))), 200);
            assertThat((List<Map<String, Object>>) manual.get("matched")).hasSize(3).anySatisfy(p -> assertThat(p).containsEntry("manual", true));
            problem(post(base + "/reconciliation/matches", owner(shop), Map.of("statementLineId", lineId,
                    "entryId", bookLine.get("entryId"), "lineNo", bookLine.get("lineNo"))), 409, "matched already");

            List<CloudEvent> events = published(probe, shop, EventTypes.BANK_SETTLED, l -> !l.isEmpty());
            Map<?, ?> data = EventJson.read(events.get(0).getData().toBytes(), Map.class);
            assertThat(data.get("net")).isEqualTo("9982.00");
            assertThat(data.get("bankAccount")).isEqualTo("1051");
        }
    }

    @Test
    void khataPaymentsByBankGoToTheBankAccountNamedAndShowInItsReconciliation() {
        String shop = newShop();
        try (TopicProbe probe = accountingProbe()) {
            Map<String, Object> hdfc = ok(post("/api/v1/accounting/bank-accounts", owner(shop),
                    Map.of("name", "Current account", "bankName", "HDFC Bank", "last4", "4411")), 201);
            Map<String, Object> sbi = ok(post("/api/v1/accounting/bank-accounts", owner(shop),
                    Map.of("name", "Savings", "bankName", "SBI", "last4", "9001")), 201);
            String h = (String) hdfc.get("id");
            String asha = (String) ok(post("/api/v1/accounting/parties", owner(shop),
                    Map.of("kind", "CUSTOMER", "name", "Asha Patil", "phone", "9876500001")), 201).get("id");
            String gupta = (String) ok(post("/api/v1/accounting/parties", owner(shop),
                    Map.of("kind", "SUPPLIER", "name", "Gupta Wholesale")), 201).get("id");

            // Asha pays 700.00 by NEFT into the HDFC account: Dr 1051 / Cr 1100
            Map<String, Object> in = ok(post("/api/v1/accounting/parties/" + asha + "/collections", owner(shop), Map.of("amount", "700.00",
                    "mode", "BANK", "reference", "NEFT N2910", "date", "2026-10-20", "bankAccountId", h)), 201);
            assertThat(in).containsEntry("account", "1051");
            // Gupta paid 400.00 from SBI, then the payment reversed: both on 1052, which nets to nothing
            Map<String, Object> out = ok(post("/api/v1/accounting/parties/" + gupta + "/payments", owner(shop), Map.of("amount", "400.00",
                    "mode", "BANK", "date", "2026-10-21", "bankAccountId", sbi.get("id"))), 201);
            assertThat(out).containsEntry("account", "1052");
            assertThat(ok(post("/api/v1/accounting/payments/" + out.get("id") + "/reversal", owner(shop),
                    Map.of("reason", "paid from the wrong account", "date", "2026-10-22")), 201)).containsEntry("account", "1052");
            // two bank accounts and none named: the money stays on 1050 until the shop says which
            assertThat(ok(post("/api/v1/accounting/parties/" + asha + "/collections", owner(shop), Map.of("amount", "50.00",
                    "mode", "BANK", "date", "2026-10-23")), 201)).containsEntry("account", "1050");

            var tb = trialBalance(http, shop);
            assertThat(net(tb, "1051")).isEqualByComparingTo("700.00");
            assertThat(net(tb, "1052")).isEqualByComparingTo("0.00");
            assertThat(net(tb, "1050")).isEqualByComparingTo("50.00");
            assertThat(net(tb, "1100")).isEqualByComparingTo("-750.00");

            // the collection is a book line of the HDFC account's reconciliation, and the bank's statement line matches it
            String base = "/api/v1/accounting/bank-accounts/" + h;
            Map<String, Object> rec = ok(http.get().uri(base + "/reconciliation").headers(x -> x.setBearerAuth(owner(shop))).exchange(), 200);
            assertThat((List<Map<String, Object>>) rec.get("unmatchedBookLines")).singleElement()
                    .satisfies(l -> assertThat(l).containsEntry("debit", "700.00"));
            Map<String, Object> report = importCsv(shop, h, """
                    Txn Date,Narration,Chq./Ref.No.,Withdrawal Amt.,Deposit Amt.,Closing Balance
                    20/10/2026,NEFT CR ASHA PATIL,N2910,,700.00,700.00
                    """);
            assertThat(report).containsEntry("imported", 1).containsEntry("matched", 1);

            // an account of another shop, or none at all: 404; a bank account with UPI money: 400
            String elsewhere = (String) ok(post("/api/v1/accounting/bank-accounts", owner(newShop()),
                    Map.of("name", "Current account", "bankName", "Canara Bank", "last4", "1234")), 201).get("id");
            for (String id : List.of(elsewhere, UUID.randomUUID().toString())) {
                problem(post("/api/v1/accounting/parties/" + asha + "/collections", owner(shop), Map.of("amount", "10.00",
                        "mode", "BANK", "date", "2026-10-23", "bankAccountId", id)), 404, "No bank account");
            }
            problem(post("/api/v1/accounting/parties/" + asha + "/collections", owner(shop), Map.of("amount", "10.00",
                    "mode", "UPI", "reference", "UTR 1", "date", "2026-10-23", "bankAccountId", h)), 400, "bankAccountId");

            List<CloudEvent> received = published(probe, shop, EventTypes.PAYMENT_RECEIVED, l -> l.size() >= 2);
            assertThat(received).extracting(e -> EventJson.read(e.getData().toBytes(), Map.class).get("account"))
                    .containsExactlyInAnyOrder("1051", "1050");
            List<CloudEvent> made = published(probe, shop, EventTypes.PAYMENT_MADE, l -> l.size() >= 2);
            assertThat(made).extracting(e -> EventJson.read(e.getData().toBytes(), Map.class).get("account")).containsExactly("1052", "1052");
        }
    }

    @Test
    void badInputCashiersAndClosedDaysAreRefused() {
        String shop = newShop();
        problem(post("/api/v1/accounting/bank-accounts", owner(shop), Map.of("name", "X", "bankName", "Y", "last4", "12a4")), 400, "last4");
        problem(post("/api/v1/accounting/bank-accounts", token(shop, "CASHIER"), Map.of("name", "X", "bankName", "Y", "last4", "1234")), 403, "");
        Map<String, Object> a = ok(post("/api/v1/accounting/bank-accounts", owner(shop), Map.of("name", "Current", "bankName", "ICICI", "last4", "0042")), 201);
        String id = (String) a.get("id");
        problem(http.get().uri("/api/v1/accounting/bank-accounts").headers(x -> x.setBearerAuth(token(shop, "CASHIER"))).exchange(), 403, "");
        problem(http.get().uri("/api/v1/accounting/bank-accounts/" + id + "/reconciliation").headers(x -> x.setBearerAuth(token(shop, "CASHIER")))
                .exchange(), 403, "");
        problem(post("/api/v1/accounting/bank-accounts/" + id + "/deposits", token(shop, "CASHIER"), Map.of("amount", "10")), 403, "");
        problem(post("/api/v1/accounting/bank-accounts/" + id + "/deposits", owner(shop), Map.of("amount", "0")), 400, "amount");
        problem(post("/api/v1/accounting/settlements", owner(shop), Map.of("provider", "Paytm", "clearingAccount", "1000", "bankAccountId", id,
                "gross", "100", "fee", "1")), 400, "clearingAccount");
        problem(post("/api/v1/accounting/settlements", owner(shop), Map.of("provider", "Paytm", "clearingAccount", "1010", "bankAccountId", id,
                "gross", "100", "fee", "100")), 400, "fee");
        problem(post("/api/v1/accounting/settlements", owner(shop), Map.of("provider", "Paytm", "clearingAccount", "1010",
                "bankAccountId", UUID.randomUUID().toString(), "gross", "100", "fee", "1")), 400, "bankAccountId");
        problem(post("/api/v1/accounting/bank-accounts/" + UUID.randomUUID() + "/deposits", owner(shop), Map.of("amount", "10")), 404, "");
        // another shop's account is not there
        problem(http.get().uri("/api/v1/accounting/bank-accounts/" + id).headers(x -> x.setBearerAuth(owner(newShop()))).exchange(), 404, "");
        // a closed day takes no deposit from its drawer
        ok(post("/api/v1/accounting/cash-book/2026-10-24/close", owner(shop), Map.of("counted", "0")), 201);
        problem(post("/api/v1/accounting/bank-accounts/" + id + "/deposits", owner(shop), Map.of("amount", "10", "date", "2026-10-24")), 409, "day-closed");
        assertThat(trialBalance(http, shop)).isEmpty();
    }
}
