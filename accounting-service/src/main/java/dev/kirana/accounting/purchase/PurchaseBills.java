package dev.kirana.accounting.purchase;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The one writer of purchase bills, their lines, their returns (debit notes) and the debit note series. */
@Repository
public class PurchaseBills {
    private static final String BILL = """
            SELECT b.id, b.supplier_id, p.name AS supplier_name, b.bill_number, b.bill_date, b.supply_type, b.taxable, b.cgst,
                   b.sgst, b.igst, b.round_off, b.total, b.paid_payment, b.notes, b.recorded_by, b.created_at
            FROM purchase_bills b JOIN parties p ON p.id = b.supplier_id""";
    private final DatabaseClient db;

    public PurchaseBills(DatabaseClient db) {
        this.db = db;
    }

    /** The bill's header as stored. */
    record Header(UUID id, UUID supplierId, String supplierName, String billNumber, LocalDate billDate, SupplyType supplyType,
                  PurchaseTax.Amounts amounts, BigDecimal roundOff, UUID paidPayment, String notes, String recordedBy, OffsetDateTime createdAt) {
    }

    /** @return false when this supplier already has a bill with this number (nothing inserted) */
    Mono<Boolean> insert(String shopId, UUID id, UUID supplierId, String billNumber, LocalDate billDate, SupplyType supply,
                         PurchaseTax.Amounts a, BigDecimal roundOff, String notes, String by) {
        var spec = db.sql("""
                        INSERT INTO purchase_bills (id, shop_id, supplier_id, bill_number, bill_key, bill_date, supply_type, taxable, cgst,
                                                    sgst, igst, round_off, total, notes, recorded_by)
                        VALUES (:id, :shop, :supplier, :number, :key, :date, :supply, :taxable, :cgst, :sgst, :igst, :roundOff, :total, :notes, :by)
                        ON CONFLICT (shop_id, supplier_id, bill_key) DO NOTHING""")
                .bind("id", id).bind("shop", shopId).bind("supplier", supplierId).bind("number", billNumber.trim())
                .bind("key", PurchaseRules.billKey(billNumber)).bind("date", billDate).bind("supply", supply.name())
                .bind("taxable", a.taxable()).bind("cgst", a.cgst()).bind("sgst", a.sgst()).bind("igst", a.igst())
                .bind("roundOff", roundOff).bind("total", a.total().add(roundOff)).bind("by", by);
        spec = notes == null ? spec.bindNull("notes", String.class) : spec.bind("notes", notes);
        return spec.fetch().rowsUpdated().map(n -> n == 1);
    }

    Mono<Void> insertLine(UUID billId, PurchaseBill.Line l) {
        var spec = db.sql("""
                        INSERT INTO purchase_bill_lines (bill_id, line_no, product_id, quantity, unit_cost, gst_rate, taxable, cgst, sgst, igst,
                                                         batch_no, expiry_date, location_id)
                        VALUES (:bill, :no, :product, :qty, :cost, :rate, :taxable, :cgst, :sgst, :igst, :batch, :expiry, :loc)""")
                .bind("bill", billId).bind("no", l.lineNo()).bind("product", l.productId()).bind("qty", l.quantity())
                .bind("cost", l.unitCost()).bind("rate", l.gstRate()).bind("taxable", l.taxableValue()).bind("cgst", l.cgst())
                .bind("sgst", l.sgst()).bind("igst", l.igst());
        spec = l.batchNo() == null ? spec.bindNull("batch", String.class) : spec.bind("batch", l.batchNo());
        spec = l.expiryDate() == null ? spec.bindNull("expiry", LocalDate.class) : spec.bind("expiry", l.expiryDate());
        spec = l.locationId() == null ? spec.bindNull("loc", UUID.class) : spec.bind("loc", l.locationId());
        return spec.then();
    }

    Mono<Void> paidBy(UUID billId, UUID paymentId) {
        return db.sql("UPDATE purchase_bills SET paid_payment = :payment WHERE id = :id")
                .bind("payment", paymentId).bind("id", billId).then();
    }

    Mono<Header> header(String shopId, UUID id) {
        return db.sql(BILL + " WHERE b.shop_id = :shop AND b.id = :id").bind("shop", shopId).bind("id", id)
                .map(PurchaseBills::header).one();
    }

    /** Locks the bill's row until the transaction ends (two returns of one bill cannot both pass the quantity check). */
    Mono<Header> lock(String shopId, UUID id) {
        return db.sql("SELECT id FROM purchase_bills WHERE shop_id = :shop AND id = :id FOR UPDATE")
                .bind("shop", shopId).bind("id", id).map(r -> r.get("id", UUID.class)).one()
                .flatMap(x -> header(shopId, id));
    }

    Mono<List<PurchaseBill.Line>> lines(UUID billId) {
        return db.sql("""
                        SELECT line_no, product_id, quantity, unit_cost, gst_rate, taxable, cgst, sgst, igst, batch_no, expiry_date,
                               location_id, returned_qty
                        FROM purchase_bill_lines WHERE bill_id = :bill ORDER BY line_no""")
                .bind("bill", billId)
                .map(r -> {
                    BigDecimal taxable = r.get("taxable", BigDecimal.class);
                    BigDecimal cgst = r.get("cgst", BigDecimal.class);
                    BigDecimal sgst = r.get("sgst", BigDecimal.class);
                    BigDecimal igst = r.get("igst", BigDecimal.class);
                    return new PurchaseBill.Line(r.get("line_no", Integer.class), r.get("product_id", String.class),
                            r.get("quantity", BigDecimal.class), r.get("unit_cost", BigDecimal.class), r.get("gst_rate", BigDecimal.class),
                            taxable, cgst, sgst, igst, taxable.add(cgst).add(sgst).add(igst), r.get("batch_no", String.class),
                            r.get("expiry_date", LocalDate.class), r.get("location_id", UUID.class), r.get("returned_qty", BigDecimal.class));
                })
                .all().collectList();
    }

    /** What earlier debit notes of the bill reversed, per bill line. */
    Mono<Map<Integer, PurchaseTax.Amounts>> reversed(UUID billId) {
        return db.sql("""
                        SELECT l.line_no, sum(l.taxable) AS taxable, sum(l.cgst) AS cgst, sum(l.sgst) AS sgst, sum(l.igst) AS igst
                        FROM purchase_return_lines l JOIN purchase_returns r ON r.id = l.return_id
                        WHERE r.bill_id = :bill GROUP BY l.line_no""")
                .bind("bill", billId)
                .map(r -> Map.entry(r.get("line_no", Integer.class), new PurchaseTax.Amounts(r.get("taxable", BigDecimal.class),
                        r.get("cgst", BigDecimal.class), r.get("sgst", BigDecimal.class), r.get("igst", BigDecimal.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<List<PurchaseBill.ReturnSummary>> returnsOf(UUID billId) {
        return db.sql("SELECT id, debit_note, return_date, total FROM purchase_returns WHERE bill_id = :bill ORDER BY created_at, id")
                .bind("bill", billId)
                .map(r -> new PurchaseBill.ReturnSummary(r.get("id", UUID.class), r.get("debit_note", String.class),
                        r.get("return_date", LocalDate.class), r.get("total", BigDecimal.class)))
                .all().collectList();
    }

    Mono<PurchaseBill> bill(String shopId, UUID id) {
        return header(shopId, id).flatMap(h -> Mono.zip(lines(id), returnsOf(id)).map(t -> view(h, t.getT1(), t.getT2())));
    }

    /** Bills newest first (bill date, then when recorded), optionally of one supplier; stable for paging. */
    Mono<List<PurchaseBill>> list(String shopId, UUID supplierId, int page, int size) {
        var spec = db.sql(BILL + " WHERE b.shop_id = :shop" + (supplierId == null ? "" : " AND b.supplier_id = :supplier")
                        + " ORDER BY b.bill_date DESC, b.created_at DESC, b.id LIMIT :size OFFSET :offset")
                .bind("shop", shopId).bind("size", size).bind("offset", (long) page * size);
        if (supplierId != null) {
            spec = spec.bind("supplier", supplierId);
        }
        return spec.map(PurchaseBills::header).all().collectList()
                .flatMap(headers -> Flux.fromIterable(headers)
                        .concatMap(h -> Mono.zip(lines(h.id()), returnsOf(h.id())).map(t -> view(h, t.getT1(), t.getT2())))
                        .collectList());
    }

    /** The next debit note number of the shop's financial year, taken under the series row's lock (gapless). */
    Mono<Integer> nextDebitNote(String shopId, String financialYear) {
        return db.sql("""
                        INSERT INTO debit_note_series (shop_id, financial_year, last_number) VALUES (:shop, :fy, 1)
                        ON CONFLICT (shop_id, financial_year) DO UPDATE SET last_number = debit_note_series.last_number + 1
                        RETURNING last_number""")
                .bind("shop", shopId).bind("fy", financialYear)
                .map(r -> r.get("last_number", Integer.class)).one();
    }

    Mono<Void> insertReturn(String shopId, PurchaseReturn r, String by) {
        var spec = db.sql("""
                        INSERT INTO purchase_returns (id, shop_id, bill_id, debit_note, return_date, taxable, cgst, sgst, igst, total, reason, recorded_by)
                        VALUES (:id, :shop, :bill, :note, :date, :taxable, :cgst, :sgst, :igst, :total, :reason, :by)""")
                .bind("id", r.id()).bind("shop", shopId).bind("bill", r.billId()).bind("note", r.debitNoteNumber())
                .bind("date", r.date()).bind("taxable", r.taxableValue()).bind("cgst", r.cgst()).bind("sgst", r.sgst())
                .bind("igst", r.igst()).bind("total", r.total()).bind("by", by);
        spec = r.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", r.reason());
        return spec.then()
                .thenMany(Flux.fromIterable(r.lines()).concatMap(l -> db.sql("""
                                INSERT INTO purchase_return_lines (return_id, line_no, quantity, taxable, cgst, sgst, igst)
                                VALUES (:id, :no, :qty, :taxable, :cgst, :sgst, :igst)""")
                        .bind("id", r.id()).bind("no", l.lineNo()).bind("qty", l.quantity()).bind("taxable", l.taxableValue())
                        .bind("cgst", l.cgst()).bind("sgst", l.sgst()).bind("igst", l.igst()).then()
                        .then(db.sql("UPDATE purchase_bill_lines SET returned_qty = returned_qty + :qty WHERE bill_id = :bill AND line_no = :no")
                                .bind("qty", l.quantity()).bind("bill", r.billId()).bind("no", l.lineNo()).then())))
                .then();
    }

    Mono<PurchaseReturn> findReturn(String shopId, UUID billId, UUID returnId) {
        return db.sql("""
                        SELECT id, bill_id, debit_note, return_date, taxable, cgst, sgst, igst, total, reason FROM purchase_returns
                        WHERE shop_id = :shop AND bill_id = :bill AND id = :id""")
                .bind("shop", shopId).bind("bill", billId).bind("id", returnId)
                .map(r -> new PurchaseReturn(r.get("id", UUID.class), r.get("bill_id", UUID.class), r.get("debit_note", String.class),
                        r.get("return_date", LocalDate.class), List.of(), r.get("taxable", BigDecimal.class), r.get("cgst", BigDecimal.class),
                        r.get("sgst", BigDecimal.class), r.get("igst", BigDecimal.class), r.get("total", BigDecimal.class),
                        r.get("reason", String.class)))
                .one()
                .flatMap(head -> db.sql("""
                                SELECT r.line_no, b.product_id, r.quantity, r.taxable, r.cgst, r.sgst, r.igst
                                FROM purchase_return_lines r JOIN purchase_bill_lines b ON b.bill_id = :bill AND b.line_no = r.line_no
                                WHERE r.return_id = :id ORDER BY r.line_no""")
                        .bind("bill", billId).bind("id", returnId)
                        .map(r -> new PurchaseReturn.Line(r.get("line_no", Integer.class), r.get("product_id", String.class),
                                r.get("quantity", BigDecimal.class), r.get("taxable", BigDecimal.class), r.get("cgst", BigDecimal.class),
                                r.get("sgst", BigDecimal.class), r.get("igst", BigDecimal.class)))
                        .all().collectList()
                        .map(lines -> new PurchaseReturn(head.id(), head.billId(), head.debitNoteNumber(), head.date(), lines,
                                head.taxableValue(), head.cgst(), head.sgst(), head.igst(), head.total(), head.reason())));
    }

    /** The shop's GST state, as shop events last told it; empty when not known. */
    Mono<String> shopState(String shopId) {
        return db.sql("SELECT state_code FROM shop_states WHERE shop_id = :shop AND state_code IS NOT NULL").bind("shop", shopId)
                .map(r -> r.get("state_code", String.class)).one();
    }

    private static Header header(Readable r) {
        return new Header(r.get("id", UUID.class), r.get("supplier_id", UUID.class), r.get("supplier_name", String.class),
                r.get("bill_number", String.class), r.get("bill_date", LocalDate.class), SupplyType.valueOf(r.get("supply_type", String.class)),
                new PurchaseTax.Amounts(r.get("taxable", BigDecimal.class), r.get("cgst", BigDecimal.class), r.get("sgst", BigDecimal.class),
                        r.get("igst", BigDecimal.class)),
                r.get("round_off", BigDecimal.class), r.get("paid_payment", UUID.class), r.get("notes", String.class), r.get("recorded_by", String.class),
                r.get("created_at", OffsetDateTime.class));
    }

    private static PurchaseBill view(Header h, List<PurchaseBill.Line> lines, List<PurchaseBill.ReturnSummary> returns) {
        PurchaseTax.Amounts a = h.amounts();
        return new PurchaseBill(h.id(), h.supplierId(), h.supplierName(), h.billNumber(), h.billDate(), h.supplyType(), lines,
                a.taxable(), a.cgst(), a.sgst(), a.igst(), h.roundOff(), a.total().add(h.roundOff()), h.paidPayment(), returns, h.notes(), h.recordedBy(),
                h.createdAt() == null ? null : h.createdAt().toInstant());
    }

    static Map<Integer, PurchaseBill.Line> byLineNo(List<PurchaseBill.Line> lines) {
        return lines.stream().collect(Collectors.toMap(PurchaseBill.Line::lineNo, l -> l));
    }
}
