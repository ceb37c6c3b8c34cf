package dev.kirana.reporting.sales;

import static dev.kirana.reporting.report.ReportColumn.count;
import static dev.kirana.reporting.report.ReportColumn.date;
import static dev.kirana.reporting.report.ReportColumn.integer;
import static dev.kirana.reporting.report.ReportColumn.money;
import static dev.kirana.reporting.report.ReportColumn.percent;
import static dev.kirana.reporting.report.ReportColumn.quantity;
import static dev.kirana.reporting.report.ReportColumn.text;

import dev.kirana.export.Chart;
import dev.kirana.reporting.report.LineSource;
import dev.kirana.reporting.report.Period;
import dev.kirana.reporting.report.ReportColumn;
import dev.kirana.reporting.report.ReportEngine;
import dev.kirana.reporting.report.ReportEngine.Query;
import dev.kirana.reporting.report.ReportRequests.Range;
import dev.kirana.reporting.report.ReportResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sales figures from the sale documents and lines. Every figure has its gross (sales), returns (voids and refunds, on
 * the day they happened) and net; amounts include tax ({@code net}) unless named revenue (taxable value, what margin
 * is measured on); cost is what the goods sold cost (stock.committed), less the cost of goods that came back to stock.
 */
@Component
public class SalesReports {
    private final ReportEngine engine;

    public SalesReports(ReportEngine engine) {
        this.engine = engine;
    }

    static final String LINE_FIGURES = """
            coalesce(sum(l.quantity) FILTER (WHERE l.kind = 'SALE'), 0) AS quantity_sold,
            coalesce(-sum(l.quantity) FILTER (WHERE l.kind <> 'SALE'), 0) AS quantity_returned,
            coalesce(sum(l.quantity), 0) AS net_quantity,
            coalesce(sum(l.amount) FILTER (WHERE l.kind = 'SALE'), 0) AS gross,
            coalesce(-sum(l.amount) FILTER (WHERE l.kind <> 'SALE'), 0) AS returns,
            coalesce(sum(l.amount), 0) AS net,
            coalesce(sum(l.discount), 0) AS discount,
            coalesce(sum(l.taxable), 0) AS revenue,
            coalesce(sum(l.cost), 0) AS cost,
            coalesce(sum(l.taxable), 0) - coalesce(sum(l.cost), 0) AS margin,
            CASE WHEN sum(l.taxable) <> 0 THEN 100 * (sum(l.taxable) - coalesce(sum(l.cost), 0)) / sum(l.taxable) END AS margin_pct""";

    static final List<ReportColumn> LINE_COLUMNS = List.of(quantity("quantity_sold", "Qty sold"),
            quantity("quantity_returned", "Qty returned"), quantity("net_quantity", "Net qty"), money("gross", "Gross sales"),
            money("returns", "Returns"), money("net", "Net sales"), money("discount", "Discounts"),
            money("revenue", "Revenue (taxable)"), money("cost", "Cost"), money("margin", "Margin"),
            percent("margin_pct", "Margin %"));

    /** A document source's figures (alias {@code d}): counts, gross, voided, refunded, net, discounts, average basket. */
    public static final String DOC_FIGURES = """
            count(*) FILTER (WHERE d.kind = 'SALE') AS sales,
            count(*) FILTER (WHERE d.kind = 'VOID') AS voids,
            count(*) FILTER (WHERE d.kind = 'REFUND') AS refunds,
            coalesce(sum(d.total) FILTER (WHERE d.kind = 'SALE'), 0) AS gross,
            coalesce(-sum(d.total) FILTER (WHERE d.kind = 'VOID'), 0) AS voided,
            coalesce(-sum(d.total) FILTER (WHERE d.kind = 'REFUND'), 0) AS refunded,
            coalesce(-sum(d.total) FILTER (WHERE d.kind <> 'SALE'), 0) AS returns,
            coalesce(sum(d.total), 0) AS net,
            coalesce(sum(d.discount), 0) AS discounts,
            sum(d.total) / nullif(greatest(count(*) FILTER (WHERE d.kind = 'SALE') - count(*) FILTER (WHERE d.kind = 'VOID'), 0), 0) AS average_basket""";

    public static final List<ReportColumn> DOC_COLUMNS = List.of(count("sales", "Sales"), count("voids", "Voids"),
            count("refunds", "Refunds"), money("gross", "Gross sales"), money("voided", "Voided"), money("refunded", "Refunded"),
            money("returns", "Returns"), money("net", "Net sales"), money("discounts", "Discounts"),
            money("average_basket", "Average basket").unsummed());

    private static void lineTotals(Map<String, Object> t) {
        t.put("margin_pct", ReportEngine.percent(t.get("margin"), t.get("revenue")));
    }

    /** The totals' average basket: net over the sales not voided. */
    public static void docTotals(Map<String, Object> t) {
        long baskets = Math.max(0, (Long) t.get("sales") - (Long) t.get("voids"));
        t.put("average_basket", ReportEngine.average(t.get("net"), baskets));
    }

    /** Per day, week or month: the documents' figures, tax, and the cost and gross margin of the goods. */
    public Mono<ReportResult> summary(String shop, Range r, Period p) {
        String sql = """
                SELECT %s AS period,
                       coalesce(sum(docs) FILTER (WHERE kind = 'SALE'), 0) AS sales,
                       coalesce(sum(docs) FILTER (WHERE kind = 'VOID'), 0) AS voids,
                       coalesce(sum(docs) FILTER (WHERE kind = 'REFUND'), 0) AS refunds,
                       coalesce(sum(total) FILTER (WHERE kind = 'SALE'), 0) AS gross,
                       coalesce(-sum(total) FILTER (WHERE kind = 'VOID'), 0) AS voided,
                       coalesce(-sum(total) FILTER (WHERE kind = 'REFUND'), 0) AS refunded,
                       coalesce(-sum(total) FILTER (WHERE kind <> 'SALE'), 0) AS returns,
                       sum(total) AS net, sum(discount) AS discounts,
                       sum(total) / nullif(greatest(coalesce(sum(docs) FILTER (WHERE kind = 'SALE'), 0)
                                                    - coalesce(sum(docs) FILTER (WHERE kind = 'VOID'), 0), 0), 0) AS average_basket,
                       sum(taxable) AS revenue, sum(tax) AS tax, sum(cost) AS cost, sum(taxable) - sum(cost) AS gross_margin,
                       CASE WHEN sum(taxable) <> 0 THEN 100 * (sum(taxable) - sum(cost)) / sum(taxable) END AS margin_pct
                  FROM doc_days WHERE shop_id = :shop AND day BETWEEN :from AND :to
                 GROUP BY 1 ORDER BY 1""".formatted(p.sql());
        List<ReportColumn> cols = new ArrayList<>();
        cols.add(date("period", "Period"));
        cols.addAll(DOC_COLUMNS);
        cols.add(money("revenue", "Revenue (taxable)"));
        cols.add(money("tax", "Tax"));
        cols.add(money("cost", "Cost"));
        cols.add(money("gross_margin", "Gross margin"));
        cols.add(percent("margin_pct", "Margin %"));
        Query q = new Query("sales-summary", "Sales summary", cols, sql, binds(shop, r))
                .withChart(new Chart(Chart.Type.LINE, "Net sales", 0, List.of(cols.indexOf(DOC_COLUMNS.get(7)))))
                .withTotals(t -> {
                    docTotals(t);
                    t.put("margin_pct", ReportEngine.percent(t.get("gross_margin"), t.get("revenue")));
                });
        return engine.run(q, shop, r.from(), r.to(), p.name());
    }

    public enum Dimension { PRODUCT, CATEGORY, HSN, TENDER, CASHIER, CUSTOMER, HOUR, WEEKDAY }

    public Mono<ReportResult> by(String shop, Range r, Dimension dim) {
        LineSource src = lines(shop, r);
        Query q = switch (dim) {
            case PRODUCT -> products(shop, r, "ORDER BY net DESC, product_id", "sales-by-product", "Sales by product");
            case CATEGORY -> {
                List<ReportColumn> cols = new ArrayList<>(List.of(text("category", "Category")));
                cols.addAll(LINE_COLUMNS);
                yield new Query("sales-by-category", "Sales by category", cols, """
                        SELECT coalesce(p.category_path, 'Uncategorised') AS category, %s
                          FROM %s l LEFT JOIN products p ON p.shop_id = :shop AND p.product_id = l.product_id
                         GROUP BY 1 ORDER BY net DESC, category""".formatted(LINE_FIGURES, src.sql()), src.binds())
                        .withChart(new Chart(Chart.Type.PIE, "Net sales by category", 0, List.of(6)))
                        .withTotals(SalesReports::lineTotals);
            }
            case HSN -> new Query("sales-by-hsn", "Sales by HSN and rate", List.of(text("hsn", "HSN"),
                    percent("gst_rate", "GST rate %"), quantity("net_quantity", "Net qty"), money("revenue", "Taxable value"),
                    money("cgst", "CGST"), money("sgst", "SGST"), money("igst", "IGST"), money("tax", "Total tax"),
                    money("net", "Net sales")), """
                    SELECT l.hsn, l.gst_rate, sum(l.quantity) AS net_quantity,
                           sum(l.taxable) AS revenue, sum(l.cgst) AS cgst, sum(l.sgst) AS sgst, sum(l.igst) AS igst,
                           sum(l.cgst + l.sgst + l.igst) AS tax, sum(l.amount) AS net
                      FROM %s l
                     GROUP BY 1, 2 ORDER BY 1, 2""".formatted(src.sql()), src.binds());
            case TENDER -> new Query("sales-by-tender", "Sales by tender", List.of(text("tender", "Tender"),
                    count("payments", "Payments"), money("gross", "Received"), money("returns", "Paid back"),
                    money("net", "Net")), """
                    SELECT t.type AS tender, count(*) FILTER (WHERE t.kind = 'SALE') AS payments,
                           coalesce(sum(t.amount) FILTER (WHERE t.kind = 'SALE'), 0) AS gross,
                           coalesce(-sum(t.amount) FILTER (WHERE t.kind <> 'SALE'), 0) AS returns,
                           sum(t.amount) AS net
                      FROM sale_tenders t WHERE t.shop_id = :shop AND t.day BETWEEN :from AND :to
                     GROUP BY 1 ORDER BY net DESC, tender""", binds(shop, r))
                    .withChart(new Chart(Chart.Type.PIE, "Net by tender", 0, List.of(4)));
            case CASHIER -> docs(shop, r, "coalesce(d.cashier_id, '')", text("cashier", "Cashier"),
                    "sales-by-cashier", "Sales, voids, refunds and discounts per cashier");
            case CUSTOMER -> {
                List<ReportColumn> cols = new ArrayList<>(List.of(text("customer_key", "Customer (GSTIN or phone)"),
                        text("customer", "Name")));
                cols.addAll(DOC_COLUMNS);
                cols.add(date("last_purchase", "Last purchase"));
                yield new Query("sales-by-customer", "Sales by customer", cols, """
                        SELECT d.customer_key, max(d.customer) AS customer, %s, max(d.day) FILTER (WHERE d.kind = 'SALE') AS last_purchase
                          FROM sale_docs d WHERE d.shop_id = :shop AND d.day BETWEEN :from AND :to AND d.customer_key IS NOT NULL
                         GROUP BY 1 ORDER BY net DESC, customer_key""".formatted(DOC_FIGURES), binds(shop, r))
                        .withTotals(SalesReports::docTotals);
            }
            case HOUR -> docs(shop, r, "d.hour", integer("hour", "Hour"), "sales-by-hour", "Sales by hour of day");
            case WEEKDAY -> docs(shop, r, "d.weekday", integer("weekday", "Weekday (1 = Monday)"), "sales-by-weekday",
                    "Sales by weekday");
        };
        return engine.run(q, shop, r.from(), r.to(), null);
    }

    private static Query docs(String shop, Range r, String key, ReportColumn keyColumn, String id, String title) {
        List<ReportColumn> cols = new ArrayList<>(List.of(keyColumn));
        cols.addAll(DOC_COLUMNS);
        return new Query(id, title, cols, """
                SELECT %s AS %s, %s FROM sale_docs d
                 WHERE d.shop_id = :shop AND d.day BETWEEN :from AND :to GROUP BY 1 ORDER BY 1"""
                .formatted(key, keyColumn.key(), DOC_FIGURES), binds(shop, r))
                .withChart(new Chart(Chart.Type.BAR, title, 0, List.of(8)))
                .withTotals(SalesReports::docTotals);
    }

    private static Query products(String shop, Range r, String order, String id, String title) {
        LineSource src = lines(shop, r);
        List<ReportColumn> cols = new ArrayList<>(List.of(text("product_id", "Product id"), text("sku", "SKU"),
                text("name", "Product"), text("category", "Category")));
        cols.addAll(LINE_COLUMNS);
        return new Query(id, title, cols, """
                SELECT l.product_id, max(p.sku) AS sku, max(coalesce(p.name, l.name)) AS name,
                       max(coalesce(p.category_path, 'Uncategorised')) AS category, %s
                  FROM %s l LEFT JOIN products p ON p.shop_id = :shop AND p.product_id = l.product_id
                 GROUP BY l.product_id %s""".formatted(LINE_FIGURES, src.sql(), order), src.binds())
                .withTotals(SalesReports::lineTotals);
    }

    /** The best (or worst) sellers of the range by net sales or net quantity, products that sold at all. */
    public Mono<ReportResult> top(String shop, Range r, boolean byQuantity, boolean bottom, int limit) {
        String measure = byQuantity ? "net_quantity" : "net";
        String order = "ORDER BY %s %s, product_id LIMIT %d".formatted(measure, bottom ? "ASC" : "DESC", limit);
        Query q = products(shop, r, order, bottom ? "bottom-sellers" : "top-sellers",
                (bottom ? "Bottom " : "Top ") + limit + " products by " + (byQuantity ? "quantity" : "net sales"));
        return engine.run(q, shop, r.from(), r.to(), null);
    }

    /** Revenue (taxable value), cost, margin and margin % per product or category, net of returns. */
    public Mono<ReportResult> profitability(String shop, Range r, boolean byCategory) {
        List<ReportColumn> cols = new ArrayList<>(byCategory ? List.of(text("category", "Category"))
                : List.of(text("product_id", "Product id"), text("sku", "SKU"), text("name", "Product"), text("category", "Category")));
        cols.addAll(List.of(quantity("net_quantity", "Net qty"), money("revenue", "Revenue (taxable)"), money("cost", "Cost"),
                money("margin", "Margin"), percent("margin_pct", "Margin %")));
        String select = byCategory ? "coalesce(p.category_path, 'Uncategorised') AS category"
                : "l.product_id, max(p.sku) AS sku, max(coalesce(p.name, l.name)) AS name, max(coalesce(p.category_path, 'Uncategorised')) AS category";
        String group = byCategory ? "GROUP BY 1" : "GROUP BY l.product_id";
        LineSource src = lines(shop, r);
        String sql = """
                SELECT %s, %s
                  FROM %s l LEFT JOIN products p ON p.shop_id = :shop AND p.product_id = l.product_id
                 %s ORDER BY margin DESC""".formatted(select, LINE_FIGURES, src.sql(), group);
        Query q = new Query(byCategory ? "profitability-by-category" : "profitability-by-product",
                "Profitability by " + (byCategory ? "category" : "product"), cols, sql, src.binds())
                .withTotals(SalesReports::lineTotals);
        if (byCategory) {
            q = q.withChart(new Chart(Chart.Type.BAR, "Margin by category", 0, List.of(4)));
        }
        return engine.run(q, shop, r.from(), r.to(), null);
    }

    static LineSource lines(String shop, Range r) {
        return LineSource.of(shop, r.from(), r.to());
    }

    static Map<String, Object> binds(String shop, Range r) {
        return Map.of("shop", shop, "from", r.from(), "to", r.to());
    }
}
