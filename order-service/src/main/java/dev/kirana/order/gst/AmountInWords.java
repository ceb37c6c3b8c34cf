package dev.kirana.order.gst;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in Indian words (lakh, crore), as invoices print it: "Rupees One Lakh Five Thousand and Fifty Paise Only". */
public final class AmountInWords {
    private static final String[] ONES = {"", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
            "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"};
    private static final String[] TENS = {"", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"};

    public static String rupees(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
        boolean negative = a.signum() < 0;
        a = a.abs();
        long rupees = a.longValue();
        int paise = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        StringBuilder out = new StringBuilder(negative ? "Minus Rupees " : "Rupees ");
        out.append(rupees == 0 ? "Zero" : words(rupees));
        if (paise > 0) {
            out.append(" and ").append(words(paise)).append(" Paise");
        }
        return out.append(" Only").toString();
    }

    static String words(long n) {
        StringBuilder out = new StringBuilder();
        long crore = n / 1_00_00_000;
        n %= 1_00_00_000;
        if (crore > 0) {
            append(out, words(crore) + " Crore");
        }
        long lakh = n / 1_00_000;
        n %= 1_00_000;
        if (lakh > 0) {
            append(out, belowHundred((int) lakh) + " Lakh");
        }
        long thousand = n / 1000;
        n %= 1000;
        if (thousand > 0) {
            append(out, belowHundred((int) thousand) + " Thousand");
        }
        long hundred = n / 100;
        n %= 100;
        if (hundred > 0) {
            append(out, ONES[(int) hundred] + " Hundred");
        }
        if (n > 0) {
            append(out, belowHundred((int) n));
        }
        return out.toString();
    }

    private static String belowHundred(int n) {
        if (n < 20) {
            return ONES[n];
        }
        return TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
    }

    private static void append(StringBuilder out, String part) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(part);
    }

    private AmountInWords() {
    }
}
