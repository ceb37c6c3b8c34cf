package dev.kirana.inventory.catalogreplica;

import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The products this service knows from catalog events. */
@Component
public class KnownProducts {
    private final DatabaseClient db;

    public KnownProducts(DatabaseClient db) {
        this.db = db;
    }

    /** What stock rules need to know about a product. */
    public record KnownProduct(String productId, String sku, String name, boolean active, boolean perishable, boolean serialTracked,
                               BigDecimal reorderLevel, String categoryId, String categoryPath) {
    }

    public Mono<KnownProduct> find(String shopId, String productId) {
        return db.sql("""
                        SELECT product_id, sku, name, active, perishable, serial_tracked, reorder_level, category_id, category_path
                        FROM known_products WHERE shop_id = :shop AND product_id = :product""")
                .bind("shop", shopId).bind("product", productId)
                .map(r -> new KnownProduct(r.get("product_id", String.class), r.get("sku", String.class), r.get("name", String.class),
                        Boolean.TRUE.equals(r.get("active", Boolean.class)), Boolean.TRUE.equals(r.get("perishable", Boolean.class)),
                        Boolean.TRUE.equals(r.get("serial_tracked", Boolean.class)), r.get("reorder_level", BigDecimal.class),
                        r.get("category_id", String.class), r.get("category_path", String.class)))
                .one();
    }

    /** The product, or a 404 problem when this shop has no such product. */
    public Mono<KnownProduct> require(String shopId, String productId) {
        return find(shopId, productId).switchIfEmpty(Mono.error(() -> Problems.notFound("No product " + productId + " in this shop")));
    }

    /** The product if it may still move (receipts, counts, adjustments, transfers): archived ones are a 422 problem. */
    public Mono<KnownProduct> requireActive(String shopId, String productId) {
        return require(shopId, productId).flatMap(p -> p.active() ? Mono.just(p)
                : Mono.error(Problems.unprocessable("product-archived", "Product " + p.sku() + " (" + productId + ") is archived")));
    }
}
