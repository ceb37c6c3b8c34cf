package dev.kirana.accounting.distribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The one writer of {@code distribution_products} and {@code retailer_serials}. */
@Repository
public class RetailerSerials {
    /**
     * The one rule for a serial being stock at its retailer at {@code :asAt}: first imported by then, and not activated
     * by then (returned units are not at the retailer). The value of a serial is its own price, else its model's dealer price.
     */
    static final String AT_RETAILER = """
            s.first_seen_on <= :asAt AND (s.status = 'AT_RETAILER' OR (s.status = 'ACTIVATED' AND s.activation_date > :asAt))""";
    static final String VALUE = "coalesce(s.price, d.dealer_price, 0)";
    private static final int CHUNK = 1000;
    private final DatabaseClient db;

    public RetailerSerials(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Map<String, ImportPlan.StoredProduct>> products(String shopId) {
        return db.sql("SELECT code, name, dealer_price FROM distribution_products WHERE shop_id = :shop").bind("shop", shopId)
                .map(r -> Map.entry(r.get("code", String.class),
                        new ImportPlan.StoredProduct(r.get("name", String.class), r.get("dealer_price", BigDecimal.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    public Mono<Map<String, UUID>> productIds(String shopId) {
        return db.sql("SELECT code, id FROM distribution_products WHERE shop_id = :shop").bind("shop", shopId)
                .map(r -> Map.entry(r.get("code", String.class), r.get("id", UUID.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    public Mono<Void> upsertProduct(String shopId, ImportPlan.ProductChange p) {
        var spec = db.sql("""
                        INSERT INTO distribution_products (id, shop_id, code, name, dealer_price) VALUES (:id, :shop, :code, :name, :price)
                        ON CONFLICT (shop_id, code) DO UPDATE SET name = EXCLUDED.name, dealer_price = EXCLUDED.dealer_price, updated_at = now()""")
                .bind("id", UUID.randomUUID()).bind("shop", shopId).bind("code", p.code()).bind("name", p.name());
        spec = p.dealerPrice() == null ? spec.bindNull("price", BigDecimal.class) : spec.bind("price", p.dealerPrice());
        return spec.then();
    }

    /** The stored serials among {@code imeis}, by IMEI, with their retailer's code and model's code. */
    public Mono<Map<String, ImportPlan.StoredSerial>> stored(String shopId, List<String> imeis) {
        if (imeis.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.fromIterable(chunks(imeis))
                .concatMap(chunk -> db.sql("""
                                SELECT s.imei, r.code AS retailer, d.code AS model, s.status, s.activation_date, s.price
                                FROM retailer_serials s JOIN retailers r ON r.party_id = s.retailer_id
                                JOIN distribution_products d ON d.id = s.product_id
                                WHERE s.shop_id = :shop AND s.imei = ANY(:imeis)""")
                        .bind("shop", shopId).bind("imeis", chunk.toArray(String[]::new))
                        .map(r -> Map.entry(r.get("imei", String.class), new ImportPlan.StoredSerial(r.get("retailer", String.class),
                                r.get("model", String.class), SerialStatus.valueOf(r.get("status", String.class)),
                                r.get("activation_date", LocalDate.class), r.get("price", BigDecimal.class))))
                        .all())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** A serial to write: every value as text, cast by the statement (one statement per thousand serials). */
    public record Write(String imei, UUID retailerId, UUID productId, SerialStatus status, LocalDate activationDate, BigDecimal price) {
    }

    public Mono<Void> insert(String shopId, UUID runId, LocalDate today, List<Write> writes) {
        return Flux.fromIterable(chunks(writes)).concatMap(chunk -> bindArrays(db.sql("""
                        INSERT INTO retailer_serials (shop_id, imei, retailer_id, product_id, status, activation_date, price,
                                                      first_seen_on, last_run_id)
                        SELECT :shop, x.imei, x.retailer::uuid, x.product::uuid, x.status, x.adate::date, x.price::numeric, :today, :run
                        FROM unnest(:imeis::text[], :retailers::text[], :products::text[], :statuses::text[], :dates::text[], :prices::text[])
                             AS x(imei, retailer, product, status, adate, price)""")
                        .bind("shop", shopId).bind("today", today).bind("run", runId), chunk).then())
                .then();
    }

    public Mono<Void> update(String shopId, UUID runId, List<Write> writes) {
        return Flux.fromIterable(chunks(writes)).concatMap(chunk -> bindArrays(db.sql("""
                        UPDATE retailer_serials s SET retailer_id = x.retailer::uuid, product_id = x.product::uuid, status = x.status,
                               activation_date = x.adate::date, price = x.price::numeric, last_run_id = :run, updated_at = now()
                        FROM unnest(:imeis::text[], :retailers::text[], :products::text[], :statuses::text[], :dates::text[], :prices::text[])
                             AS x(imei, retailer, product, status, adate, price)
                        WHERE s.shop_id = :shop AND s.imei = x.imei""")
                        .bind("shop", shopId).bind("run", runId), chunk).then())
                .then();
    }

    private static DatabaseClient.GenericExecuteSpec bindArrays(DatabaseClient.GenericExecuteSpec spec, List<Write> chunk) {
        return spec.bind("imeis", chunk.stream().map(Write::imei).toArray(String[]::new))
                .bind("retailers", chunk.stream().map(w -> w.retailerId().toString()).toArray(String[]::new))
                .bind("products", chunk.stream().map(w -> w.productId().toString()).toArray(String[]::new))
                .bind("statuses", chunk.stream().map(w -> w.status().name()).toArray(String[]::new))
                .bind("dates", chunk.stream().map(w -> w.activationDate() == null ? null : w.activationDate().toString()).toArray(String[]::new))
                .bind("prices", chunk.stream().map(w -> w.price() == null ? null : w.price().toPlainString()).toArray(String[]::new));
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
