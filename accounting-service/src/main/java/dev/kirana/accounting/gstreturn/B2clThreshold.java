package dev.kirana.accounting.gstreturn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The invoice value above which an inter-state supply to an unregistered buyer is reported invoice by invoice (GSTR-1
 * table 5, B2CL) instead of in the B2CS summary: ₹2,50,000 until 31 July 2024, ₹1,00,000 from 1 August 2024
 * (notification 12/2024-Central Tax, amending rule 59). Kept as dated values: the one in force on the invoice's date
 * applies, so an older invoice keeps the older threshold.
 */
public final class B2clThreshold {
    private static final NavigableMap<LocalDate, BigDecimal> IN_FORCE = new TreeMap<>();

    static {
        IN_FORCE.put(LocalDate.of(2017, 7, 1), new BigDecimal("250000.00"));
        IN_FORCE.put(LocalDate.of(2024, 8, 1), new BigDecimal("100000.00"));
    }

    public static BigDecimal on(LocalDate invoiceDate) {
        var entry = IN_FORCE.floorEntry(invoiceDate);
        return entry == null ? IN_FORCE.firstEntry().getValue() : entry.getValue();
    }

    /** Whether an invoice of {@code value} dated {@code invoiceDate} is above the threshold (strictly more than it). */
    public static boolean above(BigDecimal value, LocalDate invoiceDate) {
        return value != null && value.compareTo(on(invoiceDate)) > 0;
    }

    private B2clThreshold() {
    }
}
