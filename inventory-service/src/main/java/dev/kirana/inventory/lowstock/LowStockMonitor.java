package dev.kirana.inventory.lowstock;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.sellable.Sellable;
import dev.kirana.messaging.OutboxWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks, at the end of every transaction that moved stock, whether the products it touched became low,
 * and publishes {@code stock.low} when one did. The product's flag row is locked first, so concurrent
 * movements of one product check one after the other, each seeing the other's committed stock.
 */
@Component
public class LowStockMonitor {
    private final DatabaseClient db;
    private final OutboxWriter outbox;

    public LowStockMonitor(DatabaseClient db, OutboxWriter outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    public Mono<Void> check(String shopId, Collection<String> productIds, LocalDate today) {
        return Flux.fromIterable(new TreeSet<>(productIds)).concatMap(p -> checkOne(shopId, p, today)).then();
    }

    /** What the check needs of a product, for a caller that has read its {@code known_products} row in this transaction. */
    public record Watched(String productId, String sku, String name, BigDecimal reorderLevel) {
    }

    /**
     * The same check for products the caller has already read (so they are not read again); those without a reorder
     * level are not watched.
     */
    public Mono<Void> checkRead(String shopId, Collection<Watched> products, LocalDate today) {
        Map<String, Watched> byId = new TreeMap<>();
        products.forEach(p -> byId.put(p.productId(), p));
        return Flux.fromIterable(byId.values()).filter(p -> p.reorderLevel() != null)
                .concatMap(p -> watch(shopId, p, today)).then();
    }

    private record Stock(BigDecimal onHand, BigDecimal available) {
    }

    private Mono<Void> checkOne(String shopId, String productId, LocalDate today) {
        return db.sql("SELECT sku, name, reorder_level FROM known_products WHERE shop_id = :shop AND product_id = :product AND reorder_level IS NOT NULL")
                .bind("shop", shopId).bind("product", productId)
                .map(r -> new Watched(productId, r.get("sku", String.class), r.get("name", String.class), r.get("reorder_level", BigDecimal.class)))
                .one()
                .flatMap(product -> watch(shopId, product, today));
    }

    private Mono<Void> watch(String shopId, Watched product, LocalDate today) {
        String productId = product.productId();
        return lockFlag(shopId, productId)
                .zipWhen(wasLow -> stock(shopId, productId, today))
                .flatMap(t -> {
                    boolean wasLow = t.getT1();
                    Stock stock = t.getT2();
                    var next = LowStock.next(wasLow, stock.available(), product.reorderLevel());
                    Mono<Void> flag = next.low() == wasLow ? Mono.empty()
                            : db.sql("UPDATE low_stock_flags SET is_low = :low, changed_at = now() WHERE shop_id = :shop AND product_id = :product")
                            .bind("low", next.low()).bind("shop", shopId).bind("product", productId).then();
                    Mono<Void> announce = !next.announce() ? Mono.empty()
                            : outbox.append(Topics.INVENTORY, EventTypes.STOCK_LOW, productId, shopId,
                            new InventoryEvents.StockLow(productId, product.sku(), product.name(), stock.available(), stock.onHand(),
                                    product.reorderLevel())).then();
                    return flag.then(announce);
                });
    }

    /**
     * The product's flag, row-locked. Locked first (one statement once the flag exists); created only when missing: of two
     * transactions creating it at once, the second one's insert waits for the first and does nothing, and its locking
     * read that follows sees the committed row.
     */
    private Mono<Boolean> lockFlag(String shopId, String productId) {
        return selectFlag(shopId, productId).switchIfEmpty(Mono.defer(() ->
                db.sql("INSERT INTO low_stock_flags (shop_id, product_id, is_low) VALUES (:shop, :product, FALSE) ON CONFLICT DO NOTHING")
                        .bind("shop", shopId).bind("product", productId).then()
                        .then(selectFlag(shopId, productId))));
    }

    private Mono<Boolean> selectFlag(String shopId, String productId) {
        return db.sql("SELECT is_low FROM low_stock_flags WHERE shop_id = :shop AND product_id = :product FOR UPDATE")
                .bind("shop", shopId).bind("product", productId).map(r -> r.get("is_low", Boolean.class)).one();
    }

    /** On hand and sellable (not reserved, not expired) stock of the product over all locations. */
    Mono<Stock> stock(String shopId, String productId, LocalDate today) {
        return db.sql("""
                        SELECT coalesce(sum(s.on_hand), 0) AS on_hand, coalesce(sum(s.reserved), 0) AS reserved,
                               coalesce(sum(""" + Sellable.EXPIRED + """
                        ), 0) AS expired
                        FROM stock_levels s WHERE s.shop_id = :shop AND s.product_id = :product""")
                .bind("shop", shopId).bind("product", productId).bind("today", today)
                .map(r -> {
                    BigDecimal onHand = r.get("on_hand", BigDecimal.class);
                    return new Stock(onHand, Sellable.of(onHand, r.get("reserved", BigDecimal.class), r.get("expired", BigDecimal.class)));
                }).one();
    }
}
