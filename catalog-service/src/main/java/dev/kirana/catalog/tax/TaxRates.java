package dev.kirana.catalog.tax;

import dev.kirana.catalog.tax.ProductTaxRate.OwnRate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The dated GST rates of products: the shipped schedule plus the rates each shop set on its products. */
@Component
public class TaxRates {
    private final DatabaseClient db;
    private final GstRateSchedule schedule;
    private final Clock clock;

    public TaxRates(DatabaseClient db, GstRateSchedule schedule, Clock clock) {
        this.db = db;
        this.schedule = schedule;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public GstRateSchedule schedule() {
        return schedule;
    }

    public Mono<List<OwnRate>> ownRates(UUID productId) {
        return db.sql("SELECT effective_from, rate FROM product_tax_rates WHERE product_id = :id ORDER BY effective_from")
                .bind("id", productId)
                .map(r -> new OwnRate(r.get("effective_from", LocalDate.class), r.get("rate", BigDecimal.class)))
                .all().collectList();
    }

    /** Records (or replaces) the rate the shop set on a product from a date. */
    public Mono<Void> setOwnRate(String shopId, UUID productId, LocalDate from, BigDecimal rate, String actor) {
        return db.sql("""
                        INSERT INTO product_tax_rates (product_id, effective_from, shop_id, rate, set_by) VALUES (:id, :from, :shop, :rate, :by)
                        ON CONFLICT (product_id, effective_from) DO UPDATE SET rate = excluded.rate, set_by = excluded.set_by, set_at = now()""")
                .bind("id", productId).bind("from", from).bind("shop", shopId).bind("rate", rate).bind("by", actor)
                .then();
    }

    public ProductTaxRate.Applicable applicable(LocalDate date, String hsn, List<OwnRate> own, BigDecimal fallback) {
        return ProductTaxRate.on(date, hsn, own, schedule, fallback);
    }
}
