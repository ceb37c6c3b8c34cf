package dev.kirana.inventory.report;

import dev.kirana.inventory.settings.InventorySettings;
import dev.kirana.inventory.sellable.Sellable;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.inventory.valuation.ValuationMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read-only views: valuation, low stock, batches, serial units. */
@Service
public class ReportService {
    private final DatabaseClient db;
    private final InventorySettings settings;
    private final StockService stock;

    public ReportService(DatabaseClient db, InventorySettings settings, StockService stock) {
        this.db = db;
        this.settings = settings;
        this.stock = stock;
    }

    public Mono<ValuationReport> valuation(String shopId, UUID locationId) {
        String location = locationId == null ? "" : " AND s.location_id = :loc";
        return settings.method(shopId).flatMap(method -> {
            String value = method == ValuationMethod.FIFO
                    ? "(SELECT coalesce(sum(l.remaining * l.unit_cost), 0) FROM stock_lots l WHERE l.shop_id = s.shop_id AND l.product_id = s.product_id AND l.location_id = s.location_id AND l.remaining > 0)"
                    : "s.on_hand * s.avg_cost";
            var spec = db.sql("""
                            SELECT s.product_id, k.sku, k.name, k.category_id, k.category_path, sum(s.on_hand) AS quantity, sum(%s) AS value
                            FROM stock_levels s LEFT JOIN known_products k ON k.shop_id = s.shop_id AND k.product_id = s.product_id
                            WHERE s.shop_id = :shop%s
                            GROUP BY s.product_id, k.sku, k.name, k.category_id, k.category_path""".formatted(value, location))
                    .bind("shop", shopId);
            if (locationId != null) {
                spec = spec.bind("loc", locationId);
            }
            return spec.map(r -> new ValuationReport.Holding(r.get("product_id", String.class), r.get("sku", String.class),
                            r.get("name", String.class), r.get("category_id", String.class), r.get("category_path", String.class),
                            r.get("quantity", BigDecimal.class), r.get("value", BigDecimal.class)))
                    .all().collectList()
                    .map(holdings -> ValuationReport.of(method, locationId, Instant.now(), holdings));
        });
    }

    /** A product at or below its reorder level: what is available (not reserved, not expired) over all locations. */
    public record LowStockItem(String productId, String sku, String name, String categoryPath, BigDecimal onHand, BigDecimal reserved,
                               BigDecimal expired, BigDecimal available, BigDecimal reorderLevel, BigDecimal shortBy) {
    }

    public Flux<LowStockItem> lowStock(String shopId) {
        return db.sql("""
                        SELECT k.product_id, k.sku, k.name, k.category_path, k.reorder_level,
                               coalesce(sum(s.on_hand), 0) AS on_hand, coalesce(sum(s.reserved), 0) AS reserved,
                               coalesce(sum(""" + Sellable.EXPIRED + """
                        ), 0) AS expired
                        FROM known_products k LEFT JOIN stock_levels s ON s.shop_id = k.shop_id AND s.product_id = k.product_id
                        WHERE k.shop_id = :shop AND k.active AND k.reorder_level IS NOT NULL
                        GROUP BY k.shop_id, k.product_id, k.sku, k.name, k.category_path, k.reorder_level""")
                .bind("shop", shopId).bind("today", stock.today())
                .map(r -> {
                    BigDecimal onHand = r.get("on_hand", BigDecimal.class);
                    BigDecimal reserved = r.get("reserved", BigDecimal.class);
                    BigDecimal expired = r.get("expired", BigDecimal.class);
                    BigDecimal available = Sellable.of(onHand, reserved, expired);
                    BigDecimal level = r.get("reorder_level", BigDecimal.class);
                    return new LowStockItem(r.get("product_id", String.class), r.get("sku", String.class), r.get("name", String.class),
                            r.get("category_path", String.class), onHand, reserved, expired, available, level, level.subtract(available));
                })
                .all()
                .filter(i -> i.available().compareTo(i.reorderLevel()) <= 0)
                .sort(java.util.Comparator.comparing(LowStockItem::shortBy).reversed().thenComparing(LowStockItem::sku));
    }

    /** Open lots: what is left of each batch, where, and until when it can be sold. */
    public record Batch(long lotId, String productId, UUID locationId, String batchNo, LocalDate expiryDate, boolean expired,
                        BigDecimal remaining, BigDecimal unitCost, Instant receivedAt) {
    }

    public Flux<Batch> batches(String shopId, String productId, UUID locationId, Integer expiringWithinDays) {
        LocalDate today = stock.today();
        StringBuilder sql = new StringBuilder("""
                SELECT id, product_id, location_id, batch_no, expiry_date, remaining, unit_cost, received_at FROM stock_lots
                WHERE shop_id = :shop AND remaining > 0""");
        if (productId != null) sql.append(" AND product_id = :product");
        if (locationId != null) sql.append(" AND location_id = :loc");
        if (expiringWithinDays != null) sql.append(" AND expiry_date <= :until");
        sql.append(" ORDER BY expiry_date NULLS LAST, id");
        var spec = db.sql(sql.toString()).bind("shop", shopId);
        if (productId != null) spec = spec.bind("product", productId);
        if (locationId != null) spec = spec.bind("loc", locationId);
        if (expiringWithinDays != null) spec = spec.bind("until", today.plusDays(expiringWithinDays));
        return spec.map(r -> {
            LocalDate expiry = r.get("expiry_date", LocalDate.class);
            return new Batch(r.get("id", Long.class), r.get("product_id", String.class), r.get("location_id", UUID.class),
                    r.get("batch_no", String.class), expiry, expiry != null && expiry.isBefore(today), r.get("remaining", BigDecimal.class),
                    r.get("unit_cost", BigDecimal.class), r.get("received_at", java.time.OffsetDateTime.class).toInstant());
        }).all();
    }

    /** A serial unit: where it is now, and how often it was sold and returned. */
    public record SerialUnitView(String productId, String serial, String status, UUID locationId, int timesSold, int timesReturned,
                                 List<Long> ledgerIds) {
    }

    public Flux<SerialUnitView> serials(String shopId, String productId, String status, String serial) {
        StringBuilder sql = new StringBuilder("""
                SELECT u.product_id, u.serial, u.status, u.location_id, u.times_sold, u.times_returned,
                       (SELECT array_agg(ls.ledger_id ORDER BY ls.ledger_id) FROM stock_ledger_serials ls JOIN stock_ledger sl ON sl.id = ls.ledger_id
                        WHERE ls.serial = u.serial AND sl.shop_id = u.shop_id AND sl.product_id = u.product_id) AS ledger_ids
                FROM serial_units u WHERE u.shop_id = :shop""");
        if (productId != null) sql.append(" AND u.product_id = :product");
        if (status != null) sql.append(" AND u.status = :status");
        if (serial != null) sql.append(" AND u.serial = :serial");
        sql.append(" ORDER BY u.product_id, u.serial LIMIT 1000");
        var spec = db.sql(sql.toString()).bind("shop", shopId);
        if (productId != null) spec = spec.bind("product", productId);
        if (status != null) spec = spec.bind("status", status.toUpperCase(java.util.Locale.ROOT));
        if (serial != null) spec = spec.bind("serial", serial.trim().toUpperCase(java.util.Locale.ROOT));
        return spec.map(r -> {
            Long[] ids = r.get("ledger_ids", Long[].class);
            return new SerialUnitView(r.get("product_id", String.class), r.get("serial", String.class), r.get("status", String.class),
                    r.get("location_id", UUID.class), r.get("times_sold", Integer.class), r.get("times_returned", Integer.class),
                    ids == null ? List.of() : List.of(ids));
        }).all();
    }
}
