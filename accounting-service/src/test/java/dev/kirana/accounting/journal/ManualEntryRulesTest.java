package dev.kirana.accounting.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManualEntryRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 4, 10);

    static ManualEntryRequest.LineRequest dr(String account, String amount) {
        return new ManualEntryRequest.LineRequest(account, new BigDecimal(amount), null);
    }

    static ManualEntryRequest.LineRequest cr(String account, String amount) {
        return new ManualEntryRequest.LineRequest(account, null, new BigDecimal(amount));
    }

    static ManualEntryRequest entry(ManualEntryRequest.LineRequest... lines) {
        return new ManualEntryRequest(LocalDate.of(2026, 4, 5), "Electricity bill for March", "BESCOM 88123", List.of(lines));
    }

    @Test
    void anElectricityBillPaidPartlyInCashAndPartlyFromTheBankBalances() {
        // 2345.60 = 1000.00 cash + 1345.60 bank
        ManualEntryRequest r = entry(dr("5310", "2345.60"), cr("1000", "1000.00"), cr("1050", "1345.60"));
        assertThat(ManualEntryRules.check(r, TODAY)).isEmpty();
        List<ManualEntryRules.Line> lines = ManualEntryRules.lines(r);
        assertThat(lines).containsExactly(
                new ManualEntryRules.Line("5310", new BigDecimal("2345.60"), new BigDecimal("0.00")),
                new ManualEntryRules.Line("1000", new BigDecimal("0.00"), new BigDecimal("1000.00")),
                new ManualEntryRules.Line("1050", new BigDecimal("0.00"), new BigDecimal("1345.60")));
        assertThat(ManualEntryRules.total(lines)).isEqualByComparingTo("2345.60");
        assertThat(ManualEntryRules.reversed(lines).get(0)).isEqualTo(new ManualEntryRules.Line("5310", new BigDecimal("0.00"), new BigDecimal("2345.60")));
    }

    @Test
    void anEntryWhoseDebitsAndCreditsDifferIsRefusedWithTheDifference() {
        // 2345.60 against 1000.00 + 1345.06 = 2345.06: 0.54 short
        var v = ManualEntryRules.check(entry(dr("5310", "2345.60"), cr("1000", "1000.00"), cr("1050", "1345.06")), TODAY);
        assertThat(v).containsExactly(new ManualEntryRules.Violation("lines", "debits 2345.60 do not equal credits 2345.06 (difference 0.54)"));
    }

    @Test
    void everyBadFieldIsReported() {
        var r = new ManualEntryRequest(LocalDate.of(2026, 4, 11), " ", null, List.of(
                dr("5300", "-15000.00"),
                new ManualEntryRequest.LineRequest("1000", new BigDecimal("10"), new BigDecimal("10")),
                new ManualEntryRequest.LineRequest(null, null, new BigDecimal("0.005"))));
        assertThat(ManualEntryRules.check(r, TODAY)).extracting(ManualEntryRules.Violation::field)
                .containsExactly("date", "narration", "lines[0].debit", "lines[1]", "lines[2].account", "lines[2].credit");
        assertThat(ManualEntryRules.check(new ManualEntryRequest(null, "x", null, List.of(dr("5300", "1"))), TODAY))
                .extracting(ManualEntryRules.Violation::field).containsExactly("date", "lines");
        assertThat(ManualEntryRules.check(new ManualEntryRequest(TODAY, "x", null, List.of(dr("5300", "1"), cr("1000", "0"))), TODAY))
                .containsExactly(new ManualEntryRules.Violation("lines[1]", "needs a debit or a credit"));
    }

    @Test
    void accountsMustBeInTheChart() {
        var r = entry(dr("5399", "100.00"), cr("1000", "100.00"));
        assertThat(ManualEntryRules.unknownAccounts(r, Set.of("1000", "5300")))
                .containsExactly(new ManualEntryRules.Violation("lines[0].account", "no account 5399 in this shop's chart"));
    }
}
