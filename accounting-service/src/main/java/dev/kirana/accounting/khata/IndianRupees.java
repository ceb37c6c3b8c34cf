package dev.kirana.accounting.khata;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of rupees as an Indian reader writes it: two decimals and lakh/crore digit grouping, the last three
 * digits together and then pairs (₹1,23,456.00; 12,34,567.50).
 */
public final class IndianRupees {

    /** The amount to the paisa with Indian grouping, no symbol: 1234567.5 → "12,34,567.50". */
    public static String grouped(BigDecimal amount) {
        BigDecimal paise = amount.setScale(2, RoundingMode.HALF_UP);
        String plain = paise.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        StringBuilder out = new StringBuilder();
        int firstGroup = whole.length() - 3;
        if (firstGroup <= 0) {
            out.append(whole);
        } else {
            String lead = whole.substring(0, firstGroup);
            int i = lead.length() % 2;
            if (i > 0) {
                out.append(lead, 0, i).append(',');
            }
            for (; i < lead.length(); i += 2) {
                out.append(lead, i, i + 2).append(',');
            }
            out.append(whole.substring(firstGroup));
        }
        return (paise.signum() < 0 ? "-" : "") + out + plain.substring(dot);
    }

    /** With the rupee sign: 123456 → "₹1,23,456.00". */
    public static String format(BigDecimal amount) {
        String g = grouped(amount);
        return g.startsWith("-") ? "-₹" + g.substring(1) : "₹" + g;
    }

    private IndianRupees() {
    }
}
