package dev.kirana.catalog.product;

import dev.kirana.catalog.category.CategoryService;
import dev.kirana.catalog.gs1.Gs1;
import dev.kirana.catalog.tax.ProductTaxRate;
import dev.kirana.catalog.tax.ProductTaxRate.OwnRate;
import dev.kirana.catalog.tax.TaxRates;
import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.audit.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.kirana.india.GstRates;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creating and editing products. Every write runs in one transaction with its events (outbox) and its
 * price-history and tax-rate rows; an edit that changes nothing writes nothing and publishes nothing.
 */
@Service
public class ProductService {
    /** Fields whose change re-checks the MRP rule (older products keep working when other fields change). */
    private static final java.util.Set<String> PRICING = java.util.Set.of("sellingPrice", "mrp", "taxInclusive", "gstRate");
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final ProductStore store;
    private final CategoryService categories;
    private final TaxRates taxRates;
    private final AuditLog audit;

    public ProductService(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox, ProductStore store,
                          CategoryService categories, TaxRates taxRates, AuditLog audit) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.store = store;
        this.categories = categories;
        this.taxRates = taxRates;
        this.audit = audit;
    }

    public enum Kind { CREATED, UPDATED, UNCHANGED }

    /** What a write did, and the product after it. */
    public record Outcome(Kind kind, Product product) {
    }

    public Mono<Product> create(String shopId, String actor, ProductRequest request) {
        UUID id = UUID.randomUUID();
        return tx.transactional(write(shopId, actor, "api", id, null, request.normalized(), true, barcodeOwners(shopId), Mono.empty()).map(Outcome::product))
                .onErrorMap(DataIntegrityViolationException.class, ProductService::uniqueness);
    }

    public Mono<Product> get(String shopId, UUID id) {
        return store.find(shopId, id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /** A full replacement of the product's fields, refused unless the caller saw the current version (If-Match). */
    public Mono<Product> update(String shopId, String actor, UUID id, ProductRequest request, Long expectedVersion) {
        Mono<Product> work = store.lock(shopId, id).switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(before -> checkVersion(before, expectedVersion)
                        .then(write(shopId, actor, "api", id, before, request.normalized(), before.active(), barcodeOwners(shopId), Mono.empty())))
                .map(Outcome::product);
        return tx.transactional(work).onErrorMap(DataIntegrityViolationException.class, ProductService::uniqueness);
    }

    /** Archives (no longer sold, received or counted) or brings back a product. */
    public Mono<Product> setActive(String shopId, String actor, UUID id, boolean active, Long expectedVersion) {
        Mono<Product> work = store.lock(shopId, id).switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(before -> checkVersion(before, expectedVersion)
                        .then(write(shopId, actor, "api", id, before, requestOf(before), active, barcodeOwners(shopId), Mono.empty())))
                .map(Outcome::product);
        return tx.transactional(work);
    }

    /**
     * Gives each product that has no barcode the next free in-store code ({@code next} numbers them, in this
     * transaction), in the order given; the products are row-locked first, and one that already has a barcode is a 409
     * naming it, with nothing changed. Publishes product.updated for each.
     */
    public Mono<List<Product>> assignBarcodes(String shopId, String actor, List<UUID> ids, Function<BarcodeOwners, Mono<String>> next) {
        BarcodeOwners owners = barcodeOwners(shopId);
        Mono<List<Product>> work = Flux.fromIterable(ids)
                .concatMap(id -> store.lock(shopId, id).switchIfEmpty(Mono.error(() -> notFound(id))))
                .collectList()
                .flatMap(locked -> {
                    for (Product p : locked) {
                        if (p.barcode() != null) {
                            return Mono.error(Problems.conflict("Product " + p.sku() + " already has the barcode " + p.barcode()));
                        }
                    }
                    return Flux.fromIterable(locked).concatMap(before -> next.apply(owners).flatMap(code -> {
                        ProductRequest same = requestOf(before);
                        ProductRequest withCode = new ProductRequest(same.sku(), code, same.name(), same.description(), same.categoryId(),
                                same.hsn(), null, null, same.sellingPrice(), same.mrp(), same.costPrice(), same.taxInclusive(),
                                same.unit(), same.reorderLevel(), same.perishable(), same.serialTracked());
                        return write(shopId, actor, "barcode", before.id(), before, withCode, before.active(), owners, Mono.empty());
                    })).map(Outcome::product).collectList();
                });
        return tx.transactional(work).onErrorMap(DataIntegrityViolationException.class, ProductService::uniqueness);
    }

    /** The ids of the shop's active products without a barcode, by SKU (at most {@code limit}). */
    public Mono<List<UUID>> withoutBarcode(String shopId, int limit) {
        return store.withoutBarcode(shopId, limit).collectList();
    }

    /** Who already uses a barcode in the shop (other than the product being written), if anyone: its SKU. */
    @FunctionalInterface
    public interface BarcodeOwners {
        Mono<String> skuUsing(String barcode, UUID except);
    }

    private BarcodeOwners barcodeOwners(String shopId) {
        return (barcode, except) -> store.skuUsingBarcode(shopId, barcode, except);
    }

    /**
     * Creates ({@code before} null) or updates a product whose current state the caller already holds, row-locked
     * (a spreadsheet import; runs in the caller's transaction). {@code beforeWrites} runs once, just before the first
     * write, and not at all when nothing changes; {@code active} null keeps the state.
     */
    public Mono<Outcome> upsert(String shopId, String actor, String cause, Product before, ProductRequest wanted, Boolean active,
                                BarcodeOwners owners, Mono<Void> beforeWrites) {
        boolean activeAfter = active != null ? active : before == null || before.active();
        return write(shopId, actor, cause, before == null ? UUID.randomUUID() : before.id(), before, wanted.normalized(), activeAfter,
                owners, beforeWrites);
    }

    public Mono<SearchPage> search(String shopId, ProductQuery query, int page, int size) {
        return store.search(shopId, query, page, size).collectList()
                .zipWith(store.count(shopId, query))
                .map(t -> new SearchPage(t.getT1(), t.getT2()));
    }

    public record SearchPage(List<Product> products, long total) {
    }

    public Flux<PriceChange> priceHistory(String shopId, UUID id) {
        return get(shopId, id).thenMany(db.sql("""
                        SELECT id, old_selling_price, selling_price, old_mrp, mrp, old_cost_price, cost_price, changed_by, cause,
                               product_version, changed_at
                        FROM price_history WHERE shop_id = :shop AND product_id = :id ORDER BY id DESC""")
                .bind("shop", shopId).bind("id", id)
                .map(r -> new PriceChange(r.get("id", Long.class), r.get("old_selling_price", BigDecimal.class),
                        r.get("selling_price", BigDecimal.class), r.get("old_mrp", BigDecimal.class), r.get("mrp", BigDecimal.class),
                        r.get("old_cost_price", BigDecimal.class), r.get("cost_price", BigDecimal.class),
                        r.get("changed_by", String.class), r.get("cause", String.class), r.get("product_version", Long.class),
                        r.get("changed_at", OffsetDateTime.class).toInstant()))
                .all());
    }

    /** The GST rate of the product for a date of supply. */
    public Mono<TaxRateOnDate> taxRate(String shopId, UUID id, LocalDate date) {
        LocalDate on = date == null ? taxRates.today() : date;
        return get(shopId, id).flatMap(p -> taxRates.ownRates(id).map(own -> {
            var a = taxRates.applicable(on, p.hsn(), own, p.gstRate());
            return new TaxRateOnDate(p.id(), p.hsn(), on, a.rate(), a.cess(), a.source(), a.effectiveFrom(), a.hsnPrefix(),
                    a.description(), own);
        }));
    }

    /** A product's GST rate on a date, where it comes from, and the rates the shop set on the product. */
    public record TaxRateOnDate(UUID productId, String hsn, LocalDate date, BigDecimal rate, BigDecimal cess,
                                ProductTaxRate.Source source, LocalDate effectiveFrom, String scheduleHsnPrefix,
                                String description, List<OwnRate> productRates) {
    }

    /** Publishes a product's state again after a change made elsewhere (a category rename, a scheduled rate change). */
    public Mono<Void> republish(String shopId, Product p) {
        return outbox.append(Topics.CATALOG, EventTypes.PRODUCT_UPDATED, p.id().toString(), shopId, p.toEvent()).then();
    }

    private Mono<Outcome> write(String shopId, String actor, String cause, UUID id, Product before, ProductRequest r, boolean active,
                                BarcodeOwners owners, Mono<Void> beforeWrites) {
        LocalDate today = taxRates.today();
        LocalDate from = before == null || r.gstRateEffectiveFrom() == null ? today : r.gstRateEffectiveFrom();
        if (from.isBefore(today)) {
            return Mono.error(Problems.invalid("gstRateEffectiveFrom", "must be today or later; past sales keep the rates they were made with"));
        }
        // a GTIN-shaped barcode someone typed must carry its GS1 check digit (one already on the product stays as it is)
        String badBarcode = r.barcode() == null || (before != null && r.barcode().equals(before.barcode())) ? null : Gs1.violation(r.barcode());
        if (badBarcode != null) {
            return Mono.error(Problems.invalid("barcode", badBarcode));
        }
        // the category must be the shop's (a 404 otherwise); one the product already has was checked when it got it
        Mono<UUID> category = r.categoryId() == null || (before != null && r.categoryId().equals(before.categoryId()))
                ? Mono.just(new UUID(0, 0))
                : categories.get(shopId, r.categoryId()).map(c -> c.id());
        Mono<Void> barcodeFree = r.barcode() == null || (before != null && r.barcode().equals(before.barcode())) ? Mono.empty()
                : owners.skuUsing(r.barcode(), id)
                .flatMap(sku -> Mono.error(Problems.conflict("Barcode " + r.barcode() + " is already used by SKU " + sku)));
        // the current rate is kept in force by the rollover: asking for it again (or for nothing) on the same HSN needs no history
        boolean rateAsIs = before != null && java.util.Objects.equals(r.hsn(), before.hsn()) && from.equals(today)
                && (r.gstRate() == null || r.gstRate().compareTo(before.gstRate()) == 0);
        // a rate a person gives must be a GST rate on the day it applies from (17 % never was; 12 % ended on 21-09-2025)
        String badRate = rateAsIs ? null : GstRates.violation(r.gstRate(), from);
        if (badRate != null) {
            return Mono.error(Problems.invalid("gstRate", badRate));
        }
        Mono<List<OwnRate>> own = before == null || rateAsIs ? Mono.just(List.of()) : taxRates.ownRates(id);
        return barcodeFree.then(category).zipWith(own).flatMap(t -> {
            UUID categoryId = r.categoryId();
            List<OwnRate> ownBefore = t.getT2();
            OwnRate newOwn = null;
            if (!rateAsIs && r.gstRate() != null && ProductTaxRate.needsOwnRate(r.gstRate(), from, r.hsn(), ownBefore, taxRates.schedule())) {
                newOwn = new OwnRate(from, r.gstRate());
            }
            if (before == null && r.gstRate() == null && taxRates.schedule().rateOn(r.hsn(), today).isEmpty()) {
                return Mono.error(Problems.invalid("gstRate", r.hsn() == null
                        ? "is required when there is no HSN code"
                        : "is required: the rate schedule has no rate for HSN " + r.hsn()));
            }
            List<OwnRate> ownAfter = new ArrayList<>(ownBefore);
            if (newOwn != null) {
                OwnRate n = newOwn;
                ownAfter.removeIf(o -> o.effectiveFrom().equals(n.effectiveFrom()));
                ownAfter.add(n);
            }
            BigDecimal rateNow = rateAsIs ? before.gstRate()
                    : taxRates.applicable(today, r.hsn(), ownAfter, before == null ? r.gstRate() : before.gstRate()).rate();
            var values = new ProductChange.Values(r.sku(), r.barcode(), r.name(), r.description(), categoryId, r.hsn(), rateNow,
                    r.sellingPrice(), r.mrp(), r.costPrice(), r.taxInclusive(), r.unit(), r.reorderLevel(),
                    r.perishable(), r.serialTracked(), active);
            ProductChange change = before == null ? null : ProductChange.between(before, values);
            if (change == null || change.fields().stream().anyMatch(PRICING::contains)) {
                var mrpProblem = PriceRules.mrpViolation(r.sellingPrice(), r.mrp(), r.taxInclusive(), rateNow);
                if (mrpProblem.isPresent()) {
                    return Mono.error(Problems.invalid("sellingPrice", mrpProblem.get()));
                }
            }
            Mono<Void> recordRate = newOwn == null ? Mono.empty() : taxRates.setOwnRate(shopId, id, newOwn.effectiveFrom(), newOwn.rate(), actor);
            if (before == null) {
                return beforeWrites.then(store.insert(shopId, id, values)).flatMap(p -> recordRate.thenReturn(p))
                        .flatMap(p -> priceHistory(shopId, null, p, actor, cause)
                                .then(outbox.append(Topics.CATALOG, EventTypes.PRODUCT_CREATED, p.id().toString(), shopId, p.toEvent()))
                                .thenReturn(new Outcome(Kind.CREATED, p)));
            }
            if (change.isEmpty()) {
                // nothing a consumer sees changed; a rate set for a later date is still remembered
                return newOwn == null ? Mono.just(new Outcome(Kind.UNCHANGED, before))
                        : beforeWrites.then(recordRate).thenReturn(new Outcome(Kind.UPDATED, before));
            }
            return beforeWrites.then(store.update(shopId, id, values)).flatMap(p -> recordRate.thenReturn(p))
                    .flatMap(p -> outbox.append(Topics.CATALOG, EventTypes.PRODUCT_UPDATED, p.id().toString(), shopId, p.toEvent())
                            .then(change.pricesChanged() ? priceHistory(shopId, before, p, actor, cause)
                                    .then(outbox.append(Topics.CATALOG, EventTypes.PRICE_CHANGED, p.id().toString(), shopId,
                                            new CatalogEvents.PriceChanged(p.id().toString(), p.sku(), before.sellingPrice(),
                                                    p.sellingPrice(), before.mrp(), p.mrp(), before.costPrice(), p.costPrice(),
                                                    actor, p.updatedAt(), p.version())))
                                    .then(audit.record(shopId, AuditLog.Entry.of("price.changed", "product", p.id())
                                            .change(prices(before), prices(p)))) : Mono.empty())
                            .then(change.archived() ? outbox.append(Topics.CATALOG, EventTypes.PRODUCT_ARCHIVED, p.id().toString(), shopId,
                                    new CatalogEvents.ProductArchived(p.id().toString(), p.sku(), p.name(), p.version()))
                                    .then(audit.record(shopId, AuditLog.Entry.of("product.archived", "product", p.id())
                                            .change(archival(before), archival(p)))) : Mono.empty())
                            .thenReturn(new Outcome(Kind.UPDATED, p)));
        });
    }

    /** A product's prices as its audit record shows them before and after a change. */
    static Map<String, Object> prices(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", p.sku());
        m.put("sellingPrice", p.sellingPrice());
        m.put("mrp", p.mrp());
        m.put("costPrice", p.costPrice());
        m.put("taxInclusive", p.taxInclusive());
        return m;
    }

    private static Map<String, Object> archival(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", p.sku());
        m.put("name", p.name());
        m.put("active", p.active());
        return m;
    }

    private Mono<Void> priceHistory(String shopId, Product before, Product after, String actor, String cause) {
        var spec = db.sql("""
                        INSERT INTO price_history (shop_id, product_id, old_selling_price, selling_price, old_mrp, mrp, old_cost_price,
                                                   cost_price, changed_by, cause, product_version)
                        VALUES (:shop, :product, :oldPrice, :price, :oldMrp, :mrp, :oldCost, :cost, :by, :cause, :version)""")
                .bind("shop", shopId).bind("product", after.id()).bind("price", after.sellingPrice())
                .bind("by", actor).bind("cause", cause).bind("version", after.version());
        spec = ProductStore.nullable(spec, "oldPrice", before == null ? null : before.sellingPrice(), BigDecimal.class);
        spec = ProductStore.nullable(spec, "oldMrp", before == null ? null : before.mrp(), BigDecimal.class);
        spec = ProductStore.nullable(spec, "oldCost", before == null ? null : before.costPrice(), BigDecimal.class);
        spec = ProductStore.nullable(spec, "mrp", after.mrp(), BigDecimal.class);
        spec = ProductStore.nullable(spec, "cost", after.costPrice(), BigDecimal.class);
        return spec.then();
    }

    private static Mono<Void> checkVersion(Product current, Long expected) {
        if (expected != null && expected != current.version()) {
            return Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed",
                    "Product " + current.id() + " is at version " + current.version() + ", not " + expected
                            + "; read it again and re-apply your change"));
        }
        return Mono.empty();
    }

    /** The request that would leave a product as it is (used to archive/unarchive without touching other fields). */
    static ProductRequest requestOf(Product p) {
        return new ProductRequest(p.sku(), p.barcode(), p.name(), p.description(), p.categoryId(), p.hsn(), null, null,
                p.sellingPrice(), p.mrp(), p.costPrice(), p.taxInclusive(), p.unit(), p.reorderLevel(), p.perishable(), p.serialTracked());
    }

    private static Throwable uniqueness(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return Problems.conflict(message.contains("barcode")
                ? "A product with this barcode already exists in this shop"
                : "A product with this SKU already exists in this shop");
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("No product " + id + " in this shop");
    }
}
