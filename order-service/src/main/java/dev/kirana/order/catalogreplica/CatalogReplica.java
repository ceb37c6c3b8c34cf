package dev.kirana.order.catalogreplica;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import dev.kirana.order.gst.RateSchedule;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** order-service's own copy of the catalog, built from catalog events: selling keeps working while catalog-service is down. */
@Component
public class CatalogReplica {
    static final String CONSUMER = "order-service.catalog";
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final String COLUMNS = "product_id, sku, barcode, name, hsn, gst_rate, selling_price, mrp, tax_inclusive, unit, active, version";
    private final DatabaseClient db;
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public CatalogReplica(DatabaseClient db, InboxProcessor inbox) {
        this.db = db;
        this.inbox = inbox;
        this.handlers = Map.of(EventTypes.PRODUCT_CREATED, this::apply, EventTypes.PRODUCT_UPDATED, this::apply);
    }

    @KafkaListener(topics = Topics.CATALOG)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }

    public Mono<ReplicaProduct> byId(String shopId, String productId) {
        return db.sql("SELECT " + COLUMNS + " FROM catalog_products WHERE shop_id = :shop AND product_id = :id")
                .bind("shop", shopId).bind("id", productId).map(CatalogReplica::map).one();
    }

    public Mono<ReplicaProduct> byBarcode(String shopId, String barcode) {
        return db.sql("SELECT " + COLUMNS + " FROM catalog_products WHERE shop_id = :shop AND barcode = :barcode ORDER BY active DESC LIMIT 1")
                .bind("shop", shopId).bind("barcode", barcode).map(CatalogReplica::map).one();
    }

    Mono<Void> apply(CloudEvent event) {
        CatalogEvents.ProductChanged p = KiranaEvents.data(event, CatalogEvents.ProductChanged.class);
        var spec = db.sql("""
                        INSERT INTO catalog_products (shop_id, product_id, sku, barcode, name, hsn, gst_rate, selling_price, mrp,
                                                      tax_inclusive, unit, active, version)
                        VALUES (:shop, :id, :sku, :barcode, :name, :hsn, :rate, :price, :mrp, :incl, :unit, :active, :version)
                        ON CONFLICT (shop_id, product_id) DO UPDATE SET sku = excluded.sku, barcode = excluded.barcode,
                            name = excluded.name, hsn = excluded.hsn, gst_rate = excluded.gst_rate,
                            selling_price = excluded.selling_price, mrp = excluded.mrp, tax_inclusive = excluded.tax_inclusive,
                            unit = excluded.unit, active = excluded.active, version = excluded.version
                        WHERE catalog_products.version < excluded.version""")
                .bind("shop", KiranaEvents.shopId(event)).bind("id", p.productId()).bind("sku", p.sku())
                .bind("name", p.name()).bind("rate", p.gstRate()).bind("price", p.sellingPrice())
                .bind("incl", p.taxInclusive()).bind("unit", p.unit()).bind("active", p.active()).bind("version", p.version());
        spec = p.barcode() == null ? spec.bindNull("barcode", String.class) : spec.bind("barcode", p.barcode());
        spec = p.hsn() == null ? spec.bindNull("hsn", String.class) : spec.bind("hsn", p.hsn());
        spec = p.mrp() == null ? spec.bindNull("mrp", BigDecimal.class) : spec.bind("mrp", p.mrp());
        // the replica's rate history: the rate in force from the day the catalog announced it
        LocalDate from = event.getTime() == null ? LocalDate.now(ZONE) : event.getTime().atZoneSameInstant(ZONE).toLocalDate();
        return spec.fetch().rowsUpdated().flatMap(n -> n == 0 ? Mono.<Void>empty() : db.sql("""
                        INSERT INTO catalog_tax_rates (shop_id, product_id, effective_from, gst_rate) VALUES (:shop, :id, :from, :rate)
                        ON CONFLICT (shop_id, product_id, effective_from) DO UPDATE SET gst_rate = excluded.gst_rate""")
                .bind("shop", KiranaEvents.shopId(event)).bind("id", p.productId()).bind("from", from).bind("rate", p.gstRate())
                .then());
    }

    /** The GST rate of each product on {@code dateOfSupply}, from the rate history (products without one are absent). */
    public Mono<Map<String, BigDecimal>> ratesOn(String shopId, Collection<String> productIds, LocalDate dateOfSupply) {
        return db.sql("SELECT product_id, effective_from, gst_rate FROM catalog_tax_rates WHERE shop_id = :shop AND product_id = ANY(:ids)")
                .bind("shop", shopId).bind("ids", productIds.toArray(String[]::new))
                .map(r -> new Object[]{r.get("product_id", String.class), r.get("effective_from", LocalDate.class), r.get("gst_rate", BigDecimal.class)})
                .all()
                .collect(HashMap<String, Map<LocalDate, BigDecimal>>::new,
                        (m, row) -> m.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put((LocalDate) row[1], (BigDecimal) row[2]))
                .map(byProduct -> {
                    Map<String, BigDecimal> rates = new HashMap<>();
                    byProduct.forEach((id, schedule) -> rates.put(id, RateSchedule.of(schedule).rateOn(dateOfSupply)));
                    return rates;
                });
    }

    private static ReplicaProduct map(Readable r) {
        return new ReplicaProduct(r.get("product_id", String.class), r.get("sku", String.class), r.get("barcode", String.class),
                r.get("name", String.class), r.get("hsn", String.class), r.get("gst_rate", BigDecimal.class),
                r.get("selling_price", BigDecimal.class), r.get("mrp", BigDecimal.class),
                Boolean.TRUE.equals(r.get("tax_inclusive", Boolean.class)), r.get("unit", String.class),
                Boolean.TRUE.equals(r.get("active", Boolean.class)), r.get("version", Long.class));
    }
}
