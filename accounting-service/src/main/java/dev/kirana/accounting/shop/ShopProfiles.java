package dev.kirana.accounting.shop;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What accounting knows about each shop from shop events ({@code shop_states}): its GST state, which decides CGST + SGST
 * or IGST on a purchase, its GSTIN, which heads its GST returns, and its name, which signs the texts sent to its customers. Depends on no other package.
 */
@Component
public class ShopProfiles {
    private final DatabaseClient db;

    public ShopProfiles(DatabaseClient db) {
        this.db = db;
    }

    /** Keeps what a shop event says; a null keeps what was known before. */
    public Mono<Void> save(String shopId, String stateCode, String name) {
        return save(shopId, stateCode, name, null);
    }

    /** Keeps what a shop event says, the shop's GSTIN too (which heads its GST returns); a null keeps what was known before. */
    public Mono<Void> save(String shopId, String stateCode, String name, String gstin) {
        if (stateCode == null && name == null && gstin == null) {
            return Mono.empty();
        }
        var spec = db.sql("""
                INSERT INTO shop_states (shop_id, state_code, name, gstin) VALUES (:shop, :state, :name, :gstin)
                ON CONFLICT (shop_id) DO UPDATE SET state_code = COALESCE(excluded.state_code, shop_states.state_code),
                    name = COALESCE(excluded.name, shop_states.name), gstin = COALESCE(excluded.gstin, shop_states.gstin),
                    updated_at = now()""").bind("shop", shopId);
        spec = stateCode == null ? spec.bindNull("state", String.class) : spec.bind("state", stateCode);
        spec = name == null ? spec.bindNull("name", String.class) : spec.bind("name", name);
        spec = gstin == null ? spec.bindNull("gstin", String.class) : spec.bind("gstin", gstin);
        return spec.then();
    }

    /** The shop's GSTIN, as shop events last told it; empty when not known (an unregistered shop, or not told yet). */
    public Mono<String> gstin(String shopId) {
        return db.sql("SELECT gstin FROM shop_states WHERE shop_id = :shop AND gstin IS NOT NULL").bind("shop", shopId)
                .map(r -> r.get("gstin", String.class)).one();
    }

    /** The shop's name, as shop events last told it; empty when not known. */
    public Mono<String> name(String shopId) {
        return db.sql("SELECT name FROM shop_states WHERE shop_id = :shop AND name IS NOT NULL").bind("shop", shopId)
                .map(r -> r.get("name", String.class)).one();
    }
}
