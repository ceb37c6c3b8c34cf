package dev.kirana.reporting.money;

import static dev.kirana.reporting.report.ReportColumn.count;
import static dev.kirana.reporting.report.ReportColumn.date;
import static dev.kirana.reporting.report.ReportColumn.money;
import static dev.kirana.reporting.report.ReportColumn.percent;
import static dev.kirana.reporting.report.ReportColumn.text;

import dev.kirana.export.Chart;
import dev.kirana.reporting.report.LineSource;
import dev.kirana.reporting.report.Period;
import dev.kirana.reporting.report.ReportColumn;
import dev.kirana.reporting.report.ReportEngine;
import dev.kirana.reporting.report.ReportEngine.Query;
import dev.kirana.reporting.report.ReportRequests.Range;
import dev.kirana.reporting.report.ReportResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Tax collected, khata outstanding and its ageing, expenses and cash flow. */
@Component
public class MoneyReports {
    private final ReportEngine engine;
    private final DatabaseClient db;

    public MoneyReports(ReportEngine engine, DatabaseClient db) {
        this.engine = engine;
        this.db = db;
    }

    /** Output tax by rate and tax type, net of credit notes and voids (which count on the day they happened). */
    public Mono<ReportResult> tax(String shop, Range r) {
        LineSource src = LineSource.of(shop, r.from(), r.to());
        Query q = new Query("tax-collected", "Tax collected by rate", List.of(percent("gst_rate", "GST rate %"),
                money("taxable", "Taxable value"), money("cgst", "CGST"), money("sgst", "SGST"), money("igst", "IGST"),
                money("tax", "Total tax"), money("returns_tax", "Of which reversed on returns")), """
                SELECT coalesce(l.gst_rate, 0) AS gst_rate, sum(l.taxable) AS taxable, sum(l.cgst) AS cgst,
                       sum(l.sgst) AS sgst, sum(l.igst) AS igst, sum(l.cgst + l.sgst + l.igst) AS tax,
                       coalesce(-sum(l.cgst + l.sgst + l.igst) FILTER (WHERE l.kind <> 'SALE'), 0) AS returns_tax
                  FROM %s l
                 GROUP BY 1 ORDER BY 1""".formatted(src.sql()), src.binds());
        return engine.run(q, shop, r.from(), r.to(), null);
    }

    /** Expenses per category: recorded in the range, less those reversed in the range. */
    public Mono<ReportResult> expenses(String shop, Range r) {
        Query q = new Query("expenses-by-category", "Expenses by category", List.of(text("category", "Category"),
                count("expenses", "Expenses"), money("net_amount", "Net of tax"), money("tax", "Input tax"),
                money("amount", "Paid")), """
                SELECT category, sum(n) AS expenses, sum(net_amount) AS net_amount, sum(tax) AS tax, sum(amount) AS amount
                  FROM (SELECT coalesce(category_name, 'Uncategorised') AS category, 1 AS n, net_amount, tax, amount
                          FROM expenses WHERE shop_id = :shop AND day BETWEEN :from AND :to
                        UNION ALL
                        SELECT coalesce(category_name, 'Uncategorised'), -1, -net_amount, -tax, -amount
                          FROM expenses WHERE shop_id = :shop AND reversed_on BETWEEN :from AND :to) e
                 GROUP BY 1 ORDER BY amount DESC, category""", binds(shop, r))
                .withChart(new Chart(Chart.Type.PIE, "Expenses by category", 0, List.of(4)));
        return engine.run(q, shop, r.from(), r.to(), null);
    }

    static final List<String> FLOWS = List.of("SALES", "REFUNDS", "COLLECTIONS", "SUPPLIER_PAYMENTS", "PURCHASES",
            "EXPENSES", "FEES", "SETTLEMENTS", "CASH_VARIANCE");

    /**
     * Money in and out per day, week or month, by what moved it: sales receipts and refunds paid (cash, card, UPI),
     * khata collections, supplier payments, purchases paid on the bill, expenses, card/UPI fees, settlements (clearing to
     * bank: zero over all channels) and counted cash short or over. {@code channel} CASH, CARD, UPI or BANK, or all.
     */
    public Mono<ReportResult> cashFlow(String shop, Range r, Period p, String channel) {
        List<ReportColumn> cols = new ArrayList<>(List.of(date("period", "Period")));
        StringBuilder select = new StringBuilder();
        for (String f : FLOWS) {
            String key = f.toLowerCase(java.util.Locale.ROOT);
            cols.add(money(key, f.charAt(0) + key.substring(1).replace('_', ' ')));
            select.append("coalesce(sum(amount) FILTER (WHERE category = '").append(f).append("'), 0) AS ").append(key).append(", ");
        }
        cols.add(money("inflow", "Money in"));
        cols.add(money("outflow", "Money out"));
        cols.add(money("net", "Net"));
        String sql = """
                SELECT %s AS period, %s
                       coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS inflow,
                       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS outflow, coalesce(sum(amount), 0) AS net
                  FROM money_moves WHERE shop_id = :shop AND day BETWEEN :from AND :to %s
                 GROUP BY 1 ORDER BY 1""".formatted(p.sql(), select, channel == null ? "" : "AND channel = :channel");
        Map<String, Object> binds = new LinkedHashMap<>(binds(shop, r));
        if (channel != null) {
            binds.put("channel", channel);
        }
        Query q = new Query("cash-flow", "Cash flow" + (channel == null ? "" : " (" + channel + ")"), cols, sql, binds)
                .withChart(new Chart(Chart.Type.BAR, "Money in and out", 0, List.of(cols.size() - 3, cols.size() - 2)));
        return engine.run(q, shop, r.from(), r.to(), p.name());
    }

    /**
     * What each customer owes (or each supplier is owed) as of now, aged: the balance is taken to be made of the
     * latest increases (payments settle the oldest dues first), and each part is aged by the day its increase happened.
     * A negative balance is an advance.
     */
    public Mono<ReportResult> khata(String shop, String kind, LocalDate today, ZoneId zone) {
        List<ReportColumn> cols = List.of(text("party_id", "Party id"), text("name", "Name"), text("phone", "Phone"),
                text("kind", "Kind"), money("credit_limit", "Credit limit").unsummed(), money("balance", "Balance"),
                money("d0_30", "0-30 days"), money("d31_60", "31-60 days"), money("d61_90", "61-90 days"),
                money("d90", "Over 90 days"), money("advance", "Advance"), date("last_change", "Last change"));
        Query q = Query.computed("khata-ageing", ("SUPPLIER".equals(kind) ? "Supplier" : "Customer") + " balances and ageing", cols);
        return db.sql("""
                        SELECT p.party_id, p.name, p.phone, p.kind, p.credit_limit, p.balance, b.changed_at, b.balance AS after
                          FROM parties p JOIN party_balances b ON b.shop_id = p.shop_id AND b.party_id = p.party_id
                         WHERE p.shop_id = :shop AND p.kind = :kind AND p.merged_into IS NULL AND p.balance <> 0
                         ORDER BY p.party_id, b.changed_at, b.event_id""")
                .bind("shop", shop).bind("kind", kind)
                .map(row -> new BalanceRow(row.get("party_id", String.class), row.get("name", String.class),
                        row.get("phone", String.class), row.get("kind", String.class), row.get("credit_limit", BigDecimal.class),
                        row.get("balance", BigDecimal.class), row.get("changed_at", Instant.class), row.get("after", BigDecimal.class)))
                .all().collectList()
                .map(list -> ReportEngine.result(q, shop, null, today, null, Ageing.rows(list, today, zone)));
    }

    record BalanceRow(String partyId, String name, String phone, String kind, BigDecimal creditLimit, BigDecimal balance,
                      Instant changedAt, BigDecimal after) {
    }

    static Map<String, Object> binds(String shop, Range r) {
        return Map.of("shop", shop, "from", r.from(), "to", r.to());
    }
}
