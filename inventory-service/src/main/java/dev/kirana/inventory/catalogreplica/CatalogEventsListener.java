package dev.kirana.inventory.catalogreplica;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.lowstock.LowStockMonitor;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the products this service must know (to receive and count stock) in step with the catalog. */
@Component
public class CatalogEventsListener {
    static final String CONSUMER = "inventory-service.catalog";
    private final InboxProcessor inbox;
    private final DatabaseClient db;
    private final LowStockMonitor lowStock;
    private final Clock clock;
    private final Map<String, EventHandler> handlers;

    public CatalogEventsListener(InboxProcessor inbox, DatabaseClient db, LowStockMonitor lowStock, Clock clock) {
        this.inbox = inbox;
        this.db = db;
        this.lowStock = lowStock;
        this.clock = clock;
        this.handlers = Map.of(EventTypes.PRODUCT_CREATED, this::upsert, EventTypes.PRODUCT_UPDATED, this::upsert);
    }

    @KafkaListener(topics = Topics.CATALOG)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }

    private Mono<Void> upsert(CloudEvent event) {
        CatalogEvents.ProductChanged p = KiranaEvents.data(event, CatalogEvents.ProductChanged.class);
        // versions only move forward: a replayed older event does not undo a newer one
        var spec = db.sql("""
                        INSERT INTO known_products (shop_id, product_id, sku, name, active, version, barcode, unit, category_id,
                                                    category_path, reorder_level, perishable, serial_tracked)
                        VALUES (:shop, :id, :sku, :name, :active, :version, :barcode, :unit, :category, :path, :reorder, :perishable, :serial)
                        ON CONFLICT (shop_id, product_id) DO UPDATE SET sku = excluded.sku, name = excluded.name,
                            active = excluded.active, version = excluded.version, barcode = excluded.barcode, unit = excluded.unit,
                            category_id = excluded.category_id, category_path = excluded.category_path,
                            reorder_level = excluded.reorder_level, perishable = excluded.perishable,
                            serial_tracked = excluded.serial_tracked
                        WHERE known_products.version < excluded.version""")
                .bind("shop", KiranaEvents.shopId(event)).bind("id", p.productId()).bind("sku", p.sku())
                .bind("name", p.name()).bind("active", p.active()).bind("version", p.version())
                .bind("perishable", Boolean.TRUE.equals(p.perishable())).bind("serial", Boolean.TRUE.equals(p.serialTracked()));
        spec = nullable(spec, "barcode", p.barcode(), String.class);
        spec = nullable(spec, "unit", p.unit(), String.class);
        spec = nullable(spec, "category", p.categoryId(), String.class);
        spec = nullable(spec, "path", p.categoryPath(), String.class);
        spec = nullable(spec, "reorder", p.reorderLevel(), java.math.BigDecimal.class);
        // a reorder level raised on a stocked product can make it low without any stock moving
        String shopId = KiranaEvents.shopId(event);
        boolean mayBecomeLow = p.reorderLevel() != null && EventTypes.PRODUCT_UPDATED.equals(event.getType());
        return spec.then()
                .then(!mayBecomeLow ? Mono.empty()
                        : db.sql("SELECT 1 AS one FROM stock_levels WHERE shop_id = :shop AND product_id = :id LIMIT 1")
                        .bind("shop", shopId).bind("id", p.productId()).map(r -> 1).one()
                        .flatMap(stocked -> lowStock.check(shopId, List.of(p.productId()), LocalDate.now(clock))));
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
