package dev.kirana.inventory.count;

import dev.kirana.web.audit.AuditLog;
import dev.kirana.inventory.catalogreplica.KnownProducts;
import dev.kirana.inventory.catalogreplica.KnownProducts.KnownProduct;
import dev.kirana.inventory.lots.LotPicker.Purpose;
import dev.kirana.inventory.lots.Lots;
import dev.kirana.inventory.lowstock.LowStockMonitor;
import dev.kirana.inventory.serial.SerialNumbers;
import dev.kirana.inventory.stock.Locations;
import dev.kirana.inventory.stock.Movement;
import dev.kirana.inventory.stock.StockEvents;
import dev.kirana.inventory.stock.StockMoves;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Physical counts. Every line is checked before anything is written (unknown or archived products,
 * counts below what is reserved, serials): a count posts completely or not at all.
 */
@Service
public class CountService {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KnownProducts products;
    private final Locations locations;
    private final StockService stock;
    private final StockMoves moves;
    private final Lots lots;
    private final StockEvents events;
    private final LowStockMonitor lowStock;
    private final AuditLog audit;

    public CountService(DatabaseClient db, TransactionalOperator tx, KnownProducts products, Locations locations, StockService stock,
                        StockMoves moves, Lots lots, StockEvents events, LowStockMonitor lowStock, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.tx = tx;
        this.products = products;
        this.locations = locations;
        this.stock = stock;
        this.moves = moves;
        this.lots = lots;
        this.events = events;
        this.lowStock = lowStock;
    }

    public Mono<StockCount> post(String shopId, String actor, CountRequest r) {
        Set<String> seen = new HashSet<>();
        for (var line : r.lines()) {
            if (line == null) {
                return Mono.error(Problems.invalid("lines", "must not contain null; send one object per line"));
            }
            if (!seen.add(line.productId())) {
                return Mono.error(Problems.invalid("lines", "product " + line.productId() + " is counted twice; send one line per product"));
            }
        }
        List<CountRequest.Line> lines = r.lines().stream().sorted(Comparator.comparing(CountRequest.Line::productId)).toList();
        UUID countId = UUID.randomUUID();
        Mono<StockCount> work = Flux.fromIterable(lines).concatMap(l -> products.requireActive(shopId, l.productId())).collectList()
                .map(known -> known.stream().collect(Collectors.toMap(KnownProduct::productId, Function.identity())))
                .flatMap(known -> {
                    for (var l : lines) {
                        var p = known.get(l.productId());
                        var serials = SerialNumbers.normalize(l.serials());
                        if (p.serialTracked()) {
                            var problem = SerialNumbers.problem(true, l.counted(), serials);
                            if (problem.isPresent()) {
                                return Mono.error(Problems.invalid("lines", p.sku() + ": " + problem.get() + " (list the serials found)"));
                            }
                        } else if (!serials.isEmpty()) {
                            return Mono.error(Problems.invalid("lines", p.sku() + " is not serial-tracked; send no serials"));
                        }
                    }
                    return locations.usable(shopId, r.locationId()).flatMap(loc -> stock.context(shopId, actor, "count:" + countId).flatMap(ctx ->
                            db.sql("INSERT INTO stock_counts (id, shop_id, location_id, note, counted_by) VALUES (:id, :shop, :loc, :note, :by)")
                                    .bind("id", countId).bind("shop", shopId).bind("loc", loc).bind("by", actor)
                                    .bind("note", r.note() == null ? "" : r.note()).then()
                                    .thenMany(Flux.fromIterable(lines).concatMap(l -> countLine(ctx, loc, known.get(l.productId()), l, countId, r.note())))
                                    .then(lowStock.check(shopId, known.keySet(), ctx.today()))
                                    .then(find(shopId, countId))
                                    .flatMap(count -> audit.record(shopId, AuditLog.Entry.of("stock.counted", "stock-count", countId)
                                            .change(expected(count, known), counted(count, known))).thenReturn(count))));
                });
        return tx.transactional(work);
    }

    /** Per line what the books said; and after, what was counted and the difference (the count's audit record). */
    private static Map<String, Object> expected(StockCount c, Map<String, KnownProduct> known) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("locationId", c.locationId().toString());
        m.put("lines", c.lines().stream().map(l -> {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("productId", l.productId());
            line.put("sku", known.get(l.productId()) == null ? null : known.get(l.productId()).sku());
            line.put("expected", l.expected());
            return line;
        }).toList());
        return m;
    }

    private static Map<String, Object> counted(StockCount c, Map<String, KnownProduct> known) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("locationId", c.locationId().toString());
        m.put("note", c.note());
        m.put("lines", c.lines().stream().map(l -> {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("productId", l.productId());
            line.put("sku", known.get(l.productId()) == null ? null : known.get(l.productId()).sku());
            line.put("expected", l.expected());
            line.put("counted", l.counted());
            line.put("difference", l.difference());
            line.put("value", l.value());
            return line;
        }).toList());
        m.put("valueDifference", c.valueDifference());
        return m;
    }

    private Mono<Void> countLine(StockMoves.Context ctx, UUID loc, KnownProduct product, CountRequest.Line line, UUID countId, String note) {
        String reason = note == null || note.isBlank() ? "physical count" : "physical count: " + note;
        return moves.lock(ctx.shopId(), product.productId(), loc).flatMap(level -> {
            var problem = CountDifference.problem(line.counted(), level.reserved());
            if (problem.isPresent()) {
                return Mono.error(Problems.unprocessable("count-below-reserved", product.sku() + ": " + problem.get()));
            }
            BigDecimal difference = CountDifference.of(level.onHand(), line.counted());
            Mono<List<StockMoves.Moved>> posted;
            if (product.serialTracked()) {
                posted = serialCount(ctx, level, line, reason);
            } else if (difference.signum() < 0) {
                posted = moves.out(ctx, level, Movement.COUNT_ADJUSTMENT, difference.negate(), Purpose.REMOVAL, blankToNull(line.batchNo()),
                        List.of(), false, false, reason).map(List::of);
            } else if (difference.signum() > 0) {
                posted = surplusExpiry(ctx, level, product, line).flatMap(expiry -> moves.in(ctx, level, Movement.COUNT_ADJUSTMENT,
                        difference, level.averageCost(), blankToNull(line.batchNo()), expiry, List.of(), StockMoves.SerialsIn.FOUND, reason)).map(List::of);
            } else {
                posted = Mono.just(List.of());
            }
            return posted.flatMap(moved -> {
                BigDecimal value = moved.stream().map(StockMoves.Moved::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal unitCost = difference.signum() == 0 ? level.averageCost()
                        : value.divide(difference, 4, RoundingMode.HALF_UP);
                Long ledgerId = moved.isEmpty() ? null : moved.get(moved.size() - 1).ledgerId();
                var spec = db.sql("""
                                INSERT INTO stock_count_lines (count_id, product_id, expected, counted, difference, unit_cost, value, ledger_id)
                                VALUES (:count, :product, :expected, :counted, :difference, :cost, :value, :ledger)""")
                        .bind("count", countId).bind("product", product.productId()).bind("expected", level.onHand())
                        .bind("counted", line.counted()).bind("difference", difference).bind("cost", unitCost).bind("value", value);
                spec = ledgerId == null ? spec.bindNull("ledger", Long.class) : spec.bind("ledger", ledgerId);
                return spec.then().thenMany(Flux.fromIterable(moved).concatMap(m -> events.adjusted(ctx.shopId(), m, reason, "count:" + countId)))
                        .then();
            });
        });
    }

    /** Serial units not found on the shelf are written off; units found that the books did not have come (back) in. */
    private Mono<List<StockMoves.Moved>> serialCount(StockMoves.Context ctx, StockMoves.Level level, CountRequest.Line line, String reason) {
        List<String> found = SerialNumbers.normalize(line.serials());
        return db.sql("SELECT serial FROM serial_units WHERE shop_id = :shop AND product_id = :product AND location_id = :loc AND status = 'IN_STOCK'")
                .bind("shop", ctx.shopId()).bind("product", level.productId()).bind("loc", level.locationId())
                .map(r -> r.get("serial", String.class)).all().collectList()
                .flatMap(onBooks -> {
                    List<String> missing = onBooks.stream().filter(s -> !found.contains(s)).sorted().toList();
                    List<String> extra = found.stream().filter(s -> !onBooks.contains(s)).sorted().toList();
                    Mono<List<StockMoves.Moved>> out = missing.isEmpty() ? Mono.just(List.of())
                            : moves.out(ctx, level, Movement.COUNT_ADJUSTMENT, BigDecimal.valueOf(missing.size()), Purpose.REMOVAL, null,
                            missing, true, false, reason).map(List::of);
                    return out.flatMap(first -> {
                        if (extra.isEmpty()) {
                            return Mono.just(first);
                        }
                        StockMoves.Level after = first.isEmpty() ? level : new StockMoves.Level(level.productId(), level.locationId(),
                                first.get(0).onHandAfter(), first.get(0).reservedAfter(), first.get(0).averageCostAfter());
                        return moves.in(ctx, after, Movement.COUNT_ADJUSTMENT, BigDecimal.valueOf(extra.size()), level.averageCost(), null, null,
                                extra, StockMoves.SerialsIn.FOUND, reason).map(m -> {
                            List<StockMoves.Moved> all = new ArrayList<>(first);
                            all.add(m);
                            return all;
                        });
                    });
                });
    }

    /** The expiry of perishable stock found in a count: as told, else that of the newest lot here. */
    private Mono<java.time.LocalDate> surplusExpiry(StockMoves.Context ctx, StockMoves.Level level, KnownProduct product, CountRequest.Line line) {
        if (line.expiryDate() != null || !product.perishable()) {
            return Mono.justOrEmpty(line.expiryDate());
        }
        return lots.open(ctx.shopId(), level.productId(), level.locationId())
                .flatMap(open -> open.isEmpty()
                        ? Mono.error(Problems.invalid("lines", product.sku() + " is perishable: give the expiryDate of the stock found"))
                        : Mono.justOrEmpty(open.get(open.size() - 1).expiryDate()));
    }

    public Mono<StockCount> find(String shopId, UUID id) {
        return db.sql("SELECT id, location_id, note, counted_by, posted_at FROM stock_counts WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id)
                .map(r -> new StockCount(r.get("id", UUID.class), r.get("location_id", UUID.class), r.get("note", String.class),
                        r.get("counted_by", String.class), r.get("posted_at", OffsetDateTime.class).toInstant(), List.of(), BigDecimal.ZERO))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No count " + id + " in this shop")))
                .flatMap(c -> db.sql("""
                                SELECT product_id, expected, counted, difference, unit_cost, value, ledger_id FROM stock_count_lines
                                WHERE count_id = :id ORDER BY product_id""")
                        .bind("id", id)
                        .map(r -> new StockCount.Line(r.get("product_id", String.class), r.get("expected", BigDecimal.class),
                                r.get("counted", BigDecimal.class), r.get("difference", BigDecimal.class), r.get("unit_cost", BigDecimal.class),
                                r.get("value", BigDecimal.class), r.get("ledger_id", Long.class)))
                        .all().collectList()
                        .map(lines -> new StockCount(c.id(), c.locationId(), c.note(), c.countedBy(), c.postedAt(), lines,
                                lines.stream().map(StockCount.Line::value).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP))));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
