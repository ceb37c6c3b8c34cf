package dev.kirana.reporting.staff;

import static dev.kirana.reporting.report.ReportColumn.count;
import static dev.kirana.reporting.report.ReportColumn.money;
import static dev.kirana.reporting.report.ReportColumn.quantity;
import static dev.kirana.reporting.report.ReportColumn.text;

import dev.kirana.reporting.report.ReportColumn;
import dev.kirana.reporting.report.ReportEngine;
import dev.kirana.reporting.report.ReportEngine.Query;
import dev.kirana.reporting.report.ReportRequests.Range;
import dev.kirana.reporting.report.ReportResult;
import dev.kirana.reporting.sales.SalesReports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Performance per employee over a range of the shop's days: the sales figures of the documents each person put
 * through as cashier ({@link SalesReports#DOC_FIGURES}, the same as the sales-by-cashier report: a void or refund counts
 * for whoever made it), baskets (sales less the voids the person made) with their average value and items, and the
 * hours and days the person worked from attendance. An employee is matched to the sales by the login linked to them;
 * a cashier login linked to no employee is a row of its own, with no attendance. Active employees are listed even on
 * a range without sales or attendance; inactive ones only when they have figures in it.
 */
@Component
public class StaffPerformance {
    static final List<ReportColumn> COLUMNS = List.of(text("employee_id", "Employee id"), text("name", "Employee"),
            text("cashier", "Login (cashier id)"), count("sales", "Sales"), money("gross", "Gross sales"),
            count("voids", "Voids"), money("voided", "Voided"), count("refunds", "Refunds"), money("refunded", "Refunded"),
            money("net", "Net sales"), money("discounts", "Discounts given"), count("baskets", "Baskets"),
            money("average_basket", "Average basket").unsummed(), quantity("items", "Items"),
            quantity("items_per_basket", "Items per basket").unsummed(), quantity("hours_worked", "Hours worked"),
            quantity("days_present", "Days present"), money("sales_per_hour", "Net sales per hour").unsummed());

    private static final String SQL = """
            WITH docs AS (
                SELECT coalesce(d.cashier_id, '') AS cashier, %s
                  FROM sale_docs d WHERE d.shop_id = :shop AND d.day BETWEEN :from AND :to GROUP BY 1
            ), items AS (
                SELECT coalesce(l.cashier_id, '') AS cashier, sum(l.quantity) AS items
                  FROM sale_lines l WHERE l.shop_id = :shop AND l.day BETWEEN :from AND :to AND l.kind <> 'REFUND' GROUP BY 1
            ), worked AS (
                SELECT a.employee_id, sum(a.hours_worked) AS hours_worked, sum(a.days_worked) AS days_present
                  FROM attendance_days a WHERE a.shop_id = :shop AND a.day BETWEEN :from AND :to GROUP BY 1
            ), people AS (
                SELECT e.employee_id, e.name, e.user_id AS cashier FROM employees e
                 WHERE e.shop_id = :shop AND (e.status = 'ACTIVE' OR e.employee_id IN (SELECT employee_id FROM worked)
                                              OR e.user_id IN (SELECT cashier FROM docs))
                UNION ALL
                SELECT NULL, NULL, d.cashier FROM docs d
                 WHERE NOT EXISTS (SELECT 1 FROM employees e WHERE e.shop_id = :shop AND e.user_id = d.cashier)
            )
            SELECT p.employee_id, p.name, nullif(p.cashier, '') AS cashier,
                   coalesce(d.sales, 0) AS sales, coalesce(d.gross, 0) AS gross, coalesce(d.voids, 0) AS voids,
                   coalesce(d.voided, 0) AS voided, coalesce(d.refunds, 0) AS refunds, coalesce(d.refunded, 0) AS refunded,
                   coalesce(d.net, 0) AS net, coalesce(d.discounts, 0) AS discounts,
                   greatest(coalesce(d.sales, 0) - coalesce(d.voids, 0), 0) AS baskets, d.average_basket,
                   coalesce(i.items, 0) AS items,
                   i.items / nullif(greatest(coalesce(d.sales, 0) - coalesce(d.voids, 0), 0), 0) AS items_per_basket,
                   coalesce(w.hours_worked, 0) AS hours_worked, coalesce(w.days_present, 0) AS days_present,
                   coalesce(d.net, 0) / nullif(w.hours_worked, 0) AS sales_per_hour
              FROM people p
              LEFT JOIN docs d ON d.cashier = p.cashier
              LEFT JOIN items i ON i.cashier = p.cashier
              LEFT JOIN worked w ON w.employee_id = p.employee_id
             ORDER BY p.name NULLS LAST, p.cashier, p.employee_id""".formatted(SalesReports.DOC_FIGURES);

    private final ReportEngine engine;

    public StaffPerformance(ReportEngine engine) {
        this.engine = engine;
    }

    public Mono<ReportResult> performance(String shop, Range r) {
        Query q = new Query("staff-performance", "Performance per employee", COLUMNS, SQL,
                Map.of("shop", shop, "from", r.from(), "to", r.to()))
                .withTotals(StaffPerformance::totals);
        return engine.run(q, shop, r.from(), r.to(), null);
    }

    /**
     * The shop's totals: baskets are its sales less its voids, whoever made them (as the sales summary counts them), so
     * the average basket and items per basket match the shop's; net sales per hour is over every hour worked.
     */
    static void totals(Map<String, Object> t) {
        long baskets = Math.max(0, (Long) t.get("sales") - (Long) t.get("voids"));
        t.put("baskets", baskets);
        SalesReports.docTotals(t);
        BigDecimal items = (BigDecimal) t.get("items");
        t.put("items_per_basket", baskets == 0 ? null
                : ReportEngine.normalise(COLUMNS.get(14), items.divide(BigDecimal.valueOf(baskets), 3, RoundingMode.HALF_UP)));
        BigDecimal hours = (BigDecimal) t.get("hours_worked");
        t.put("sales_per_hour", hours.signum() == 0 ? null : ((BigDecimal) t.get("net")).divide(hours, 2, RoundingMode.HALF_UP));
    }
}
