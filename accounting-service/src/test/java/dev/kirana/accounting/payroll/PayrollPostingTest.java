package dev.kirana.accounting.payroll;

import static dev.kirana.accounting.BooksTestSupport.net;
import static dev.kirana.accounting.BooksTestSupport.publish;
import static dev.kirana.accounting.BooksTestSupport.trialBalance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.PayrollEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Salaries and advances paid in auth-service reach the books as wages, staff advances and cash, once each. */
@KiranaServiceTest
class PayrollPostingTest {
    @Autowired
    WebTestClient http;

    @Test
    void anAdvanceAndAMonthsSalariesPostWagesAdvancesAndCash() {
        String shop = "shop-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        String advance = UUID.randomUUID().toString();
        // StaffTest's November: an advance of 2,000 to Suresh, then 26,900 of wages less that advance, 24,900 paid in cash
        publish(Topics.SHOP, advance, shop, EventTypes.SALARY_ADVANCE_PAID, new PayrollEvents.AdvancePaid(advance, shop, "e-suresh",
                "Suresh Patil", new BigDecimal("2000.00"), LocalDate.of(2026, 11, 15), "CASH"));
        var salaries = new PayrollEvents.SalaryPaid(run, shop, "2026-11", LocalDate.of(2026, 12, 1), "CASH", new BigDecimal("26900.00"),
                new BigDecimal("2000.00"), new BigDecimal("24900.00"), List.of(
                new PayrollEvents.SalaryLine("e-meena", "Meena Kale", new BigDecimal("12900.00"), new BigDecimal("0.00"), new BigDecimal("12900.00")),
                new PayrollEvents.SalaryLine("e-suresh", "Suresh Patil", new BigDecimal("14000.00"), new BigDecimal("2000.00"), new BigDecimal("12000.00"))));
        publish(Topics.SHOP, run, shop, EventTypes.SALARY_PAID, salaries);
        // the same event again (a redelivery) posts nothing more
        publish(Topics.SHOP, run, shop, EventTypes.SALARY_PAID, salaries);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var tb = trialBalance(http, shop);
            // wages 26,900 Dr; advances 2,000 Dr then 2,000 Cr = 0; cash 2,000 + 24,900 = 26,900 Cr
            assertThat(net(tb, "5320")).isEqualByComparingTo("26900.00");
            assertThat(tb.get("1420")[0]).isEqualByComparingTo("2000.00");
            assertThat(tb.get("1420")[1]).isEqualByComparingTo("2000.00");
            assertThat(net(tb, "1000")).isEqualByComparingTo("-26900.00");
        });
        // the journal's lines: 2 of the advance and 3 of the salaries (wages, advances, cash), not 6: the redelivery posted nothing
        http.get().uri("/api/v1/accounting/journal?from=2026-11-01&to=2026-12-31")
                .headers(h -> h.setBearerAuth(dev.kirana.accounting.BooksTestSupport.owner(shop))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(5)
                .jsonPath("$[?(@.source == 'salary.paid:" + run + "')].narration").value(n -> assertThat(n.toString()).contains("Salaries for 2026-11 (2 employees)"));
    }
}
