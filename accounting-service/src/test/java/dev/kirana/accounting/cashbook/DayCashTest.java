package dev.kirana.accounting.cashbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayCashTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aDayRunsFromTheOpeningThroughEachMovementToTheClosing() {
        // opening 2,000.00 + cash sales 3,450.00 − electricity paid in cash 300.00 = 5,150.00
        var day = DayCash.of(d("2000.00"), List.of(
                new DayCash.Movement("e1", "10:00:00", "Sale INV/1", "order.confirmed:o1", d("3450.00"), d("0.00"), false),
                new DayCash.Movement("e2", "12:00:00", "Expense: Packaging", "expense:x1", d("0.00"), d("300.00"), false)));
        assertThat(day.opening()).isEqualByComparingTo("2000.00");
        assertThat(day.rows()).extracting(DayCash.Row::balance).containsExactly(d("5450.00"), d("5150.00"));
        assertThat(day.totalIn()).isEqualByComparingTo("3450.00");
        assertThat(day.totalOut()).isEqualByComparingTo("300.00");
        assertThat(day.closing()).isEqualByComparingTo("5150.00");
    }

    @Test
    void aShortDrawerDebitsCashShortOverAndAnExcessCreditsIt() {
        LocalDate day = LocalDate.of(2026, 10, 14);
        // counted 5,100.00 against a book of 5,150.00: variance 5100 − 5150 = −50.00, a shortage
        assertThat(DayCash.variance(d("5100"), d("5150.00"))).isEqualByComparingTo("-50.00");
        var short50 = DayCash.varianceEntry(day, d("5100"), d("5150.00")).orElseThrow();
        assertThat(short50.lines()).extracting(l -> l.account() + " " + l.debit() + " " + l.credit())
                .containsExactly("5400 50.00 0.00", "1000 0.00 50.00");
        // counted 5,120.00 against 5,100.00: +20.00 more in the drawer than the book
        var over20 = DayCash.varianceEntry(day, d("5120.00"), d("5100.00")).orElseThrow();
        assertThat(over20.lines()).extracting(l -> l.account() + " " + l.debit() + " " + l.credit())
                .containsExactly("1000 20.00 0.00", "5400 0.00 20.00");
        assertThat(DayCash.varianceEntry(day, d("5100.00"), d("5100"))).isEmpty();
    }
}
