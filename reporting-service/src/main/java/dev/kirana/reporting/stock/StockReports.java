package dev.kirana.reporting.stock;

import static dev.kirana.reporting.report.ReportColumn.count;
import static dev.kirana.reporting.report.ReportColumn.date;
import static dev.kirana.reporting.report.ReportColumn.integer;
import static dev.kirana.reporting.report.ReportColumn.money;
import static dev.kirana.reporting.report.ReportColumn.quantity;
import static dev.kirana.reporting.report.ReportColumn.text;

import dev.kirana.export.Chart;
import dev.kirana.reporting.report.LineSource;
import dev.kirana.reporting.report.ReportEngine;
import dev.kirana.reporting.report.ReportEngine.Query;
import dev.kirana.reporting.report.ReportResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stock from inventory's events: on hand and value per product (the sum of every movement's quantity and value),
 * lots with what is left of each (their lot moves), and when each product last sold.
 */
@Component
public class StockReports {
    private final ReportEngine engine;

    public StockReports(ReportEngine engine) {
        this.engine = engine;
    }

    /** On hand and value per category, or per product with its reorder level. */
    public Mono<ReportResult> onHand(String shop, boolean byProduct, LocalDate today) {
        Query q;
        if (byProduct) {
            q = new Query("stock-by-product", "Stock on hand by product", List.of(text("product_id", "Product id"),
                    text("sku", "SKU"), text("name", "Product"), text("category", "Category"), quantity("on_hand", "On hand"),
                    money("average_cost", "Average cost").unsummed(), money("value", "Value"),
                    quantity("reorder_level", "Reorder level").unsummed(), text("low", "Low")), """
                    SELECT s.product_id, p.sku, p.name, coalesce(p.category_path, 'Uncategorised') AS category, s.on_hand,
                           CASE WHEN s.on_hand <> 0 THEN s.value / s.on_hand END AS average_cost, s.value, p.reorder_level,
                           CASE WHEN p.reorder_level > 0 AND s.on_hand <= p.reorder_level THEN 'yes' ELSE '' END AS low
                      FROM stock s LEFT JOIN products p ON p.shop_id = s.shop_id AND p.product_id = s.product_id
                     WHERE s.shop_id = :shop AND (s.on_hand <> 0 OR s.value <> 0)
                     ORDER BY category, p.name, s.product_id""", Map.of("shop", shop));
        } else {
            q = new Query("stock-by-category", "Stock on hand and value by category", List.of(text("category", "Category"),
                    count("products", "Products"), quantity("on_hand", "On hand"), money("value", "Value")), """
                    SELECT coalesce(p.category_path, 'Uncategorised') AS category, count(*) AS products,
                           sum(s.on_hand) AS on_hand, sum(s.value) AS value
                      FROM stock s LEFT JOIN products p ON p.shop_id = s.shop_id AND p.product_id = s.product_id
                     WHERE s.shop_id = :shop AND (s.on_hand <> 0 OR s.value <> 0)
                     GROUP BY 1 ORDER BY value DESC, category""", Map.of("shop", shop))
                    .withChart(new Chart(Chart.Type.PIE, "Stock value by category", 0, List.of(3)));
        }
        return engine.run(q, shop, null, today, null);
    }

    /** Lots with stock left that expire within {@code days} (and those already expired), soonest first. */
    public Mono<ReportResult> expiring(String shop, LocalDate today, int days) {
        Query q = new Query("expiring-batches", "Batches expiring in the next " + days + " days", List.of(
                text("product_id", "Product id"), text("name", "Product"), text("batch_no", "Batch"),
                date("expiry_date", "Expires"), integer("days_left", "Days left"), quantity("remaining", "Remaining"),
                money("value", "Value")), """
                SELECT l.product_id, p.name, l.batch_no, l.expiry_date, (l.expiry_date - :today) AS days_left,
                       l.remaining, l.remaining * coalesce(l.unit_cost, 0) AS value
                  FROM lots l LEFT JOIN products p ON p.shop_id = l.shop_id AND p.product_id = l.product_id
                 WHERE l.shop_id = :shop AND l.remaining > 0 AND l.expiry_date IS NOT NULL AND l.expiry_date <= :until
                 ORDER BY l.expiry_date, p.name, l.lot_id""",
                Map.of("shop", shop, "today", today, "until", today.plusDays(days)));
        return engine.run(q, shop, today, today.plusDays(days), null);
    }

    /**
     * Products with stock that did not sell in the last {@code days} days (DEAD), or sold so little that what is on hand
     * lasts more than {@code coverDays} days at that pace (SLOW): the value tied up in them.
     */
    public Mono<ReportResult> slowMoving(String shop, LocalDate today, int days, int coverDays) {
        LineSource window = LineSource.of(shop, today.minusDays(days - 1L), today);
        Map<String, Object> binds = new java.util.LinkedHashMap<>(window.binds());
        binds.put("days", days);
        binds.put("cover", coverDays);
        Query q = new Query("slow-moving-stock", "Slow-moving and dead stock (no or few sales in " + days + " days)", List.of(
                text("product_id", "Product id"), text("name", "Product"), text("category", "Category"),
                text("status", "Status"), date("last_sold", "Last sold"), quantity("sold", "Sold in period"),
                quantity("on_hand", "On hand"), integer("days_of_cover", "Days of cover"), money("value", "Value tied up")), """
                WITH sold AS (SELECT product_id, sum(quantity) AS sold FROM %s l GROUP BY product_id),
                     s AS (
                    SELECT s.product_id, p.name, coalesce(p.category_path, 'Uncategorised') AS category, s.last_sold,
                           greatest(coalesce(sold.sold, 0), 0) AS sold, s.on_hand, s.value
                      FROM stock s LEFT JOIN products p ON p.shop_id = s.shop_id AND p.product_id = s.product_id
                      LEFT JOIN sold ON sold.product_id = s.product_id
                     WHERE s.shop_id = :shop AND s.on_hand > 0)
                SELECT product_id, name, category,
                       CASE WHEN sold = 0 THEN 'DEAD' ELSE 'SLOW' END AS status, last_sold, sold, on_hand,
                       CASE WHEN sold > 0 THEN round(on_hand / (sold / :days)) END AS days_of_cover, value
                  FROM s
                 WHERE sold = 0 OR on_hand / (sold / :days) > :cover
                 ORDER BY value DESC, product_id""".formatted(window.sql()), binds);
        return engine.run(q, shop, today.minusDays(days - 1L), today, null);
    }

    /** What is on hand by how long ago its lot came in: value per product in age bands. */
    public Mono<ReportResult> ageing(String shop, LocalDate today, java.time.ZoneId zone) {
        Query q = new Query("stock-ageing", "Stock ageing by the date each lot came in", List.of(
                text("product_id", "Product id"), text("name", "Product"), quantity("remaining", "On hand in lots"),
                money("d0_30", "0-30 days"), money("d31_60", "31-60 days"), money("d61_90", "61-90 days"),
                money("d91_180", "91-180 days"), money("d181", "Over 180 days"), money("value", "Value")), """
                SELECT l.product_id, max(p.name) AS name, sum(l.remaining) AS remaining,
                       coalesce(sum(v) FILTER (WHERE age <= 30), 0) AS d0_30,
                       coalesce(sum(v) FILTER (WHERE age BETWEEN 31 AND 60), 0) AS d31_60,
                       coalesce(sum(v) FILTER (WHERE age BETWEEN 61 AND 90), 0) AS d61_90,
                       coalesce(sum(v) FILTER (WHERE age BETWEEN 91 AND 180), 0) AS d91_180,
                       coalesce(sum(v) FILTER (WHERE age > 180), 0) AS d181,
                       sum(v) AS value
                  FROM (SELECT l.*, l.remaining * coalesce(l.unit_cost, 0) AS v,
                               (:today - (l.received_at AT TIME ZONE :zone)::date) AS age
                          FROM lots l WHERE l.shop_id = :shop AND l.remaining > 0) l
                  LEFT JOIN products p ON p.shop_id = l.shop_id AND p.product_id = l.product_id
                 GROUP BY l.product_id ORDER BY value DESC, l.product_id""",
                Map.of("shop", shop, "today", today, "zone", zone.getId()));
        return engine.run(q, shop, null, today, null);
    }
}
