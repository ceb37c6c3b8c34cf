package dev.kirana.reporting.report;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sale lines of a date range as one row source for a report: whole months from the monthly rollup
 * ({@code line_months}), the days before and after them from {@code sale_lines} itself, so a year's report sums a few
 * thousand rows rather than every line. Columns: product_id, name, kind, hsn, gst_rate, quantity, amount, discount,
 * taxable, cgst, sgst, igst, cost.
 */
public record LineSource(String sql, Map<String, Object> binds) {
    private static final String COLUMNS = "product_id, name, kind, coalesce(hsn, '') AS hsn, coalesce(gst_rate, 0) AS gst_rate, "
            + "quantity, amount, discount, taxable, cgst, sgst, igst, cost";

    public static LineSource of(String shop, LocalDate from, LocalDate to) {
        LocalDate firstFull = from.getDayOfMonth() == 1 ? from : from.with(TemporalAdjusters.firstDayOfNextMonth());
        LocalDate lastFull = to.equals(to.with(TemporalAdjusters.lastDayOfMonth())) ? to
                : to.withDayOfMonth(1).minusDays(1);
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("shop", shop);
        binds.put("from", from);
        binds.put("to", to);
        if (firstFull.isAfter(lastFull)) {
            return new LineSource("(SELECT " + COLUMNS + " FROM sale_lines WHERE shop_id = :shop AND day BETWEEN :from AND :to)",
                    binds);
        }
        binds.put("firstFull", firstFull);
        binds.put("lastFull", lastFull);
        String sql = "(SELECT " + COLUMNS + " FROM sale_lines WHERE shop_id = :shop"
                + " AND (day BETWEEN :from AND :firstFull - 1 OR day BETWEEN :lastFull + 1 AND :to)"
                + " UNION ALL SELECT " + COLUMNS + " FROM line_months WHERE shop_id = :shop AND month BETWEEN :firstFull AND :lastFull)";
        return new LineSource(sql, binds);
    }
}
