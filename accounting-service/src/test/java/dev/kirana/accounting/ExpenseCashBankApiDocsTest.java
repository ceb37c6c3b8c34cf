package dev.kirana.accounting;

import dev.kirana.testing.KiranaServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The expense, cash book and bank endpoints are in the service's OpenAPI document, with their examples. */
@KiranaServiceTest
class ExpenseCashBankApiDocsTest {
    @Autowired
    WebTestClient http;

    @Test
    void expensesCashBookAndBankAreDescribed() {
        String p = "$.paths['/api/v1/accounting/";
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath(p + "expense-categories'].get.summary").exists()
                .jsonPath(p + "expense-categories'].post.summary").exists()
                .jsonPath(p + "expense-categories/{id}'].patch.summary").exists()
                .jsonPath(p + "expenses'].post.summary").exists()
                .jsonPath(p + "expenses'].get.summary").exists()
                .jsonPath(p + "expenses/{id}'].get.summary").exists()
                .jsonPath(p + "expenses/{id}/receipt'].get.summary").exists()
                .jsonPath(p + "expenses/{id}/reversal'].post.summary").exists()
                .jsonPath(p + "cash-book'].get.summary").exists()
                .jsonPath(p + "cash-book/closes'].get.summary").exists()
                .jsonPath(p + "cash-book/{date}/close'].post.summary").exists()
                .jsonPath(p + "bank-accounts'].get.summary").exists()
                .jsonPath(p + "bank-accounts'].post.summary").exists()
                .jsonPath(p + "bank-accounts/{id}'].get.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/movements'].get.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/deposits'].post.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/withdrawals'].post.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/transfers'].post.summary").exists()
                .jsonPath(p + "settlements'].post.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/statements'].post.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/reconciliation'].get.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/reconciliation/auto'].post.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/reconciliation/matches'].post.summary").exists()
                .jsonPath(p + "bank-accounts/{id}/reconciliation/matches/{statementLineId}'].delete.summary").exists()
                .jsonPath("$.components.schemas.ExpenseRequest.example").exists()
                .jsonPath("$.components.schemas.DayCloseRequest.example").exists()
                .jsonPath("$.components.schemas.Settlement.example").exists();
    }
}
