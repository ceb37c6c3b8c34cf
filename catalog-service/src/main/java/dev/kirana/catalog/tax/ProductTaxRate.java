package dev.kirana.catalog.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which GST rate applies to one product on a date of supply. Two kinds of dated facts decide it: the
 * schedule's rows for the product's HSN code (the law), and rates the shop set on the product itself,
 * each from a date. The latest fact in force on the date wins, the shop's own on a tie — so a rate set
 * by hand holds until the schedule next changes for that HSN, and old dates keep old rates.
 * Before any fact (a date before the product's first rate, for an HSN the schedule does not cover)
 * the product's first known rate applies.
 */
public final class ProductTaxRate {
    public enum Source { SCHEDULE, PRODUCT }

    /** A rate the shop set on the product, in force from {@code effectiveFrom}. */
    public record OwnRate(LocalDate effectiveFrom, BigDecimal rate) {
    }

    /** The answer: the rate (and cess when the schedule knows it), where it came from and since when it applies. */
    public record Applicable(LocalDate date, BigDecimal rate, BigDecimal cess, Source source, LocalDate effectiveFrom,
                             String hsnPrefix, String description) {
    }

    private ProductTaxRate() {
    }

    /** @param fallback used only when there is no fact at all (a product without any recorded rate) */
    public static Applicable on(LocalDate date, String hsn, List<OwnRate> own, GstRateSchedule schedule, BigDecimal fallback) {
        Optional<OwnRate> ownFact = own.stream().filter(o -> !o.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(OwnRate::effectiveFrom));
        Optional<ScheduledRate> law = schedule.rateOn(hsn, date);
        if (ownFact.isPresent() && (law.isEmpty() || !law.get().effectiveFrom().isAfter(ownFact.get().effectiveFrom()))) {
            return own(date, ownFact.get());
        }
        if (law.isPresent()) {
            ScheduledRate s = law.get();
            return new Applicable(date, s.rate(), s.cess(), Source.SCHEDULE, s.effectiveFrom(), s.hsnPrefix(), s.description());
        }
        return own.stream().min(Comparator.comparing(OwnRate::effectiveFrom)).map(first -> own(date, first))
                .orElseGet(() -> new Applicable(date, fallback, null, Source.PRODUCT, null, null, null));
    }

    /**
     * Whether a rate the shop gives for a product from {@code from} must be recorded as the product's own:
     * not when it is already the rate that applies then by a dated fact (then later schedule changes keep applying).
     */
    public static boolean needsOwnRate(BigDecimal requested, LocalDate from, String hsn, List<OwnRate> own, GstRateSchedule schedule) {
        Applicable now = on(from, hsn, own, schedule, null);
        return now.rate() == null || now.effectiveFrom() == null || now.rate().compareTo(requested) != 0;
    }

    private static Applicable own(LocalDate date, OwnRate o) {
        return new Applicable(date, o.rate(), null, Source.PRODUCT, o.effectiveFrom(), null, null);
    }
}
