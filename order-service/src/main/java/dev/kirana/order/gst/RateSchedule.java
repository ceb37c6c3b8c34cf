package dev.kirana.order.gst;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A product's GST rate by date of supply: each rate applies from its date until the next one. A sale uses the rate
 * in force on its date of supply; a credit note uses the rates of its invoice (kept on the order's lines).
 * Data, not code: the replica fills it from catalog events.
 */
public final class RateSchedule {
    private final NavigableMap<LocalDate, BigDecimal> rates;

    private RateSchedule(NavigableMap<LocalDate, BigDecimal> rates) {
        this.rates = rates;
    }

    public static RateSchedule of(Map<LocalDate, BigDecimal> ratesFrom) {
        if (ratesFrom.isEmpty()) {
            throw new IllegalArgumentException("a rate schedule needs at least one rate");
        }
        return new RateSchedule(new TreeMap<>(ratesFrom));
    }

    public static RateSchedule flat(BigDecimal rate) {
        return of(Map.of(LocalDate.MIN, rate));
    }

    /** The rate in force on {@code dateOfSupply}; before the first known date, the earliest known rate. */
    public BigDecimal rateOn(LocalDate dateOfSupply) {
        Map.Entry<LocalDate, BigDecimal> e = rates.floorEntry(dateOfSupply);
        return e != null ? e.getValue() : rates.firstEntry().getValue();
    }
}
