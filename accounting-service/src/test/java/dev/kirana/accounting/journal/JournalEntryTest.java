package dev.kirana.accounting.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.events.InventoryEvents;
import dev.kirana.events.OrderEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
    static final LocalDate DAY = LocalDate.of(2026, 4, 1);

    @Test
    void saleDebitsCashAndCreditsSales() {
        var sale = new OrderEvents.OrderConfirmed("o-1", "c", "INR", List.of(), new BigDecimal("491.00"), Instant.now());
        JournalEntry e = SalesPosting.saleEntry(sale, DAY);
        assertThat(e.lines()).extracting(JournalEntry.Line::account).containsExactly(Account.CASH, Account.SALES);
        assertThat(e.totalDebits()).isEqualByComparingTo("491.00");
        assertThat(e.source()).isEqualTo("order.confirmed:o-1");
    }

    @Test
    void costOfSaleIsQuantityTimesMovingAverageCostRoundedToPaise() {
        var committed = new InventoryEvents.StockCommitted("o-1", List.of(
                new InventoryEvents.CostedLine("p1", new BigDecimal("3"), new BigDecimal("10.3333")),
                new InventoryEvents.CostedLine("p2", new BigDecimal("0.5"), new BigDecimal("80.0000"))));
        JournalEntry e = SalesPosting.costEntry(committed, DAY);
        // 3 × 10.3333 = 30.9999, + 40 = 70.9999 → 71.00
        assertThat(e.lines().get(0).debit()).isEqualByComparingTo("71.00");
        assertThat(e.lines().get(1).credit()).isEqualByComparingTo("71.00");
    }

    @Test
    void unbalancedOrNegativeEntriesAreRefused() {
        assertThatThrownBy(() -> JournalEntry.builder(DAY, "x", "s").debit(Account.CASH, new BigDecimal("10"))
                .credit(Account.SALES, new BigDecimal("9.99")).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JournalEntry.builder(DAY, "x", "s").debit(Account.CASH, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JournalEntry.builder(DAY, "x", "s").debit(Account.CASH, BigDecimal.ZERO).build().lines()).isEmpty();
    }
}
