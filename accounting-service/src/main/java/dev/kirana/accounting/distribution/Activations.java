package dev.kirana.accounting.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Activations (units sold through by the retailers) over time: per day, ISO week (starting Monday) or month, every
 * period of the range listed, with no activations as zero. A period is named by its first day; the first and last
 * periods may be cut by the range.
 */
@Schema(example = """
        {"from":"2026-11-01","to":"2026-11-30","groupBy":"WEEK","periods":[{"period":"2026-10-26","activations":0,"value":"0.00"},
          {"period":"2026-11-02","activations":3,"value":"41997.00"}],"totals":{"activations":3,"value":"41997.00"}}""")
public record Activations(LocalDate from, LocalDate to, GroupBy groupBy, List<ActivationPeriod> periods, ActivationTotals totals) {

    public enum GroupBy {
        DAY, WEEK, MONTH;

        LocalDate start(LocalDate d) {
            return switch (this) {
                case DAY -> d;
                case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> d.withDayOfMonth(1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }
    }

    public record ActivationPeriod(LocalDate period, long activations, BigDecimal value) {
    }

    public record ActivationTotals(long activations, BigDecimal value) {
    }

    /** Counts by activation date → the periods of the range with their sums. */
    public record Day(long activations, BigDecimal value) {
    }

    public static Activations of(LocalDate from, LocalDate to, GroupBy groupBy, Map<LocalDate, Day> byDate) {
        List<ActivationPeriod> periods = new ArrayList<>();
        long count = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (LocalDate start = groupBy.start(from); !start.isAfter(to); start = groupBy.next(start)) {
            long n = 0;
            BigDecimal v = BigDecimal.ZERO.setScale(2);
            for (LocalDate d = start.isBefore(from) ? from : start; d.isBefore(groupBy.next(start)) && !d.isAfter(to); d = d.plusDays(1)) {
                Day day = byDate.get(d);
                if (day != null) {
                    n += day.activations();
                    v = v.add(day.value());
                }
            }
            periods.add(new ActivationPeriod(start, n, v));
            count += n;
            total = total.add(v);
        }
        return new Activations(from, to, groupBy, List.copyOf(periods), new ActivationTotals(count, total));
    }
}
