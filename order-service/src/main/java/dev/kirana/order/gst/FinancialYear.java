package dev.kirana.order.gst;

import java.time.LocalDate;

/** The financial year a date falls in; India's runs 1 April – 31 March, labelled by its two years, e.g. "2627". */
public record FinancialYear(int startYear, int startMonth) {
    public static final int INDIA_START_MONTH = 4;

    public static FinancialYear of(LocalDate date) {
        return of(date, INDIA_START_MONTH);
    }

    public static FinancialYear of(LocalDate date, int startMonth) {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("a financial year starts in month 1..12");
        }
        int start = date.getMonthValue() >= startMonth ? date.getYear() : date.getYear() - 1;
        return new FinancialYear(start, startMonth);
    }

    /** Four characters: "2627" for 2026-27 (a calendar-year FY is just "2026"). */
    public String label() {
        if (startMonth == 1) {
            return String.valueOf(startYear);
        }
        return String.format("%02d%02d", startYear % 100, (startYear + 1) % 100);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, startMonth, 1);
    }
}
