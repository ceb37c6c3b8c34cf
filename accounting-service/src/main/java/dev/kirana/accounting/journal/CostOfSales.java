package dev.kirana.accounting.journal;

import dev.kirana.events.InventoryEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cost of sales and its reversal on returns. A return (void or refund) reverses cost at the unit cost the goods were
 * committed at. Order and inventory events travel on different topics, so a return may arrive before the sale's cost:
 * it then waits in {@code pending_cost_reversals} until stock.committed comes. Both paths lock the order's row first,
 * so whichever runs second sees what the first committed.
 */
@Component
public class CostOfSales {
    private final DatabaseClient db;
    private final Journal journal;

    public CostOfSales(DatabaseClient db, Journal journal) {
        this.db = db;
        this.journal = journal;
    }

    public record Returned(String productId, BigDecimal quantity, boolean restocked) {
    }

    public Mono<Void> committed(String shopId, InventoryEvents.StockCommitted committed, LocalDate date) {
        String orderId = committed.orderId();
        Map<String, BigDecimal[]> byProduct = new LinkedHashMap<>();
        committed.lines().forEach(l -> byProduct.merge(l.productId(), new BigDecimal[]{l.quantity(), l.unitCost()},
                (a, b) -> new BigDecimal[]{a[0].add(b[0]), b[1]}));
        return lock(shopId, orderId).flatMap(created -> insertCosts(shopId, orderId, byProduct)
                .then(journal.post(shopId, SaleEntries.cost(committed, date)))
                // Pending reversals are written only by returned(), after lock() has created the order's
                // sale_cost_orders row (both tables came in together, in V2, and nothing deletes that row). When this
                // transaction has just created the row, no return of the order has been recorded before, and one
                // arriving meanwhile waits on our row and then finds the sale's costs: there can be nothing pending
                // to read, so the SELECT of pending_cost_reversals is only needed when the row was there already.
                .then(created ? Mono.<Void>empty() : postPending(shopId, orderId)));
    }

    /** The unit costs of the sale, all products in one multi-row INSERT (one round trip however many products). */
    private Mono<Void> insertCosts(String shopId, String orderId, Map<String, BigDecimal[]> byProduct) {
        if (byProduct.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO sale_costs (shop_id, order_id, product_id, quantity, unit_cost) VALUES ");
        for (int i = 0; i < byProduct.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:shop, :order, :product").append(i).append(", :qty").append(i)
                    .append(", :cost").append(i).append(')');
        }
        // products are distinct keys of byProduct, so no two rows of the statement conflict with each other
        sql.append(" ON CONFLICT DO NOTHING");
        var spec = db.sql(sql.toString()).bind("shop", shopId).bind("order", orderId);
        int i = 0;
        for (Map.Entry<String, BigDecimal[]> e : byProduct.entrySet()) {
            spec = spec.bind("product" + i, e.getKey()).bind("qty" + i, e.getValue()[0]).bind("cost" + i, e.getValue()[1]);
            i++;
        }
        return spec.then();
    }

    /** Goods of {@code orderId} came back ({@code source} names the void or refund): reverse their cost now or when it is known. */
    public Mono<Void> returned(String shopId, String orderId, String source, List<Returned> lines, LocalDate date) {
        // sale_costs are written only by committed(), after its lock(): when this lock() created the order's row the
        // sale's costs are not known yet, without reading them
        return lock(shopId, orderId)
                .flatMap(created -> created ? Mono.just(Map.<String, BigDecimal>of()) : costs(shopId, orderId))
                .flatMap(costs -> {
                    if (!costs.isEmpty()) {
                        return post(shopId, orderId, source, lines, costs, date);
                    }
                    return Flux.fromIterable(merge(lines)).concatMap(l -> db.sql("""
                                    INSERT INTO pending_cost_reversals (shop_id, order_id, source, entry_date, product_id, disposition, quantity)
                                    VALUES (:shop, :order, :source, :date, :product, :disposition, :qty) ON CONFLICT DO NOTHING""")
                            .bind("shop", shopId).bind("order", orderId).bind("source", source).bind("date", date)
                            .bind("product", l.productId()).bind("disposition", l.restocked() ? "RESTOCK" : "WRITE_OFF")
                            .bind("qty", l.quantity()).then()).then();
                });
    }

    private Mono<Void> postPending(String shopId, String orderId) {
        return db.sql("SELECT source, entry_date, product_id, disposition, quantity FROM pending_cost_reversals WHERE shop_id = :shop AND order_id = :order ORDER BY source")
                .bind("shop", shopId).bind("order", orderId)
                .map(r -> new Object[]{r.get("source", String.class), r.get("entry_date", LocalDate.class),
                        new Returned(r.get("product_id", String.class), r.get("quantity", BigDecimal.class),
                                "RESTOCK".equals(r.get("disposition", String.class)))})
                .all().collectList()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Mono.empty();
                    }
                    Map<String, List<Returned>> bySource = new LinkedHashMap<>();
                    Map<String, LocalDate> dates = new HashMap<>();
                    for (Object[] row : rows) {
                        bySource.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((Returned) row[2]);
                        dates.put((String) row[0], (LocalDate) row[1]);
                    }
                    return costs(shopId, orderId).flatMap(costs -> Flux.fromIterable(bySource.entrySet())
                                    .concatMap(e -> post(shopId, orderId, e.getKey(), e.getValue(), costs, dates.get(e.getKey())))
                                    .then())
                            .then(db.sql("DELETE FROM pending_cost_reversals WHERE shop_id = :shop AND order_id = :order")
                                    .bind("shop", shopId).bind("order", orderId).then());
                });
    }

    private Mono<Void> post(String shopId, String orderId, String source, List<Returned> lines, Map<String, BigDecimal> costs,
                            LocalDate date) {
        List<SaleEntries.ReturnedCost> returned = merge(lines).stream()
                .filter(l -> costs.containsKey(l.productId()))
                .map(l -> new SaleEntries.ReturnedCost(l.productId(), l.quantity(), costs.get(l.productId()), l.restocked()))
                .toList();
        return journal.post(shopId, SaleEntries.costReturned(orderId, source, returned, date));
    }

    private static List<Returned> merge(List<Returned> lines) {
        Map<String, Returned> merged = new LinkedHashMap<>();
        for (Returned l : lines) {
            merged.merge(l.productId() + "|" + l.restocked(), l,
                    (a, b) -> new Returned(a.productId(), a.quantity().add(b.quantity()), a.restocked()));
        }
        return List.copyOf(merged.values());
    }

    private Mono<Map<String, BigDecimal>> costs(String shopId, String orderId) {
        return db.sql("SELECT product_id, unit_cost FROM sale_costs WHERE shop_id = :shop AND order_id = :order")
                .bind("shop", shopId).bind("order", orderId)
                .map(r -> Map.entry(r.get("product_id", String.class), r.get("unit_cost", BigDecimal.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Serialises the sale-cost and return paths of one order (see the class comment): holds the order's
     * sale_cost_orders row until the transaction ends. @return true when this transaction created the row.
     * <p>
     * A row this transaction has just inserted needs no {@code SELECT ... FOR UPDATE}: until we commit it is visible
     * to no other transaction, and any other lock() of the order waits in its INSERT on our transaction, then finds
     * the row and locks it. So the insert alone serialises like the lock did, and the common case (the first path
     * for the order) is one statement; only when the row was there already is it locked FOR UPDATE, as before.
     */
    private Mono<Boolean> lock(String shopId, String orderId) {
        return db.sql("INSERT INTO sale_cost_orders (shop_id, order_id) VALUES (:shop, :order) ON CONFLICT DO NOTHING RETURNING order_id")
                .bind("shop", shopId).bind("order", orderId)
                .map(r -> r.get("order_id", String.class)).all().collectList()
                .flatMap(inserted -> !inserted.isEmpty() ? Mono.just(true)
                        : db.sql("SELECT order_id FROM sale_cost_orders WHERE shop_id = :shop AND order_id = :order FOR UPDATE")
                                .bind("shop", shopId).bind("order", orderId)
                                .map(r -> r.get("order_id", String.class)).all().collectList().thenReturn(false));
    }
}
