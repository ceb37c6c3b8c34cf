package dev.kirana.accounting.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A locked month of a shop's books. */
public record PeriodLock(YearMonth period, LocalDate from, LocalDate to, String lockedBy, Instant lockedAt) {
    public static PeriodLock of(YearMonth period, String lockedBy, Instant lockedAt) {
        return new PeriodLock(period, period.atDay(1), period.atEndOfMonth(), lockedBy, lockedAt);
    }
}
