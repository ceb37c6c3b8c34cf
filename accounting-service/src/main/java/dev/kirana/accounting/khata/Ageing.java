package dev.kirana.accounting.khata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How old what a party owes is, at a date. Everything that reduces the balance (collections, refunds, credits) is
 * allocated first-in first-out against the oldest amounts that raised it (sales, opening balance); what is left of
 * each is aged by its own date: 0–30, 31–60, 61–90 and over 90 days. Reduced by more than was ever raised, the rest is
 * an advance and nothing is due.
 */
public final class Ageing {

    /** A movement of the balance in the party's sense: positive raises what is due, negative reduces it. */
    public record Movement(LocalDate date, BigDecimal amount) {
    }

    public record Report(LocalDate asOf, BigDecimal days0To30, BigDecimal days31To60, BigDecimal days61To90,
                         BigDecimal over90Days, BigDecimal totalDue, BigDecimal advance) {
    }

    public static Report of(LocalDate asOf, List<Movement> movements) {
        Open open = open(asOf, movements);
        BigDecimal[] buckets = {zero(), zero(), zero(), zero()};
        for (Movement m : open.amounts()) {
            long days = ChronoUnit.DAYS.between(m.date(), asOf);
            int bucket = days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
            buckets[bucket] = buckets[bucket].add(m.amount());
        }
        BigDecimal due = buckets[0].add(buckets[1]).add(buckets[2]).add(buckets[3]);
        return new Report(asOf, buckets[0], buckets[1], buckets[2], buckets[3], due, open.advance());
    }

    /**
     * What is overdue at {@code asOf} for a party given {@code creditDays} to pay: the open amounts (after the same
     * first-in first-out allocation as {@link #of}) raised more than {@code creditDays} days before {@code asOf}.
     */
    public static BigDecimal overdue(LocalDate asOf, List<Movement> movements, int creditDays) {
        if (creditDays < 0) {
            throw new IllegalArgumentException("credit days must not be negative");
        }
        BigDecimal overdue = zero();
        for (Movement m : open(asOf, movements).amounts()) {
            if (ChronoUnit.DAYS.between(m.date(), asOf) > creditDays) {
                overdue = overdue.add(m.amount());
            }
        }
        return overdue;
    }

    /** What is left of each amount that raised the balance, each with its own date, and the advance beyond them. */
    private record Open(List<Movement> amounts, BigDecimal advance) {
    }

    private static Open open(LocalDate asOf, List<Movement> movements) {
        List<Movement> raised = new ArrayList<>();
        BigDecimal reductions = BigDecimal.ZERO;
        for (Movement m : movements) {
            if (m.date().isAfter(asOf)) {
                continue;
            }
            if (m.amount().signum() > 0) {
                raised.add(m);
            } else {
                reductions = reductions.add(m.amount().negate());
            }
        }
        raised.sort(Comparator.comparing(Movement::date)); // stable: same-day amounts keep their order
        List<Movement> open = new ArrayList<>();
        BigDecimal left = reductions;
        for (Movement m : raised) {
            BigDecimal applied = left.min(m.amount());
            left = left.subtract(applied);
            BigDecimal rest = m.amount().subtract(applied);
            if (rest.signum() > 0) {
                open.add(new Movement(m.date(), rest));
            }
        }
        return new Open(open, left.setScale(2));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private Ageing() {
    }
}
