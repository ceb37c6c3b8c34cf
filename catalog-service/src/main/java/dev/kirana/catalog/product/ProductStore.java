package dev.kirana.catalog.product;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Products in the database: every query is scoped by shop. */
@Component
public class ProductStore {
    static final String SELECT = """
            SELECT p.id, p.shop_id, p.sku, p.barcode, p.name, p.description, p.category_id, c.name_path AS category_path,
                   p.hsn, p.gst_rate, p.selling_price, p.mrp, p.cost_price, p.tax_inclusive, p.unit, p.reorder_level,
                   p.perishable, p.serial_tracked, p.active, p.archived_at, p.version, p.created_at, p.updated_at
            FROM products p LEFT JOIN categories c ON c.id = p.category_id
            """;
    /** Selects a product written by the statement of a {@code WITH p AS (... RETURNING *)}, with its category path. */
    private static final String FROM_RETURNED = """
            SELECT p.id, p.shop_id, p.sku, p.barcode, p.name, p.description, p.category_id, c.name_path AS category_path,
                   p.hsn, p.gst_rate, p.selling_price, p.mrp, p.cost_price, p.tax_inclusive, p.unit, p.reorder_level,
                   p.perishable, p.serial_tracked, p.active, p.archived_at, p.version, p.created_at, p.updated_at
            FROM p LEFT JOIN categories c ON c.id = p.category_id""";
    private final DatabaseClient db;

    public ProductStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Product> find(String shopId, UUID id) {
        return db.sql(SELECT + "WHERE p.shop_id = :shop AND p.id = :id").bind("shop", shopId).bind("id", id)
                .map(ProductStore::map).one();
    }

    /** The product, row-locked until the end of the transaction. */
    public Mono<Product> lock(String shopId, UUID id) {
        return db.sql(SELECT + "WHERE p.shop_id = :shop AND p.id = :id FOR UPDATE OF p").bind("shop", shopId).bind("id", id)
                .map(ProductStore::map).one();
    }

    /** The products with these SKUs, row-locked until the end of the transaction (in SKU order, so concurrent imports cannot deadlock). */
    public Flux<Product> lockBySkus(String shopId, java.util.Collection<String> skus) {
        return db.sql(SELECT + "WHERE p.shop_id = :shop AND p.sku = ANY (:skus) ORDER BY p.sku FOR UPDATE OF p")
                .bind("shop", shopId).bind("skus", skus.toArray(String[]::new))
                .map(ProductStore::map).all();
    }

    /** The SKUs using these barcodes in the shop, by barcode. */
    public Mono<Map<String, String>> barcodeOwners(String shopId, java.util.Collection<String> barcodes) {
        return db.sql("SELECT barcode, sku FROM products WHERE shop_id = :shop AND barcode = ANY (:barcodes)")
                .bind("shop", shopId).bind("barcodes", barcodes.toArray(String[]::new))
                .map(r -> Map.entry(r.get("barcode", String.class), r.get("sku", String.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Another product of the shop that already uses this barcode, if any. */
    public Mono<String> skuUsingBarcode(String shopId, String barcode, UUID except) {
        return db.sql("SELECT sku FROM products WHERE shop_id = :shop AND barcode = :barcode AND id <> :except")
                .bind("shop", shopId).bind("barcode", barcode).bind("except", except)
                .map(r -> r.get("sku", String.class)).first();
    }

    /** Active products without a barcode, by SKU. */
    public Flux<UUID> withoutBarcode(String shopId, int limit) {
        return db.sql("SELECT id FROM products WHERE shop_id = :shop AND barcode IS NULL AND active ORDER BY sku LIMIT :limit")
                .bind("shop", shopId).bind("limit", limit).map(r -> r.get("id", UUID.class)).all();
    }

    /** Inserts the product and returns it as stored (one statement). */
    public Mono<Product> insert(String shopId, UUID id, ProductChange.Values v) {
        var spec = db.sql("WITH p AS (" + """
                INSERT INTO products (id, shop_id, sku, barcode, name, description, category_id, hsn, gst_rate, selling_price,
                                      mrp, cost_price, tax_inclusive, unit, reorder_level, perishable, serial_tracked, active,
                                      archived_at)
                VALUES (:id, :shop, :sku, :barcode, :name, :description, :category, :hsn, :rate, :price, :mrp, :cost, :incl,
                        :unit, :reorder, :perishable, :serial, :active, CASE WHEN :active THEN NULL ELSE now() END)
                RETURNING *""" + ") " + FROM_RETURNED)
                .bind("id", id).bind("shop", shopId);
        return values(spec, v).map(ProductStore::map).one();
    }

    /** Writes the new values and moves the version on by one; archived_at follows the active flag. Returns the product as stored. */
    public Mono<Product> update(String shopId, UUID id, ProductChange.Values v) {
        var spec = db.sql("WITH p AS (" + """
                UPDATE products SET sku = :sku, barcode = :barcode, name = :name, description = :description,
                    category_id = :category, hsn = :hsn, gst_rate = :rate, selling_price = :price, mrp = :mrp,
                    cost_price = :cost, tax_inclusive = :incl, unit = :unit, reorder_level = :reorder,
                    perishable = :perishable, serial_tracked = :serial, active = :active,
                    archived_at = CASE WHEN :active THEN NULL ELSE coalesce(archived_at, now()) END,
                    version = version + 1, updated_at = now()
                WHERE shop_id = :shop AND id = :id
                RETURNING *""" + ") " + FROM_RETURNED)
                .bind("id", id).bind("shop", shopId);
        return values(spec, v).map(ProductStore::map).one();
    }

    /** Moves the version of every product in a category subtree on by one (their category path changed). */
    public Flux<UUID> touchCategorySubtree(String shopId, String idPathPrefix) {
        return db.sql("""
                        UPDATE products SET version = version + 1, updated_at = now()
                        WHERE shop_id = :shop AND category_id IN (SELECT id FROM categories WHERE shop_id = :shop AND id_path LIKE :prefix)
                        RETURNING id""")
                .bind("shop", shopId).bind("prefix", idPathPrefix + "%")
                .map(r -> r.get("id", UUID.class)).all();
    }

    public Mono<Long> countInCategory(String shopId, UUID categoryId) {
        return db.sql("SELECT count(*) AS n FROM products WHERE shop_id = :shop AND category_id = :cat")
                .bind("shop", shopId).bind("cat", categoryId).map(r -> r.get("n", Long.class)).one();
    }

    /** A page of products matching the filters, ordered by name then id (stable pages). */
    public Flux<Product> search(String shopId, ProductQuery q, int page, int size) {
        var where = where(shopId, q);
        var spec = db.sql(SELECT + where.sql() + " ORDER BY lower(p.name), p.id LIMIT :limit OFFSET :offset");
        for (var e : where.binds().entrySet()) {
            spec = spec.bind(e.getKey(), e.getValue());
        }
        return spec.bind("limit", size).bind("offset", (long) page * size).map(ProductStore::map).all();
    }

    public Mono<Long> count(String shopId, ProductQuery q) {
        var where = where(shopId, q);
        var spec = db.sql("SELECT count(*) AS n FROM products p " + where.sql());
        for (var e : where.binds().entrySet()) {
            spec = spec.bind(e.getKey(), e.getValue());
        }
        return spec.map(r -> r.get("n", Long.class)).one();
    }

    private record Where(String sql, Map<String, Object> binds) {
    }

    private static Where where(String shopId, ProductQuery q) {
        List<String> clauses = new ArrayList<>(List.of("p.shop_id = :shop"));
        Map<String, Object> binds = new java.util.HashMap<>(Map.of("shop", shopId));
        if (q.text() != null && !q.text().isBlank()) {
            String escaped = q.text().trim().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            // a prefix of the name or of any word in it, of the SKU, or of the barcode
            clauses.add("(lower(p.name) LIKE :prefix OR lower(p.name) LIKE :wordPrefix OR lower(p.sku) LIKE :prefix OR lower(p.barcode) LIKE :prefix)");
            binds.put("prefix", escaped + "%");
            binds.put("wordPrefix", "% " + escaped + "%");
        }
        if (q.active() != null) {
            clauses.add("p.active = :active");
            binds.put("active", q.active());
        }
        if (q.categoryId() != null) {
            clauses.add("""
                    p.category_id IN (SELECT d.id FROM categories d JOIN categories root ON d.id_path LIKE root.id_path || '%'
                                      WHERE root.id = :category AND root.shop_id = :shop AND d.shop_id = :shop)""");
            binds.put("category", q.categoryId());
        }
        return new Where("WHERE " + String.join(" AND ", clauses), binds);
    }

    private static DatabaseClient.GenericExecuteSpec values(DatabaseClient.GenericExecuteSpec spec, ProductChange.Values v) {
        spec = spec.bind("sku", v.sku()).bind("name", v.name()).bind("rate", v.gstRate()).bind("price", v.sellingPrice())
                .bind("incl", v.taxInclusive()).bind("unit", v.unit()).bind("perishable", v.perishable())
                .bind("serial", v.serialTracked()).bind("active", v.active());
        spec = nullable(spec, "barcode", v.barcode(), String.class);
        spec = nullable(spec, "description", v.description(), String.class);
        spec = nullable(spec, "category", v.categoryId(), UUID.class);
        spec = nullable(spec, "hsn", v.hsn(), String.class);
        spec = nullable(spec, "mrp", v.mrp(), BigDecimal.class);
        spec = nullable(spec, "cost", v.costPrice(), BigDecimal.class);
        return nullable(spec, "reorder", v.reorderLevel(), BigDecimal.class);
    }

    static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static Product map(Readable r) {
        OffsetDateTime archived = r.get("archived_at", OffsetDateTime.class);
        return new Product(r.get("id", UUID.class), r.get("shop_id", String.class), r.get("sku", String.class),
                r.get("barcode", String.class), r.get("name", String.class), r.get("description", String.class),
                r.get("category_id", UUID.class), r.get("category_path", String.class), r.get("hsn", String.class),
                r.get("gst_rate", BigDecimal.class), r.get("selling_price", BigDecimal.class), r.get("mrp", BigDecimal.class),
                r.get("cost_price", BigDecimal.class), Boolean.TRUE.equals(r.get("tax_inclusive", Boolean.class)),
                r.get("unit", String.class), r.get("reorder_level", BigDecimal.class),
                Boolean.TRUE.equals(r.get("perishable", Boolean.class)), Boolean.TRUE.equals(r.get("serial_tracked", Boolean.class)),
                Boolean.TRUE.equals(r.get("active", Boolean.class)), archived == null ? null : archived.toInstant(),
                r.get("version", Long.class), r.get("created_at", OffsetDateTime.class).toInstant(),
                r.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
