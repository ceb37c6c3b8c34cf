package dev.kirana.catalog.barcode;

import dev.kirana.catalog.gs1.Gs1;
import dev.kirana.catalog.product.ProductService.BarcodeOwners;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A shop's in-store GTIN-13 numbers (GS1 prefix 200): the next one is taken under the series row's lock, in the
 * caller's transaction, and one a product already carries (typed in by hand) is skipped.
 */
@Component
public class BarcodeSeries {
    private final DatabaseClient db;

    public BarcodeSeries(DatabaseClient db) {
        this.db = db;
    }

    /** The next in-store code no product of the shop uses. */
    public Mono<String> next(String shopId, BarcodeOwners owners) {
        return db.sql("""
                        INSERT INTO barcode_series (shop_id, last_number) VALUES (:shop, 1)
                        ON CONFLICT (shop_id) DO UPDATE SET last_number = barcode_series.last_number + 1
                        RETURNING last_number""")
                .bind("shop", shopId).map(r -> r.get("last_number", Long.class)).one()
                .map(Gs1::inStoreGtin13)
                .flatMap(code -> owners.skuUsing(code, new java.util.UUID(0, 0)).hasElement()
                        .flatMap(used -> used ? next(shopId, owners) : Mono.just(code)));
    }
}
