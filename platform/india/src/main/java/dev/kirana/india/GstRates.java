package dev.kirana.india;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The GST rates (percent, CGST + SGST or IGST) that a supply of goods can carry on a given date: the suite's one list of
 * them, for everything that takes a rate from a person (a product, a line of a spreadsheet import, a purchase bill, an
 * expense). A rate that is not in force on the date it applies from is refused, not stored and published.
 * <ul>
 * <li>Until 21 September 2025: 0, 5, 12, 18 and 28, beside the special rates for precious goods (3 gold, silver and
 * jewellery; 1.5 cut and polished diamonds; 0.25 rough diamonds) and 0.1 for supplies to merchant exporters.</li>
 * <li>From 22 September 2025 (the GST Council's 56th meeting, rate notifications of 17 September 2025): 0, 5, 18 and
 * 40, the same special rates, and 28 for tobacco and pan masala, which kept it until 31 January 2026.</li>
 * <li>From 1 February 2026: 28 is gone (tobacco moved to 40, bidis to 18).</li>
 * </ul>
 * Compensation cess is not a GST rate and is not in these lists.
 */
public final class GstRates {
    private static final List<String> SPECIAL = List.of("0.1", "0.25", "1.5", "3");
    private static final NavigableMap<LocalDate, Set<BigDecimal>> IN_FORCE = new TreeMap<>();

    static {
        IN_FORCE.put(LocalDate.of(2017, 7, 1), rates("0", "5", "12", "18", "28"));
        IN_FORCE.put(LocalDate.of(2025, 9, 22), rates("0", "5", "18", "28", "40"));
        IN_FORCE.put(LocalDate.of(2026, 2, 1), rates("0", "5", "18", "40"));
    }

    private GstRates() {
    }

    private static Set<BigDecimal> rates(String... general) {
        Set<BigDecimal> rates = new TreeSet<>();
        for (String r : general) rates.add(new BigDecimal(r));
        for (String r : SPECIAL) rates.add(new BigDecimal(r));
        return java.util.Collections.unmodifiableSet(rates);
    }

    /** The rates in force on {@code date} (the GST regime began on 1 July 2017: before it, none). */
    public static Set<BigDecimal> inForce(LocalDate date) {
        var entry = IN_FORCE.floorEntry(date);
        return entry == null ? Set.of() : entry.getValue();
    }

    /** Whether {@code rate} (percent, any scale: 18, 18.0 and 18.00 are one rate) is a GST rate on {@code date}. */
    public static boolean exists(BigDecimal rate, LocalDate date) {
        return rate != null && inForce(date).stream().anyMatch(r -> r.compareTo(rate) == 0);
    }

    /** "0, 0.1, 0.25, 1.5, 3, 5, 18, 40": the rates on {@code date}, for a message that says what would be accepted. */
    public static String describe(LocalDate date) {
        return inForce(date).stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", "));
    }

    /** The problem's text when {@code rate} is not a GST rate on {@code date}, or null when it is. */
    public static String violation(BigDecimal rate, LocalDate date) {
        if (rate == null || exists(rate, date)) return null;
        return "is not a GST rate in force on " + date + " (" + describe(date) + ")";
    }
}
