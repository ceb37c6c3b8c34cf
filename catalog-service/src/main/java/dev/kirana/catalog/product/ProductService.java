package dev.kirana.catalog.product;

import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class ProductService {
    private static final String COLUMNS = "id, shop_id, sku, barcode, name, hsn, gst_rate, selling_price, mrp, tax_inclusive, unit, active, version, created_at, updated_at";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;

    public ProductService(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
    }

    public Mono<Product> create(String shopId, ProductRequest r) {
        UUID id = UUID.randomUUID();
        var spec = db.sql("INSERT INTO products (id, shop_id, sku, barcode, name, hsn, gst_rate, selling_price, mrp, tax_inclusive, unit) "
                        + "VALUES (:id, :shop, :sku, :barcode, :name, :hsn, :rate, :price, :mrp, :incl, :unit) RETURNING " + COLUMNS)
                .bind("id", id).bind("shop", shopId).bind("sku", r.sku()).bind("name", r.name().trim())
                .bind("rate", r.gstRate()).bind("price", r.sellingPrice())
                .bind("incl", r.taxInclusive() == null || r.taxInclusive())
                .bind("unit", r.unit() == null || r.unit().isBlank() ? "PCS" : r.unit().trim().toUpperCase());
        spec = bindNullable(spec, "barcode", blankToNull(r.barcode()), String.class);
        spec = bindNullable(spec, "hsn", blankToNull(r.hsn()), String.class);
        spec = bindNullable(spec, "mrp", r.mrp(), BigDecimal.class);
        Mono<Product> work = spec.map(ProductService::map).one()
                .flatMap(p -> outbox.append(Topics.CATALOG, EventTypes.PRODUCT_CREATED, p.id().toString(), shopId, p.toEvent())
                        .thenReturn(p))
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> Problems.conflict("A product with this SKU or barcode already exists in this shop"));
        return tx.transactional(work);
    }

    public Mono<Product> get(String shopId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM products WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id)
                .map(ProductService::map).one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No product " + id + " in this shop")));
    }

    /** Products whose name, SKU or barcode starts with {@code q}, ordered by name then id (stable pages). */
    public Flux<Product> search(String shopId, String q, int page, int size) {
        String prefix = q == null ? "" : q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.sql("SELECT " + COLUMNS + " FROM products WHERE shop_id = :shop "
                        + "AND (:prefix = '%' OR lower(name) LIKE :prefix OR lower(sku) LIKE :prefix OR barcode LIKE :prefix) "
                        + "ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
                .bind("shop", shopId).bind("prefix", prefix.isEmpty() ? "%" : prefix)
                .bind("limit", size).bind("offset", (long) page * size)
                .map(ProductService::map).all();
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Product map(Readable r) {
        return new Product(r.get("id", UUID.class), r.get("shop_id", String.class), r.get("sku", String.class),
                r.get("barcode", String.class), r.get("name", String.class), r.get("hsn", String.class),
                r.get("gst_rate", BigDecimal.class), r.get("selling_price", BigDecimal.class), r.get("mrp", BigDecimal.class),
                Boolean.TRUE.equals(r.get("tax_inclusive", Boolean.class)), r.get("unit", String.class),
                Boolean.TRUE.equals(r.get("active", Boolean.class)), r.get("version", Long.class),
                r.get("created_at", OffsetDateTime.class).toInstant(), r.get("updated_at", OffsetDateTime.class).toInstant());
    }

    static Instant now() {
        return Instant.now();
    }
}
