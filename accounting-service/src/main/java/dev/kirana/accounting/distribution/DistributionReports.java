package dev.kirana.accounting.distribution;

import dev.kirana.accounting.khata.StatementService;
import dev.kirana.export.Column;
import dev.kirana.export.ExportFormat;
import dev.kirana.export.Exporter;
import dev.kirana.export.ReportTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Stock at the retailers, activations over time and the OD report, read from the serials and the books. */
@Service
public class DistributionReports {
    private final DatabaseClient db;
    private final Retailers retailers;
    private final RetailerBalances balances;
    private final StatementService statements;

    public DistributionReports(DatabaseClient db, Retailers retailers, RetailerBalances balances, StatementService statements) {
        this.db = db;
        this.retailers = retailers;
        this.balances = balances;
        this.statements = statements;
    }

    /** The stock at every retailer of the shop at {@code asAt} (or at one, {@code retailerId} not null). */
    public Mono<RetailerStock> stock(String shopId, LocalDate asAt, UUID retailerId) {
        var spec = db.sql("SELECT r.party_id, r.code, p.name, r.area, r.route, d.code AS model, d.name AS model_name,"
                        + " count(s.imei) AS serials, coalesce(sum(" + RetailerSerials.VALUE + "), 0) AS value,"
                        + " count(s.imei) FILTER (WHERE s.price IS NULL AND d.dealer_price IS NULL) AS unpriced"
                        + " FROM retailers r JOIN parties p ON p.id = r.party_id"
                        + " LEFT JOIN (retailer_serials s JOIN distribution_products d ON d.id = s.product_id)"
                        + " ON s.shop_id = r.shop_id AND s.retailer_id = r.party_id AND " + RetailerSerials.AT_RETAILER
                        + " WHERE r.shop_id = :shop" + (retailerId == null ? "" : " AND r.party_id = :retailer")
                        + " GROUP BY r.party_id, r.code, p.name, r.area, r.route, d.code, d.name ORDER BY r.code, d.code")
                .bind("shop", shopId).bind("asAt", asAt);
        if (retailerId != null) {
            spec = spec.bind("retailer", retailerId);
        }
        return spec.map(r -> new StockRow(r.get("party_id", UUID.class), r.get("code", String.class), r.get("name", String.class),
                        r.get("area", String.class), r.get("route", String.class), r.get("model", String.class), r.get("model_name", String.class),
                        r.get("serials", Long.class), r.get("value", BigDecimal.class).setScale(2), r.get("unpriced", Long.class)))
                .all().collectList()
                .map(rows -> rollUp(asAt, rows));
    }

    record StockRow(UUID retailerId, String code, String name, String area, String route, String model, String modelName, long serials,
                    BigDecimal value, long unpriced) {
    }

    static RetailerStock rollUp(LocalDate asAt, List<StockRow> rows) {
        Map<UUID, List<StockRow>> byRetailer = new LinkedHashMap<>();
        rows.forEach(r -> byRetailer.computeIfAbsent(r.retailerId(), k -> new ArrayList<>()).add(r));
        List<RetailerStock.AtRetailer> out = new ArrayList<>();
        long serials = 0;
        BigDecimal value = BigDecimal.ZERO.setScale(2);
        for (List<StockRow> group : byRetailer.values()) {
            StockRow first = group.get(0);
            List<RetailerStock.StockModel> models = group.stream().filter(r -> r.model() != null)
                    .map(r -> new RetailerStock.StockModel(r.model(), r.modelName(), r.serials(), r.value())).toList();
            long n = group.stream().mapToLong(StockRow::serials).sum();
            BigDecimal v = group.stream().map(StockRow::value).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            long unpriced = group.stream().mapToLong(StockRow::unpriced).sum();
            out.add(new RetailerStock.AtRetailer(first.retailerId(), first.code(), first.name(), first.area(), first.route(), n, v, unpriced, models));
            serials += n;
            value = value.add(v);
        }
        return new RetailerStock(asAt, List.copyOf(out), new RetailerStock.StockTotals(serials, value));
    }

    public Mono<Activations> activations(String shopId, LocalDate from, LocalDate to, Activations.GroupBy groupBy, UUID retailerId) {
        var spec = db.sql("SELECT s.activation_date, count(*) AS n, sum(" + RetailerSerials.VALUE + ") AS value"
                        + " FROM retailer_serials s JOIN distribution_products d ON d.id = s.product_id"
                        + " WHERE s.shop_id = :shop AND s.status = 'ACTIVATED' AND s.activation_date BETWEEN :from AND :to"
                        + (retailerId == null ? "" : " AND s.retailer_id = :retailer")
                        + " GROUP BY s.activation_date")
                .bind("shop", shopId).bind("from", from).bind("to", to);
        if (retailerId != null) {
            spec = spec.bind("retailer", retailerId);
        }
        return spec.map(r -> Map.entry(r.get("activation_date", LocalDate.class),
                        new Activations.Day(r.get("n", Long.class), r.get("value", BigDecimal.class).setScale(2))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(days -> Activations.of(from, to, groupBy, days));
    }

    /** The OD report at the end of {@code asAt}. */
    public Mono<OdReport.OdReportView> odReport(String shopId, LocalDate asAt) {
        return Mono.zip(retailers.all(shopId).collectList(), stock(shopId, asAt, null))
                .flatMap(both -> {
                    Map<UUID, RetailerStock.AtRetailer> stock = new LinkedHashMap<>();
                    both.getT2().retailers().forEach(s -> stock.put(s.retailerId(), s));
                    return Flux.fromIterable(both.getT1())
                            .concatMap(r -> Mono.zip(balances.balance(shopId, r, asAt), statements.standing(shopId, r.id(), asAt, r.creditDays()))
                                    .map(b -> {
                                        RetailerStock.AtRetailer s = stock.get(r.id());
                                        return new OdReport.Input(r.id(), r.code(), r.name(), r.area(), r.route(), b.getT1(),
                                                s == null ? 0 : s.serials(), s == null ? BigDecimal.ZERO : s.value(), b.getT2().overdue());
                                    }))
                            .collectList()
                            .map(inputs -> OdReport.of(asAt, inputs));
                });
    }

    /** The OD report as a spreadsheet (rendered off the event loop). */
    public Mono<byte[]> odReportFile(String shopId, LocalDate asAt, ExportFormat format) {
        return odReport(shopId, asAt).publishOn(Schedulers.boundedElastic()).map(report -> Exporter.bytes(odTable(report), format));
    }

    static ReportTable odTable(OdReport.OdReportView report) {
        List<List<Object>> rows = report.lines().stream().map(l -> List.<Object>of(l.code(), l.name(), l.area() == null ? "" : l.area(),
                l.closingBalance(), l.balanceSource().name() + (l.balanceStale() ? " (stale)" : ""), l.serialsAtRetailer(), l.stockValue(),
                l.od(), l.overdue())).toList();
        OdReport.OdTotals t = report.totals();
        List<Object> totals = java.util.Arrays.asList("Total", null, null, t.closingBalance(), null, t.serialsAtRetailer(), t.stockValue(),
                t.od(), t.overdue());
        return new ReportTable("OD report", "as at " + report.asAt() + "; OD = closing balance - stock value at the retailer",
                List.of(Column.text("Retailer code"), Column.text("Retailer"), Column.text("Area"), Column.money("Closing balance"),
                        Column.text("Balance from"), Column.integer("Serials at retailer"), Column.money("Stock value"), Column.money("OD"),
                        Column.money("Overdue")),
                rows, totals, null);
    }
}
