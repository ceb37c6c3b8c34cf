package dev.kirana.catalog.tax;

import dev.kirana.catalog.product.ProductService;
import dev.kirana.catalog.product.ProductStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps each product's current GST rate (the {@code gstRate} that order-service prices with) right when a
 * dated rate takes effect: on the day a schedule row or a rate the shop set for a later date starts, the
 * products concerned get the new rate, a new version and a {@code product.updated}. Runs just after
 * midnight and at start-up (catching up on days the service was down); safe to run twice.
 */
@Component
public class TaxRateRollover {
    private static final Logger log = LoggerFactory.getLogger(TaxRateRollover.class);
    private static final java.time.Duration MAX_RUN = java.time.Duration.ofMinutes(10);
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final TaxRates rates;
    private final ProductStore products;
    private final ProductService productService;

    public TaxRateRollover(DatabaseClient db, TransactionalOperator tx, TaxRates rates, ProductStore products,
                           ProductService productService) {
        this.db = db;
        this.tx = tx;
        this.rates = rates;
        this.products = products;
        this.productService = productService;
    }

    @Scheduled(cron = "${kirana.catalog.rate-rollover-cron:0 5 0 * * *}", zone = "${kirana.catalog.zone:Asia/Kolkata}")
    public void daily() {
        // bounded, so a run stuck on the database cannot overlap the next one for ever (each statement has its own limit too)
        run(rates.today()).timeout(MAX_RUN).subscribe(n -> { }, e -> log.warn("scheduled GST rate changes not applied; the next run retries", e));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartup() {
        daily();
    }

    /** Applies every dated rate that took effect after the last run, up to {@code today}. @return products whose rate changed */
    public Mono<Integer> run(LocalDate today) {
        return db.sql("INSERT INTO tax_rate_rollover (id, last_date) VALUES (1, :d) ON CONFLICT DO NOTHING")
                .bind("d", today.minusDays(1)).then()
                .then(db.sql("SELECT last_date FROM tax_rate_rollover WHERE id = 1").map(r -> r.get("last_date", LocalDate.class)).one())
                .flatMap(last -> {
                    if (!last.isBefore(today)) {
                        return Mono.just(0);
                    }
                    String[] patterns = rates.schedule().prefixesChangingBetween(last, today).stream().map(p -> p + "%")
                            .toArray(String[]::new);
                    // read the candidates in full first: the query's connection goes back to the pool before each
                    // product's own short transaction takes one
                    return candidates(patterns, last, today).collectList()
                            .flatMapMany(Flux::fromIterable)
                            .concatMap(c -> tx.transactional(apply(c.shopId(), c.id(), today)))
                            .filter(Boolean::booleanValue).count().map(Long::intValue)
                            .flatMap(n -> db.sql("UPDATE tax_rate_rollover SET last_date = :d WHERE id = 1 AND last_date < :d")
                                    .bind("d", today).then().thenReturn(n))
                            .doOnNext(n -> {
                                if (n > 0) {
                                    log.info("GST rates in force on {} changed the current rate of {} products", today, n);
                                }
                            });
                });
    }

    private record Candidate(String shopId, UUID id) {
    }

    private Flux<Candidate> candidates(String[] patterns, LocalDate after, LocalDate upTo) {
        return db.sql("""
                        SELECT shop_id, id FROM products WHERE hsn LIKE ANY (:patterns)
                        UNION
                        SELECT shop_id, product_id FROM product_tax_rates WHERE effective_from > :after AND effective_from <= :upTo""")
                .bind("patterns", patterns).bind("after", after).bind("upTo", upTo)
                .map(r -> new Candidate(r.get("shop_id", String.class), r.get("id", UUID.class))).all();
    }

    private Mono<Boolean> apply(String shopId, UUID id, LocalDate today) {
        return products.lock(shopId, id).flatMap(p -> rates.ownRates(id).flatMap(own -> {
            BigDecimal rate = rates.applicable(today, p.hsn(), own, p.gstRate()).rate();
            if (rate.compareTo(p.gstRate()) == 0) {
                return Mono.just(false);
            }
            return db.sql("UPDATE products SET gst_rate = :rate, version = version + 1, updated_at = now() WHERE shop_id = :shop AND id = :id")
                    .bind("rate", rate).bind("shop", shopId).bind("id", id).then()
                    .then(products.find(shopId, id))
                    .flatMap(updated -> productService.republish(shopId, updated))
                    .thenReturn(true);
        })).defaultIfEmpty(false);
    }
}
