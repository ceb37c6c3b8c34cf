package dev.kirana.accounting.purchase;

import java.time.LocalDate;

/** Debit note numbers: {@code DN/<financial year>/<n>}, consecutive per shop and financial year (April-March), 13 characters. */
public final class DebitNoteNumber {

    /** The financial year a date falls in, as {@code 26-27} for 1 April 2026 to 31 March 2027. */
    public static String financialYear(LocalDate date) {
        int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        return String.format("%02d-%02d", start % 100, (start + 1) % 100);
    }

    public static String format(String financialYear, int n) {
        if (n < 1 || n > 9999) {
            throw new IllegalArgumentException("debit note numbers run from 1 to 9999 in a financial year");
        }
        return "DN/" + financialYear + "/" + String.format("%04d", n);
    }

    private DebitNoteNumber() {
    }
}
