package dev.kirana.accounting.cashbook;

import dev.kirana.accounting.ledger.DayLocks;
import dev.kirana.accounting.ledger.LedgerEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A day of cash in hand (1000), as pure arithmetic: the opening balance, each movement in or out with the balance
 * after it, the closing balance; and the drawer count against the book. Variance = counted − book: below zero the
 * drawer is short (Dr cash short/over 5400 / Cr cash 1000), above it the drawer has more than the book (Dr cash /
 * Cr cash short/over), so after the close the book says what was counted.
 */
public final class DayCash {
    public static final String CASH_SHORT_OVER = "5400";

    /** One movement of the day: {@code in} came into the drawer, {@code out} went out of it. */
    public record Movement(String entryId, String time, String narration, String source, BigDecimal in, BigDecimal out,
                           boolean afterClose) {
    }

    public record Row(String entryId, String time, String narration, String source, BigDecimal in, BigDecimal out, BigDecimal balance,
                      boolean afterClose) {
    }

    public record Day(BigDecimal opening, List<Row> rows, BigDecimal totalIn, BigDecimal totalOut, BigDecimal closing) {
    }

    public static Day of(BigDecimal opening, List<Movement> movements) {
        BigDecimal balance = opening.setScale(2);
        BigDecimal in = BigDecimal.ZERO.setScale(2);
        BigDecimal out = BigDecimal.ZERO.setScale(2);
        List<Row> rows = new ArrayList<>();
        for (Movement m : movements) {
            balance = balance.add(m.in()).subtract(m.out());
            in = in.add(m.in());
            out = out.add(m.out());
            rows.add(new Row(m.entryId(), m.time(), m.narration(), m.source(), m.in(), m.out(), balance, m.afterClose()));
        }
        return new Day(opening.setScale(2), List.copyOf(rows), in, out, balance);
    }

    public static BigDecimal variance(BigDecimal counted, BigDecimal book) {
        return counted.setScale(2).subtract(book.setScale(2));
    }

    /** The entry that brings the book to the count, or none when they agree. */
    public static Optional<LedgerEntry> varianceEntry(LocalDate day, BigDecimal counted, BigDecimal book) {
        BigDecimal v = variance(counted, book);
        if (v.signum() == 0) {
            return Optional.empty();
        }
        String text = (v.signum() < 0 ? "Cash short " : "Cash over ") + v.abs() + " at the close of " + day + " (counted " + counted.setScale(2)
                + ", book " + book.setScale(2) + ")";
        LedgerEntry.Builder b = LedgerEntry.builder(day, text, "day-close:" + day);
        if (v.signum() < 0) {
            b.debit(CASH_SHORT_OVER, v.negate()).credit(DayLocks.CASH_IN_HAND, v.negate());
        } else {
            b.debit(DayLocks.CASH_IN_HAND, v).credit(CASH_SHORT_OVER, v);
        }
        return Optional.of(b.build());
    }

    private DayCash() {
    }
}
