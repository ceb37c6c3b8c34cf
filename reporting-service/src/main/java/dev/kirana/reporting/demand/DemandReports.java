package dev.kirana.reporting.demand;

import static dev.kirana.reporting.report.ReportColumn.integer;
import static dev.kirana.reporting.report.ReportColumn.money;
import static dev.kirana.reporting.report.ReportColumn.quantity;
import static dev.kirana.reporting.report.ReportColumn.text;

import dev.kirana.reporting.forecast.Candidate;
import dev.kirana.reporting.forecast.Forecast;
import dev.kirana.reporting.forecast.Forecaster;
import dev.kirana.reporting.forecast.Reorder;
import dev.kirana.reporting.forecast.anomaly.DemandShift;
import dev.kirana.reporting.forecast.anomaly.RateOutliers;
import dev.kirana.reporting.report.ReportColumn;
import dev.kirana.reporting.report.ReportEngine;
import dev.kirana.reporting.report.ReportResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Demand forecasts, reorder suggestions and anomalies, from each product's daily sales (net of voids; a refund is a
 * return of goods that were in demand) over the last 182 days up to yesterday. Forecasting every product of a shop takes a
 * second or two, so a shop's forecasts are computed off the event loop and kept for ten minutes.
 */
@Component
public class DemandReports {
    static final int HISTORY_DAYS = 182;
    private static final Duration KEEP = Duration.ofMinutes(10);
    private final DatabaseClient db;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DemandReports(DatabaseClient db) {
        this.db = db;
    }

    /** One product's history and forecast. */
    public record ProductForecast(String productId, String name, LocalDate firstDay, double[] history, Forecast forecast) {
    }

    private record Cached(Instant at, Map<String, ProductForecast> forecasts) {
    }

    /** Every product that sold in the window, forecast {@code horizon} days from {@code today}. */
    public Mono<Map<String, ProductForecast>> forecasts(String shop, LocalDate today, int horizon) {
        String key = shop + "|" + today + "|" + horizon;
        Cached c = cache.get(key);
        if (c != null && c.at().plus(KEEP).isAfter(Instant.now())) {
            return Mono.just(c.forecasts());
        }
        LocalDate from = today.minusDays(HISTORY_DAYS);
        LocalDate to = today.minusDays(1);
        return db.sql("""
                        SELECT l.product_id, max(coalesce(p.name, l.name)) AS name, l.day, sum(l.quantity) AS qty
                          FROM sale_lines l LEFT JOIN products p ON p.shop_id = l.shop_id AND p.product_id = l.product_id
                         WHERE l.shop_id = :shop AND l.day BETWEEN :from AND :to AND l.kind IN ('SALE', 'VOID')
                         GROUP BY l.product_id, l.day ORDER BY l.product_id, l.day""")
                .bind("shop", shop).bind("from", from).bind("to", to)
                .map(r -> new Object[]{r.get("product_id", String.class), r.get("name", String.class),
                        r.get("day", LocalDate.class), r.get("qty", BigDecimal.class)})
                .all().collectList()
                .publishOn(Schedulers.boundedElastic())
                .map(rows -> {
                    Map<String, ProductForecast> out = compute(rows, to, horizon);
                    cache.keySet().removeIf(k -> k.startsWith(shop + "|"));
                    cache.put(key, new Cached(Instant.now(), out));
                    return out;
                });
    }

    private static Map<String, ProductForecast> compute(List<Object[]> rows, LocalDate lastDay, int horizon) {
        Map<String, List<Object[]>> byProduct = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byProduct.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
        }
        Map<String, ProductForecast> out = new LinkedHashMap<>();
        for (var e : byProduct.entrySet()) {
            List<Object[]> days = e.getValue();
            // the series starts on the product's first sale in the window: days before it were not days without sales
            LocalDate first = (LocalDate) days.get(0)[2];
            int n = (int) ChronoUnit.DAYS.between(first, lastDay) + 1;
            double[] y = new double[n];
            for (Object[] d : days) {
                y[(int) ChronoUnit.DAYS.between(first, (LocalDate) d[2])] = Math.max(0, ((BigDecimal) d[3]).doubleValue());
            }
            Forecast f = Forecaster.forecast(y, first.getDayOfWeek(), horizon);
            out.put(e.getKey(), new ProductForecast(e.getKey(), (String) days.get(0)[1], first, y, f));
        }
        return out;
    }

    public record Day(LocalDate day, double mean, double lo80, double hi80, double lo95, double hi95) {
    }

    /** One product's forecast in detail: the method chosen by backtest, its error and the baseline's, each day. */
    public record Detail(String productId, String name, String method, String demandClass, String selectedBy,
                         double mase, double baselineMase, List<Candidate> candidates, int backtestOrigins,
                         LocalDate historyFrom, int historyDays, double meanDaily, Forecast.Total total80,
                         Forecast.Total total95, List<Day> days) {
    }

    public static Detail detail(ProductForecast p, LocalDate today) {
        Forecast f = p.forecast();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < f.horizon(); i++) {
            days.add(new Day(today.plusDays(i), r3(f.mean()[i]), r3(f.lo80()[i]), r3(f.hi80()[i]), r3(f.lo95()[i]), r3(f.hi95()[i])));
        }
        return new Detail(p.productId(), p.name(), f.method(), f.demandClass().name(), f.metric().name(), r3(f.mase()),
                r3(f.baselineMase()), f.candidates(), f.origins(), p.firstDay(), p.history().length, r3(f.meanDaily()),
                f.total(f.horizon(), 0.80), f.total(f.horizon(), 0.95), days);
    }

    /** Every product's forecast for the horizon, as a report. */
    public static ReportResult table(String shop, LocalDate today, int horizon, Map<String, ProductForecast> all) {
        List<ReportColumn> cols = List.of(text("product_id", "Product id"), text("name", "Product"), text("method", "Method"),
                text("demand_class", "Demand"), quantity("mase", "MASE").unsummed(), quantity("baseline_mase", "Baseline MASE").unsummed(),
                quantity("forecast", "Forecast " + horizon + " days"), quantity("lo80", "80 % low"), quantity("hi80", "80 % high"),
                quantity("lo95", "95 % low"), quantity("hi95", "95 % high"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProductForecast p : all.values()) {
            Forecast f = p.forecast();
            Forecast.Total t80 = f.total(horizon, 0.80);
            Forecast.Total t95 = f.total(horizon, 0.95);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("product_id", p.productId());
            r.put("name", p.name());
            r.put("method", f.method());
            r.put("demand_class", f.demandClass().name());
            r.put("mase", bd(f.mase()));
            r.put("baseline_mase", bd(f.baselineMase()));
            r.put("forecast", bd(t80.mean()));
            r.put("lo80", bd(t80.lower()));
            r.put("hi80", bd(t80.upper()));
            r.put("lo95", bd(t95.lower()));
            r.put("hi95", bd(t95.upper()));
            rows.add(r);
        }
        rows.sort(Comparator.comparing(r -> -((BigDecimal) r.get("forecast")).doubleValue()));
        var q = ReportEngine.Query.computed("demand-forecast", "Demand forecast, next " + horizon + " days", cols);
        return ReportEngine.result(q, shop, today, today.plusDays(horizon - 1L), null, rows);
    }

    /**
     * Reorder suggestions: for each product that sold or is stocked, the demand over the supplier's lead time plus
     * safety stock for the service level is its reorder point; at or below it, a quantity that brings the stock up to
     * the reorder point plus the review period's demand. Products that run out before a delivery could arrive come
     * first, then by supplier (the one that last billed the product), as a draft purchase list.
     */
    public Mono<ReportResult> reorder(String shop, LocalDate today, int leadTime, int reviewDays, double serviceLevel, boolean all) {
        Reorder.Policy policy = Reorder.Policy.leadTime(leadTime).withReviewDays(reviewDays).withServiceLevel(serviceLevel);
        Mono<List<Object[]>> stock = db.sql("""
                        SELECT s.product_id, p.name, s.on_hand, CASE WHEN s.on_hand > 0 THEN s.value / s.on_hand END AS unit_cost,
                               ps.supplier_id, ps.supplier_name, ps.unit_cost AS last_cost
                          FROM stock s LEFT JOIN products p ON p.shop_id = s.shop_id AND p.product_id = s.product_id
                          LEFT JOIN product_suppliers ps ON ps.shop_id = s.shop_id AND ps.product_id = s.product_id
                         WHERE s.shop_id = :shop AND coalesce(p.active, true)""")
                .bind("shop", shop)
                .map(r -> new Object[]{r.get("product_id", String.class), r.get("name", String.class),
                        r.get("on_hand", BigDecimal.class), r.get("unit_cost", BigDecimal.class),
                        r.get("supplier_id", String.class), r.get("supplier_name", String.class), r.get("last_cost", BigDecimal.class)})
                .all().collectList();
        return Mono.zip(forecasts(shop, today, Math.max(leadTime + reviewDays, 1)), stock).map(t -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object[] s : t.getT2()) {
                ProductForecast p = t.getT1().get((String) s[0]);
                double onHand = ((BigDecimal) s[2]).doubleValue();
                Reorder.Plan plan = p == null ? Reorder.plan(0, 0, policy, onHand, 0) : Reorder.plan(p.forecast(), policy, onHand, 0);
                if (!all && (plan.orderQuantity() <= 0 || p == null)) {
                    continue;
                }
                BigDecimal cost = s[6] != null ? (BigDecimal) s[6] : (BigDecimal) s[3];
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("supplier_id", s[4] == null ? "" : s[4]);
                r.put("supplier", s[5] == null ? "(no supplier yet)" : s[5]);
                r.put("product_id", s[0]);
                r.put("name", s[1]);
                r.put("on_hand", bd(onHand));
                r.put("mean_daily", bd(p == null ? 0 : p.forecast().meanDaily()));
                r.put("lead_time_demand", bd(plan.leadTimeDemand()));
                r.put("safety_stock", bd(plan.safetyStock()));
                r.put("reorder_point", bd(plan.reorderPoint()));
                r.put("suggested_quantity", BigDecimal.valueOf(plan.orderQuantity()));
                r.put("days_of_cover", Double.isInfinite(plan.daysOfCover()) ? null : (long) Math.floor(plan.daysOfCover()));
                r.put("stocks_out_before_delivery", plan.stockoutBeforeDelivery() ? "yes" : "");
                r.put("estimated_cost", cost == null ? null : cost.multiply(BigDecimal.valueOf(plan.orderQuantity())));
                r.put("method", p == null ? Forecast.NONE : p.forecast().method());
                rows.add(r);
            }
            rows.sort(Comparator.<Map<String, Object>, Boolean>comparing(r -> !"yes".equals(r.get("stocks_out_before_delivery")))
                    .thenComparing(r -> (String) r.get("supplier"))
                    .thenComparing(r -> r.get("days_of_cover") == null ? Long.MAX_VALUE : (Long) r.get("days_of_cover")));
            List<ReportColumn> cols = List.of(text("supplier_id", "Supplier id"), text("supplier", "Supplier"),
                    text("product_id", "Product id"), text("name", "Product"), quantity("on_hand", "On hand"),
                    quantity("mean_daily", "Mean daily demand").unsummed(), quantity("lead_time_demand", "Lead-time demand"),
                    quantity("safety_stock", "Safety stock"), quantity("reorder_point", "Reorder point"),
                    quantity("suggested_quantity", "Suggested order"), integer("days_of_cover", "Days of cover"),
                    text("stocks_out_before_delivery", "Runs out before delivery"), money("estimated_cost", "Estimated cost"),
                    text("method", "Forecast method"));
            var q = ReportEngine.Query.computed("reorder", "Reorder suggestions (lead time " + leadTime + " days, service level "
                    + Math.round(serviceLevel * 1000) / 10.0 + " %)", cols);
            return ReportEngine.result(q, shop, today, today.plusDays(leadTime), null, rows);
        });
    }

    /**
     * What is worth a look: cashiers whose voids and refunds are far above the shop's norm over the last {@code days}
     * days (robust z-score of their share of voids and refunds), and products whose last week's demand is outside the 95 %
     * interval of the forecast from the weeks before.
     */
    public Mono<Map<String, Object>> anomalies(String shop, LocalDate today, int days) {
        Mono<Map<String, RateOutliers.Rate>> rates = db.sql("""
                        SELECT cashier_id, count(*) FILTER (WHERE kind <> 'SALE') AS returns, count(*) AS docs
                          FROM sale_docs WHERE shop_id = :shop AND day BETWEEN :from AND :to AND cashier_id IS NOT NULL
                         GROUP BY cashier_id""")
                .bind("shop", shop).bind("from", today.minusDays(days)).bind("to", today)
                .map(r -> Map.entry(r.get("cashier_id", String.class), new RateOutliers.Rate(r.get("returns", Number.class).longValue(),
                        r.get("docs", Number.class).longValue())))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(rates, forecasts(shop, today, 7)).map(t -> {
            List<Map<String, Object>> cashiers = new ArrayList<>();
            for (var o : RateOutliers.flag(t.getT1())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("cashierId", o.actor());
                m.put("voidsAndRefunds", o.rate().events());
                m.put("documents", o.rate().total());
                m.put("rate", r3(o.ratio()));
                m.put("shopMedianRate", r3(o.median()));
                m.put("robustZ", r3(o.robustZ()));
                cashiers.add(m);
            }
            List<Map<String, Object>> products = new ArrayList<>();
            for (ProductForecast p : t.getT2().values()) {
                DemandShift.lastWeek(p.history()).filter(DemandShift.Shift::unusual).ifPresent(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("productId", p.productId());
                    m.put("name", p.name());
                    m.put("direction", s.direction().name());
                    m.put("lastWeek", r3(s.actual()));
                    m.put("expected", r3(s.expected()));
                    m.put("lower95", r3(s.lower()));
                    m.put("upper95", r3(s.upper()));
                    products.add(m);
                });
            }
            Map<String, Object> out = new HashMap<>();
            out.put("shopId", shop);
            out.put("from", today.minusDays(days));
            out.put("to", today);
            out.put("cashiers", cashiers);
            out.put("products", products);
            return out;
        });
    }

    static double r3(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

    static BigDecimal bd(double v) {
        return BigDecimal.valueOf(Double.isFinite(v) ? v : 0).setScale(3, RoundingMode.HALF_UP);
    }
}
