package dev.kirana.accounting.gstreturn;

import dev.kirana.web.audit.AuditLog;
import dev.kirana.accounting.shop.ShopProfiles;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GSTR-1 and GSTR-3B of a shop for a period, from the outward-supplies register, the purchase bills and returns and
 * the expenses; and filing: a filed GSTR-1 is kept as filed and is the answer for its period from then on, while
 * what comes later for its months is reported in the next open month.
 */
@Service
public class GstReturns {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DatabaseClient db;
    private final OutwardRegister register;
    private final ShopProfiles shops;
    private final TransactionalOperator tx;
    private final AuditLog audit;

    public GstReturns(DatabaseClient db, OutwardRegister register, ShopProfiles shops, TransactionalOperator tx, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.register = register;
        this.shops = shops;
        this.tx = tx;
    }

    /** A GSTR-1 as the offline tool's JSON, and when it was filed (null while open). */
    public record Gstr1(JsonNode json, Instant filedAt) {
    }

    public Mono<Gstr1> gstr1(String shop, ReturnPeriod period, int hsnDigits) {
        return filed(shop, period).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(f -> f.isPresent() ? Mono.just(f.get()) : build(shop, period, hsnDigits).map(j -> new Gstr1(j, null)));
    }

    private Mono<ObjectNode> build(String shop, ReturnPeriod period, int hsnDigits) {
        return shops.gstin(shop).defaultIfEmpty("")
                .zipWith(register.reportedIn(shop, period))
                .map(t -> Gstr1Builder.build(t.getT1(), period, hsnDigits, t.getT2()));
    }

    private Mono<Gstr1> filed(String shop, ReturnPeriod period) {
        return db.sql("SELECT gstr1, filed_at FROM gst_filed_returns WHERE shop_id = :shop AND period = :period")
                .bind("shop", shop).bind("period", period.label())
                .map(r -> new Gstr1(JSON.readTree(r.get("gstr1", String.class)), r.get("filed_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /**
     * Marks the period's GSTR-1 filed and keeps it as it is now. Refused (409) when the period has not ended, or when
     * it, or a month of it, was filed before.
     */
    public Mono<Gstr1> file(String shop, ReturnPeriod period, int hsnDigits, String by) {
        if (!period.to().isBefore(LocalDate.now(SHOP_ZONE))) {
            return Mono.error(Problems.conflict("the period " + period.label() + " has not ended yet: a return is filed after its last day ("
                    + period.to() + ")"));
        }
        Mono<Gstr1> work = register.lock(shop)
                .then(register.filedMonths(shop, period.from()))
                .flatMap(filed -> {
                    List<LocalDate> already = period.months().stream().map(m -> m.atDay(1)).filter(filed::contains).toList();
                    if (!already.isEmpty()) {
                        return Mono.error(Problems.conflict("GSTR-1 for " + period.label() + " cannot be filed: " + already.stream()
                                .map(d -> d.toString().substring(0, 7)).toList() + " already filed"));
                    }
                    return build(shop, period, hsnDigits);
                })
                .flatMap(json -> {
                    Instant now = Instant.now();
                    return db.sql("INSERT INTO gst_filed_returns (shop_id, period, gstr1, filed_by, filed_at) VALUES (:shop, :period, :json, :by, :at)")
                            .bind("shop", shop).bind("period", period.label()).bind("json", JSON.writeValueAsString(json)).bind("by", by)
                            .bind("at", now.atOffset(java.time.ZoneOffset.UTC)).then()
                            .thenMany(reactor.core.publisher.Flux.fromIterable(period.months()).concatMap(m -> db.sql(
                                    "INSERT INTO gst_filed_months (shop_id, month, period) VALUES (:shop, :month, :period)")
                                    .bind("shop", shop).bind("month", m.atDay(1)).bind("period", period.label()).then()))
                            .then(audit.record(shop, AuditLog.Entry.of("gst-return.filed", "gst-return", "GSTR-1:" + period.label())
                                    .change(java.util.Map.of("filed", false), java.util.Map.of("filed", true, "return", "GSTR-1",
                                            "period", period.label(), "from", period.from().toString(), "to", period.to().toString()))))
                            .then(Mono.just(new Gstr1(json, now)));
                });
        return tx.transactional(work);
    }

    public Mono<Gstr3b> gstr3b(String shop, ReturnPeriod period) {
        return shops.gstin(shop).map(Optional::of).defaultIfEmpty(Optional.empty())
                .zipWith(register.reportedIn(shop, period))
                .zipWith(inputTax(shop, period))
                .map(t -> Gstr3bBuilder.build(t.getT1().getT1().orElse(null), period, t.getT1().getT2(), t.getT2()));
    }

    /** Input tax of the period: suppliers' bills by bill date, less debit notes by their date, plus expenses with GST not reversed. */
    private Mono<Gstr3bBuilder.InputTax> inputTax(String shop, ReturnPeriod period) {
        return db.sql("""
                        SELECT COALESCE(SUM(igst), 0) AS igst, COALESCE(SUM(cgst), 0) AS cgst, COALESCE(SUM(sgst), 0) AS sgst FROM (
                            SELECT igst, cgst, sgst FROM purchase_bills WHERE shop_id = :shop AND bill_date BETWEEN :from AND :to
                            UNION ALL
                            SELECT -igst, -cgst, -sgst FROM purchase_returns WHERE shop_id = :shop AND return_date BETWEEN :from AND :to
                            UNION ALL
                            SELECT igst, cgst, sgst FROM expenses WHERE shop_id = :shop AND expense_date BETWEEN :from AND :to
                                AND reversal_entry IS NULL) t""")
                .bind("shop", shop).bind("from", period.from()).bind("to", period.to())
                .map(r -> new Gstr3bBuilder.InputTax(r.get("igst", BigDecimal.class).setScale(2), r.get("cgst", BigDecimal.class).setScale(2),
                        r.get("sgst", BigDecimal.class).setScale(2)))
                .one();
    }
}
