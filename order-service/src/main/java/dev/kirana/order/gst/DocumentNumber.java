package dev.kirana.order.gst;

import java.util.regex.Pattern;

/**
 * Numbers of invoices and credit notes (Rule 46): consecutive within a series and financial year, at most 16
 * characters of letters, digits, {@code -} and {@code /}. Shaped {@code PREFIX/FY/NNNNN}, e.g. {@code INV/2627/00042}.
 */
public final class DocumentNumber {
    public static final int MAX_LENGTH = 16;
    public static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9/-]{1,16}");
    /** A series prefix: 1 to 4 capital letters or digits, so a year has room for 999,999 documents. */
    public static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,4}");

    public static String format(String prefix, FinancialYear year, long sequence) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a series prefix is 1 to 4 capital letters or digits: " + prefix);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("document numbers start at 1");
        }
        String number = prefix + "/" + year.label() + "/" + String.format("%05d", sequence);
        if (number.length() > MAX_LENGTH || !ALLOWED.matcher(number).matches()) {
            throw new IllegalStateException("series " + prefix + " is exhausted for " + year.label() + ": " + number + " is too long");
        }
        return number;
    }

    private DocumentNumber() {
    }
}
