package dev.kirana.reporting.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The owner's morning view in one answer, all from the read models: today's figures against the same weekday last
 * week, the top five products today, stock that needs attention, what customers owe, the cash the drawer should
 * hold, and thirty days of net sales for a chart.
 */
@Component
public class Dashboard {
    private final DatabaseClient db;

    public Dashboard(DatabaseClient db) {
        this.db = db;
    }

    public record Figures(LocalDate date, BigDecimal netSales, long orders, BigDecimal averageBasket, BigDecimal grossMargin,
                          BigDecimal returns) {
    }

    public record Kpi(BigDecimal today, BigDecimal sameDayLastWeek, BigDecimal change, BigDecimal changePct) {
        static Kpi of(BigDecimal today, BigDecimal before) {
            BigDecimal t = today == null ? BigDecimal.ZERO : today;
            BigDecimal b = before == null ? BigDecimal.ZERO : before;
            BigDecimal change = t.subtract(b);
            BigDecimal pct = b.signum() == 0 ? null : change.multiply(BigDecimal.valueOf(100)).divide(b.abs(), 1, RoundingMode.HALF_UP);
            return new Kpi(today, before, change, pct);
        }
    }

    public record TopProduct(String productId, String name, BigDecimal quantity, BigDecimal netSales) {
    }

    public record Day(LocalDate day, BigDecimal netSales, long orders) {
    }

    public record View(String shopId, LocalDate date, LocalDate comparedWith, Kpi netSales, Kpi orders, Kpi averageBasket,
                       Kpi grossMargin, BigDecimal returnsToday, List<TopProduct> topProducts, long lowStock,
                       long expiringSoon, int expiringWithinDays, BigDecimal khataReceivable, BigDecimal khataPayable,
                       BigDecimal cashExpected, LocalDate lastDayClose, List<Day> last30Days) {
    }

    public Mono<View> view(String shop, LocalDate today, int expiringDays) {
        LocalDate before = today.minusDays(7);
        return Mono.zip(figures(shop, today), figures(shop, before), top(shop, today), counts(shop, today, expiringDays),
                        cash(shop), series(shop, today))
                .map(t -> {
                    Figures now = t.getT1();
                    Figures then = t.getT2();
                    long[] counts = t.getT4().counts();
                    return new View(shop, today, before, Kpi.of(now.netSales(), then.netSales()),
                            Kpi.of(BigDecimal.valueOf(now.orders()), BigDecimal.valueOf(then.orders())),
                            Kpi.of(now.averageBasket(), then.averageBasket()), Kpi.of(now.grossMargin(), then.grossMargin()),
                            now.returns(), t.getT3(), counts[0], counts[1], expiringDays, t.getT4().receivable(),
                            t.getT4().payable(), t.getT5().expected(), t.getT5().lastClose(), t.getT6());
                });
    }

    private Mono<Figures> figures(String shop, LocalDate day) {
        return db.sql("""
                        SELECT coalesce(sum(total), 0) AS net,
                               coalesce(sum(docs) FILTER (WHERE kind = 'SALE'), 0) - coalesce(sum(docs) FILTER (WHERE kind = 'VOID'), 0) AS orders,
                               coalesce(-sum(total) FILTER (WHERE kind <> 'SALE'), 0) AS returns,
                               coalesce(sum(taxable), 0) - coalesce(sum(cost), 0) AS margin
                          FROM doc_days WHERE shop_id = :shop AND day = :day""")
                .bind("shop", shop).bind("day", day)
                .map(r -> {
                    BigDecimal net = r.get("net", BigDecimal.class).setScale(2, RoundingMode.HALF_UP);
                    long orders = r.get("orders", Number.class).longValue();
                    return new Figures(day, net, orders,
                            orders == 0 ? null : net.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP),
                            r.get("margin", BigDecimal.class).setScale(2, RoundingMode.HALF_UP),
                            r.get("returns", BigDecimal.class).setScale(2, RoundingMode.HALF_UP));
                })
                .one();
    }

    private Mono<List<TopProduct>> top(String shop, LocalDate day) {
        return db.sql("""
                        SELECT l.product_id, max(coalesce(p.name, l.name)) AS name, sum(l.quantity) AS qty, sum(l.amount) AS net
                          FROM sale_lines l LEFT JOIN products p ON p.shop_id = l.shop_id AND p.product_id = l.product_id
                         WHERE l.shop_id = :shop AND l.day = :day
                         GROUP BY l.product_id HAVING sum(l.amount) > 0 ORDER BY net DESC, l.product_id LIMIT 5""")
                .bind("shop", shop).bind("day", day)
                .map(r -> new TopProduct(r.get("product_id", String.class), r.get("name", String.class),
                        r.get("qty", BigDecimal.class).stripTrailingZeros(), r.get("net", BigDecimal.class).setScale(2, RoundingMode.HALF_UP)))
                .all().collectList();
    }

    private record Counts(long[] counts, BigDecimal receivable, BigDecimal payable) {
    }

    private Mono<Counts> counts(String shop, LocalDate today, int expiringDays) {
        return db.sql("""
                        SELECT (SELECT count(*) FROM products p LEFT JOIN stock s ON s.shop_id = p.shop_id AND s.product_id = p.product_id
                                 -- a product never received has no stock row: none on hand is the lowest stock of all
                                 WHERE p.shop_id = :shop AND p.active AND p.reorder_level > 0
                                   AND coalesce(s.on_hand, 0) <= p.reorder_level) AS low,
                               (SELECT count(*) FROM lots WHERE shop_id = :shop AND remaining > 0 AND expiry_date <= :until) AS expiring,
                               (SELECT coalesce(sum(balance), 0) FROM parties WHERE shop_id = :shop AND kind = 'CUSTOMER'
                                   AND merged_into IS NULL AND balance > 0) AS receivable,
                               (SELECT coalesce(sum(balance), 0) FROM parties WHERE shop_id = :shop AND kind = 'SUPPLIER'
                                   AND merged_into IS NULL AND balance > 0) AS payable""")
                .bind("shop", shop).bind("until", today.plusDays(expiringDays))
                .map(r -> new Counts(new long[]{r.get("low", Number.class).longValue(), r.get("expiring", Number.class).longValue()},
                        r.get("receivable", BigDecimal.class).setScale(2, RoundingMode.HALF_UP),
                        r.get("payable", BigDecimal.class).setScale(2, RoundingMode.HALF_UP)))
                .one();
    }

    private record Cash(BigDecimal expected, LocalDate lastClose) {
    }

    /** The cash counted at the last day close plus every cash movement since; all cash movements when never closed. */
    private Mono<Cash> cash(String shop) {
        return db.sql("""
                        WITH c AS (SELECT day, counted, closed_at FROM day_closes WHERE shop_id = :shop ORDER BY closed_at DESC LIMIT 1)
                        SELECT (SELECT day FROM c) AS last_close,
                               coalesce((SELECT counted FROM c), 0)
                               + coalesce((SELECT sum(amount) FROM money_moves m WHERE m.shop_id = :shop AND m.channel = 'CASH'
                                             AND m.category <> 'CASH_VARIANCE'
                                             AND m.at > coalesce((SELECT closed_at FROM c), '-infinity'::timestamptz)), 0) AS expected""")
                .bind("shop", shop)
                .map(r -> new Cash(r.get("expected", BigDecimal.class).setScale(2, RoundingMode.HALF_UP), r.get("last_close", LocalDate.class)))
                .one();
    }

    private Mono<List<Day>> series(String shop, LocalDate today) {
        return db.sql("""
                        SELECT g.day::date AS day, coalesce(sum(d.total), 0) AS net,
                               coalesce(sum(d.docs) FILTER (WHERE d.kind = 'SALE'), 0) - coalesce(sum(d.docs) FILTER (WHERE d.kind = 'VOID'), 0) AS orders
                          FROM generate_series(:from::date, :to::date, interval '1 day') AS g(day)
                          LEFT JOIN doc_days d ON d.shop_id = :shop AND d.day = g.day::date
                         GROUP BY 1 ORDER BY 1""")
                .bind("shop", shop).bind("from", today.minusDays(29)).bind("to", today)
                .map(r -> new Day(r.get("day", LocalDate.class), r.get("net", BigDecimal.class).setScale(2, RoundingMode.HALF_UP),
                        r.get("orders", Number.class).longValue()))
                .all().collectList();
    }
}
