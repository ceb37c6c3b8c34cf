package dev.kirana.accounting.itc;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The one writer of GSTR-2B imports and their documents; also reads the purchase documents they are matched with. */
@Repository
public class Gstr2bImports {
    private static final String IMPORT = """
            SELECT id, period, gstin, generated_on, version, sha256, documents, imported_by, imported_at FROM itc_2b_imports""";
    private final DatabaseClient db;

    public Gstr2bImports(DatabaseClient db) {
        this.db = db;
    }

    /** An import as stored. */
    record Stored(UUID id, YearMonth period, String gstin, LocalDate generatedOn, String version, String sha256, int documents,
                  String importedBy, OffsetDateTime importedAt) {
    }

    /** Holds the shop's period until the transaction ends: two imports of one period run one after the other. */
    Mono<Void> lockPeriod(String shopId, YearMonth period) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 2026))").bind("key", "itc-2b:" + shopId + ":" + period)
                .map(r -> 1).all().then();
    }

    Mono<Stored> find(String shopId, YearMonth period) {
        return db.sql(IMPORT + " WHERE shop_id = :shop AND period = :period").bind("shop", shopId).bind("period", period.toString())
                .map(Gstr2bImports::stored).one();
    }

    Mono<List<Stored>> list(String shopId) {
        return db.sql(IMPORT + " WHERE shop_id = :shop ORDER BY period DESC").bind("shop", shopId).map(Gstr2bImports::stored).all().collectList();
    }

    Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM itc_2b_imports WHERE id = :id").bind("id", id).then();
    }

    Mono<Void> insert(String shopId, UUID id, Gstr2b s, String sha256, String by) {
        var spec = db.sql("""
                        INSERT INTO itc_2b_imports (id, shop_id, period, gstin, generated_on, version, sha256, documents, imported_by)
                        VALUES (:id, :shop, :period, :gstin, :generated, :version, :sha, :documents, :by)""")
                .bind("id", id).bind("shop", shopId).bind("period", s.period().toString()).bind("gstin", s.gstin())
                .bind("sha", sha256).bind("documents", s.documents().size()).bind("by", by);
        spec = s.generatedOn() == null ? spec.bindNull("generated", LocalDate.class) : spec.bind("generated", s.generatedOn());
        spec = s.version() == null ? spec.bindNull("version", String.class) : spec.bind("version", s.version());
        return spec.then().thenMany(Flux.range(0, s.documents().size()).concatMap(i -> insertDocument(id, i + 1, s.documents().get(i)))).then();
    }

    private Mono<Void> insertDocument(UUID importId, int seq, Gstr2b.Document d) {
        var spec = db.sql("""
                        INSERT INTO itc_2b_documents (import_id, seq, doc_type, supplier_gstin, supplier_name, supplier_period, supplier_filed,
                            number, doc_date, supply_type, value, place_of_supply, reverse_charge, itc_available, reason, taxable, igst, cgst, sgst, cess)
                        VALUES (:import, :seq, :type, :gstin, :name, :period, :filed, :number, :date, :supply, :value, :pos, :rev, :itc, :reason,
                            :taxable, :igst, :cgst, :sgst, :cess)""")
                .bind("import", importId).bind("seq", seq).bind("type", d.type().name()).bind("gstin", d.supplierGstin())
                .bind("number", d.number()).bind("date", d.date()).bind("value", d.value()).bind("rev", d.reverseCharge())
                .bind("itc", d.itcAvailable()).bind("taxable", d.tax().taxableValue()).bind("igst", d.tax().igst())
                .bind("cgst", d.tax().cgst()).bind("sgst", d.tax().sgst()).bind("cess", d.tax().cess());
        spec = text(spec, "name", d.supplierName());
        spec = text(spec, "period", d.supplierPeriod());
        spec = d.supplierFiled() == null ? spec.bindNull("filed", LocalDate.class) : spec.bind("filed", d.supplierFiled());
        spec = text(spec, "supply", d.supplyType());
        spec = text(spec, "pos", d.placeOfSupply());
        spec = text(spec, "reason", d.reason());
        return spec.then();
    }

    Mono<List<Gstr2b.Document>> documents(UUID importId) {
        return db.sql("""
                        SELECT doc_type, supplier_gstin, supplier_name, supplier_period, supplier_filed, number, doc_date, supply_type, value,
                               place_of_supply, reverse_charge, itc_available, reason, taxable, igst, cgst, sgst, cess
                        FROM itc_2b_documents WHERE import_id = :id ORDER BY seq""")
                .bind("id", importId)
                .map(r -> new Gstr2b.Document(DocumentType.valueOf(r.get("doc_type", String.class)), r.get("supplier_gstin", String.class),
                        r.get("supplier_name", String.class), r.get("supplier_period", String.class), r.get("supplier_filed", LocalDate.class),
                        r.get("number", String.class), r.get("doc_date", LocalDate.class), r.get("supply_type", String.class),
                        r.get("value", BigDecimal.class), r.get("place_of_supply", String.class),
                        Boolean.TRUE.equals(r.get("reverse_charge", Boolean.class)), r.get("itc_available", String.class),
                        r.get("reason", String.class), tax(r)))
                .all().collectList();
    }

    /**
     * The shop's purchase bills (as INVOICE) and purchase returns (as CREDIT_NOTE) dated up to {@code last}: those from
     * {@code first} on, and earlier ones of the suppliers named in {@code gstins}. {@link ItcMatcher#inScope} keeps what
     * a period is matched against.
     */
    Mono<List<BookDocument>> bookDocuments(String shopId, LocalDate first, LocalDate last, List<String> gstins) {
        String[] suppliers = gstins.toArray(String[]::new);
        Mono<List<BookDocument>> bills = db.sql("""
                        SELECT b.id, b.supplier_id, p.gstin, p.name, b.bill_number AS number, b.bill_date AS doc_date,
                               b.taxable, b.igst, b.cgst, b.sgst
                        FROM purchase_bills b JOIN parties p ON p.id = b.supplier_id
                        WHERE b.shop_id = :shop AND b.bill_date <= :last AND (b.bill_date >= :first OR upper(p.gstin) = ANY(:gstins))""")
                .bind("shop", shopId).bind("first", first).bind("last", last).bind("gstins", suppliers)
                .map(r -> book(r, DocumentType.INVOICE)).all().collectList();
        Mono<List<BookDocument>> returns = db.sql("""
                        SELECT r.id, b.supplier_id, p.gstin, p.name, r.debit_note AS number, r.return_date AS doc_date,
                               r.taxable, r.igst, r.cgst, r.sgst
                        FROM purchase_returns r JOIN purchase_bills b ON b.id = r.bill_id JOIN parties p ON p.id = b.supplier_id
                        WHERE r.shop_id = :shop AND r.return_date <= :last AND (r.return_date >= :first OR upper(p.gstin) = ANY(:gstins))""")
                .bind("shop", shopId).bind("first", first).bind("last", last).bind("gstins", suppliers)
                .map(r -> book(r, DocumentType.CREDIT_NOTE)).all().collectList();
        return bills.zipWith(returns, (a, b) -> {
            var all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        });
    }

    private static BookDocument book(Readable r, DocumentType type) {
        return new BookDocument(r.get("id", UUID.class), type, r.get("supplier_id", UUID.class), r.get("gstin", String.class),
                r.get("name", String.class), r.get("number", String.class), r.get("doc_date", LocalDate.class),
                new ItcAmounts(r.get("taxable", BigDecimal.class), r.get("igst", BigDecimal.class), r.get("cgst", BigDecimal.class),
                        r.get("sgst", BigDecimal.class), BigDecimal.ZERO));
    }

    private static ItcAmounts tax(Readable r) {
        return new ItcAmounts(r.get("taxable", BigDecimal.class), r.get("igst", BigDecimal.class), r.get("cgst", BigDecimal.class),
                r.get("sgst", BigDecimal.class), r.get("cess", BigDecimal.class));
    }

    private static Stored stored(Readable r) {
        return new Stored(r.get("id", UUID.class), YearMonth.parse(r.get("period", String.class)), r.get("gstin", String.class),
                r.get("generated_on", LocalDate.class), r.get("version", String.class), r.get("sha256", String.class),
                r.get("documents", Integer.class), r.get("imported_by", String.class), r.get("imported_at", OffsetDateTime.class));
    }

    private static DatabaseClient.GenericExecuteSpec text(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
