package dev.kirana.inventory.catalogreplica;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
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
    private final Map<String, EventHandler> handlers;

    public CatalogEventsListener(InboxProcessor inbox, DatabaseClient db) {
        this.inbox = inbox;
        this.db = db;
        this.handlers = Map.of(EventTypes.PRODUCT_CREATED, this::upsert, EventTypes.PRODUCT_UPDATED, this::upsert);
    }

    @KafkaListener(topics = Topics.CATALOG)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }

    private Mono<Void> upsert(CloudEvent event) {
        CatalogEvents.ProductChanged p = KiranaEvents.data(event, CatalogEvents.ProductChanged.class);
        // versions only move forward: a replayed older event does not undo a newer one
        return db.sql("""
                        INSERT INTO known_products (shop_id, product_id, sku, name, active, version)
                        VALUES (:shop, :id, :sku, :name, :active, :version)
                        ON CONFLICT (shop_id, product_id) DO UPDATE SET sku = excluded.sku, name = excluded.name,
                            active = excluded.active, version = excluded.version
                        WHERE known_products.version < excluded.version""")
                .bind("shop", KiranaEvents.shopId(event)).bind("id", p.productId()).bind("sku", p.sku())
                .bind("name", p.name()).bind("active", p.active()).bind("version", p.version())
                .then();
    }
}
