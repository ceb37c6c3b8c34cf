package dev.kirana.accounting.khata;

import dev.kirana.export.IndianFormat;
import java.math.BigDecimal;

/**
 * An amount of rupees as an Indian reader writes it: two decimals and lakh/crore digit grouping, the last three
 * digits together and then pairs (₹1,23,456.00; 12,34,567.50).
 */
public final class IndianRupees {

    /** The amount to the paisa with Indian grouping, no symbol: 1234567.5 → "12,34,567.50". */
    public static String grouped(BigDecimal amount) {
        return IndianFormat.money(amount);
    }

    /** With the rupee sign: 123456 → "₹1,23,456.00". */
    public static String format(BigDecimal amount) {
        String g = grouped(amount);
        return g.startsWith("-") ? "-₹" + g.substring(1) : "₹" + g;
    }

    private IndianRupees() {
    }
}
