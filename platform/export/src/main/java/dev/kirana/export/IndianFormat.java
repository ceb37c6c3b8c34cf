package dev.kirana.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as an Indian reader writes them: lakh/crore digit grouping, the last three digits of the whole part together
 * and then pairs (1,23,456.00; 12,34,56,789). The one rule the suite uses for amounts in text, PDFs and messages.
 */
public final class IndianFormat {

    /** An amount to the paisa (half up), no currency sign: 123456 → "1,23,456.00", -12345.5 → "-12,345.50"; null → "". */
    public static String money(BigDecimal amount) {
        return amount == null ? "" : grouped(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A number with its own decimals kept: 1234567 → "12,34,567", -1250.500 → "-1,250.500"; null → "". */
    public static String grouped(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        return (value.signum() < 0 ? "-" : "") + groupWhole(whole) + fraction;
    }

    /** A whole number: 1234567 → "12,34,567". */
    public static String grouped(long value) {
        return grouped(BigDecimal.valueOf(value));
    }

    private static String groupWhole(String digits) {
        int firstGroup = digits.length() - 3;
        if (firstGroup <= 0) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 2);
        String lead = digits.substring(0, firstGroup);
        int i = lead.length() % 2;
        if (i > 0) {
            out.append(lead, 0, i).append(',');
        }
        for (; i < lead.length(); i += 2) {
            out.append(lead, i, i + 2).append(',');
        }
        return out.append(digits, firstGroup, digits.length()).toString();
    }

    private IndianFormat() {
    }
}
