package dev.kirana.accounting.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

/**
 * Locked months and where postings go. A month can be locked once it has ended; a lock is final (see
 * {@link Periods}). An entry made by hand for a locked month is refused; one posted from an event (a late sale, a
 * late stock count) goes on the first day of the first open month after its own, keeping its own date as a reference.
 */
public final class PeriodCalendar {

    /** The date an event-driven posting dated {@code date} is booked on. */
    public static LocalDate postingDate(LocalDate date, Set<YearMonth> locked) {
        YearMonth month = YearMonth.from(date);
        if (!locked.contains(month)) {
            return date;
        }
        while (locked.contains(month)) {
            month = month.plusMonths(1);
        }
        return month.atDay(1);
    }

    public static boolean isLocked(LocalDate date, Set<YearMonth> locked) {
        return locked.contains(YearMonth.from(date));
    }

    /** Why {@code month} cannot be locked on {@code today}, if it cannot: only a month that has ended can be. */
    public static Optional<String> lockProblem(YearMonth month, LocalDate today) {
        if (!month.isBefore(YearMonth.from(today))) {
            return Optional.of(month + " has not ended yet; a month can be locked from the first day of the next");
        }
        return Optional.empty();
    }

    private PeriodCalendar() {
    }
}
