package dev.kirana.accounting.cashbook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A day of the cash book: cash in hand (1000) at the start of the day, every movement in and out (oldest first, with
 * the balance after it; {@code afterClose}: posted after the day was closed — a late sale, see the README), and at
 * the end. {@code close} is the drawer count when the day has been closed.
 */
public record CashBookDay(LocalDate date, BigDecimal opening, List<DayCash.Row> movements, BigDecimal totalIn, BigDecimal totalOut,
                          BigDecimal closing, DayClose close) {

    /** A closed day: {@code variance} = {@code counted} − {@code expected}, posted to 5400 by {@code entryId} (null when nil). */
    public record DayClose(LocalDate date, BigDecimal counted, BigDecimal expected, BigDecimal variance, String entryId, String note,
                           String closedBy, Instant closedAt) {
    }
}
