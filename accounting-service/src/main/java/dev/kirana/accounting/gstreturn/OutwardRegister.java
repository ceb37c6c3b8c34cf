package dev.kirana.accounting.gstreturn;

import dev.kirana.accounting.gstreturn.OutwardDocument.Kind;
import dev.kirana.events.OrderEvents;
import dev.kirana.web.CorrelatedLog;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The outward-supplies register, written from the sale's events in the consumer's inbox transaction: each confirmed
 * sale is an invoice, each refund a credit note, each void the cancellation of its invoice; each once (by its
 * source). A document is reported in its own month's return, or in the first month after it still open when that month
 * was filed; the shop's lock (also taken by filing) keeps the two from crossing.
 */
@Component
public class OutwardRegister {
    private static final Logger log = LoggerFactory.getLogger(OutwardRegister.class);
    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private final DatabaseClient db;

    public OutwardRegister(DatabaseClient db) {
        this.db = db;
    }

    /** Serialises the register's writes and filing for one shop, until the transaction ends. */
    Mono<Void> lock(String shop) {
        return db.sql("SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(:key, 0))").bind("key", "gst-register:" + shop)
                .map(r -> 1).first().then();
    }

    public Mono<Void> invoice(String shop, OrderEvents.OrderConfirmed s, LocalDate date) {
        if (s.invoiceNumber() == null || s.lines() == null) {
            return CorrelatedLog.write(() -> log.warn("sale {} of shop {} has no invoice number or lines: not in the GST register", s.orderId(), shop));
        }
        String pos = placeOfSupply(s.placeOfSupply(), s.customer(), s.supplierStateCode());
        if (pos == null) {
            return CorrelatedLog.write(() -> log.warn("sale {} of shop {} names no place of supply: not in the GST register", s.orderId(), shop));
        }
        List<OutwardDocument.Line> lines = new ArrayList<>();
        int n = 1;
        for (OrderEvents.OrderLine l : s.lines()) {
            lines.add(new OutwardDocument.Line(l.lineNo() == null ? n : l.lineNo(), l.hsn(), l.name(), l.unit(), nz(l.quantity()),
                    nz(l.gstRate()), nz(l.taxableValue()), nz(l.cgst()), nz(l.sgst()), nz(l.igst())));
            n++;
        }
        OutwardDocument d = new OutwardDocument(Kind.INVOICE, s.orderId(), s.invoiceNumber(), date, type(s.documentType()), null, null, null,
                gstin(s.customer()), pos, interState(s.supplyType(), s.igst()), nz(s.total()), lines, YearMonth.from(date));
        return record(shop, "order.confirmed:" + s.orderId(), d);
    }

    public Mono<Void> cancellation(String shop, OrderEvents.OrderVoided v, LocalDate date) {
        String pos = placeOfSupply(v.placeOfSupply(), v.customer(), null);
        if (v.invoiceNumber() == null || v.lines() == null || pos == null) {
            return Mono.empty();
        }
        return invoiceOf(shop, v.orderId()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(inv -> {
            List<OutwardDocument.Line> lines = new ArrayList<>();
            int n = 1;
            for (OrderEvents.OrderLine l : v.lines()) {
                lines.add(new OutwardDocument.Line(l.lineNo() == null ? n : l.lineNo(), l.hsn(), l.name(), l.unit(), nz(l.quantity()),
                        nz(l.gstRate()), nz(l.taxableValue()), nz(l.cgst()), nz(l.sgst()), nz(l.igst())));
                n++;
            }
            OutwardDocument d = new OutwardDocument(Kind.CANCELLATION, v.orderId(), v.invoiceNumber(), date, type(v.documentType()),
                    v.invoiceNumber(), inv.map(OutwardDocument::date).orElse(null), inv.map(OutwardDocument::value).orElse(nz(v.total())),
                    gstin(v.customer()), pos, interState(v.supplyType(), v.igst()), nz(v.total()), lines, YearMonth.from(date));
            return record(shop, "order.voided:" + v.orderId(), d);
        });
    }

    public Mono<Void> creditNote(String shop, OrderEvents.OrderRefunded r, LocalDate date) {
        String pos = placeOfSupply(r.placeOfSupply(), r.customer(), null);
        if (r.creditNoteNumber() == null || r.lines() == null || pos == null) {
            return Mono.empty();
        }
        return invoiceOf(shop, r.orderId()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(inv -> {
            Map<Integer, OutwardDocument.Line> sold = inv.map(i -> i.lines().stream()
                    .collect(Collectors.toMap(OutwardDocument.Line::lineNo, l -> l, (a, b) -> a))).orElse(Map.of());
            List<OutwardDocument.Line> lines = new ArrayList<>();
            int n = 1;
            for (OrderEvents.RefundLine l : r.lines()) {
                int lineNo = l.lineNo() == null ? n : l.lineNo();
                OutwardDocument.Line original = sold.get(lineNo);
                lines.add(new OutwardDocument.Line(lineNo, l.hsn(), l.name(), original == null ? null : original.unit(), nz(l.quantity()),
                        nz(l.gstRate()), nz(l.taxableValue()), nz(l.cgst()), nz(l.sgst()), nz(l.igst())));
                n++;
            }
            OutwardDocument d = new OutwardDocument(Kind.CREDIT_NOTE, r.orderId(), r.creditNoteNumber(), date, type(r.documentType()),
                    r.invoiceNumber(), inv.map(OutwardDocument::date).orElse(null), inv.map(OutwardDocument::value).orElse(null),
                    gstin(r.customer()), pos, interState(r.supplyType(), r.igst()), nz(r.total()), lines, YearMonth.from(date));
            return record(shop, "order.refunded:" + r.refundId(), d);
        });
    }

    /**
     * Writes a document once, reported in the first month from its own that no filed return covers.
     * <p>
     * After the shop's lock, one statement: the first unfiled month is found in SQL (what {@link #filedMonths} and the
     * loop over it did: the month of the document, stepped on while gst_filed_months holds it; at most as many steps
     * as filed months from it on), the document is inserted by a data-modifying CTE and its lines by one multi-row
     * INSERT fed by the CTE's RETURNING, so when the source was recorded before (ON CONFLICT) neither the document nor
     * any line is written, as before. The statement starts after the lock is held, so it sees every filing committed
     * before, just as the separate SELECT of gst_filed_months did.
     */
    private Mono<Void> record(String shop, String source, OutwardDocument d) {
        UUID id = UUID.randomUUID();
        StringBuilder sql = new StringBuilder(d.lines().isEmpty() ? "" : "WITH doc AS (").append("""
                INSERT INTO gst_outward_documents (id, shop_id, source, kind, order_id, number, doc_date, document_type,
                    invoice_number, invoice_date, invoice_value, buyer_gstin, place_of_supply, inter_state, value, return_period)
                VALUES (:id, :shop, :source, :kind, :order, :number, :date, :type, :invNo, :invDate, :invValue, :gstin, :pos,
                    :inter, :value, (
                        SELECT CAST(min(m) AS date)
                        FROM generate_series(CAST(:month AS timestamp),
                                             CAST(:month AS timestamp) + interval '1 month' * (
                                                 SELECT count(*) FROM gst_filed_months WHERE shop_id = :shop AND month >= CAST(:month AS date)),
                                             interval '1 month') AS m
                        WHERE NOT EXISTS (SELECT 1 FROM gst_filed_months f WHERE f.shop_id = :shop AND f.month = CAST(m AS date))))
                ON CONFLICT (shop_id, source) DO NOTHING""");
        if (!d.lines().isEmpty()) {
            sql.append("""
                     RETURNING id)
                    INSERT INTO gst_outward_lines (document_id, line_no, hsn, description, unit, quantity, rate, taxable, cgst, sgst, igst)
                    SELECT doc.id, l.line_no, l.hsn, l.description, l.unit, l.quantity, l.rate, l.taxable, l.cgst, l.sgst, l.igst
                    FROM doc, (VALUES\s""");
            for (int i = 0; i < d.lines().size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(CAST(:no").append(i).append(" AS int), CAST(:hsn").append(i)
                        .append(" AS text), CAST(:desc").append(i).append(" AS text), CAST(:unit").append(i)
                        .append(" AS text), CAST(:qty").append(i).append(" AS numeric), CAST(:rate").append(i)
                        .append(" AS numeric), CAST(:taxable").append(i).append(" AS numeric), CAST(:cgst").append(i)
                        .append(" AS numeric), CAST(:sgst").append(i).append(" AS numeric), CAST(:igst").append(i).append(" AS numeric))");
            }
            sql.append(") AS l (line_no, hsn, description, unit, quantity, rate, taxable, cgst, sgst, igst)");
        }
        var spec = db.sql(sql.toString())
                .bind("id", id).bind("shop", shop).bind("source", source).bind("kind", d.kind().name())
                .bind("order", d.orderId()).bind("number", d.number()).bind("date", d.date()).bind("type", d.documentType())
                .bind("pos", d.placeOfSupply()).bind("inter", d.interState()).bind("value", d.value())
                .bind("month", d.date().withDayOfMonth(1));
        spec = d.invoiceNumber() == null ? spec.bindNull("invNo", String.class) : spec.bind("invNo", d.invoiceNumber());
        spec = d.invoiceDate() == null ? spec.bindNull("invDate", LocalDate.class) : spec.bind("invDate", d.invoiceDate());
        spec = d.invoiceValue() == null ? spec.bindNull("invValue", BigDecimal.class) : spec.bind("invValue", d.invoiceValue());
        spec = d.registeredBuyer() ? spec.bind("gstin", d.buyerGstin()) : spec.bindNull("gstin", String.class);
        for (int i = 0; i < d.lines().size(); i++) {
            OutwardDocument.Line l = d.lines().get(i);
            spec = spec.bind("no" + i, l.lineNo()).bind("qty" + i, l.quantity()).bind("rate" + i, l.rate())
                    .bind("taxable" + i, l.taxable()).bind("cgst" + i, l.cgst()).bind("sgst" + i, l.sgst()).bind("igst" + i, l.igst());
            spec = l.hsn() == null ? spec.bindNull("hsn" + i, String.class) : spec.bind("hsn" + i, l.hsn());
            spec = l.description() == null ? spec.bindNull("desc" + i, String.class) : spec.bind("desc" + i, l.description());
            spec = l.unit() == null ? spec.bindNull("unit" + i, String.class) : spec.bind("unit" + i, l.unit());
        }
        var write = spec;
        return lock(shop).then(write.then());
    }

    /** The first days of the months from {@code from} on that a filed return covers. */
    Mono<Set<LocalDate>> filedMonths(String shop, LocalDate from) {
        return db.sql("SELECT month FROM gst_filed_months WHERE shop_id = :shop AND month >= :from").bind("shop", shop).bind("from", from)
                .map(r -> r.get("month", LocalDate.class)).all().collect(Collectors.toSet());
    }

    private Mono<OutwardDocument> invoiceOf(String shop, String orderId) {
        return db.sql("""
                        SELECT d.*, l.line_no, l.hsn, l.description, l.unit, l.quantity, l.rate, l.taxable, l.cgst, l.sgst, l.igst
                        FROM gst_outward_documents d LEFT JOIN gst_outward_lines l ON l.document_id = d.id
                        WHERE d.shop_id = :shop AND d.order_id = :order AND d.kind = 'INVOICE' ORDER BY l.line_no""")
                .bind("shop", shop).bind("order", orderId).map(OutwardRegister::row).all().collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(assemble(rows).get(0)));
    }

    /** The documents reported in the period's months, in date and number order. */
    public Mono<List<OutwardDocument>> reportedIn(String shop, ReturnPeriod period) {
        return db.sql("""
                        SELECT d.*, l.line_no, l.hsn, l.description, l.unit, l.quantity, l.rate, l.taxable, l.cgst, l.sgst, l.igst
                        FROM gst_outward_documents d LEFT JOIN gst_outward_lines l ON l.document_id = d.id
                        WHERE d.shop_id = :shop AND d.return_period BETWEEN :from AND :to
                        ORDER BY d.doc_date, d.number, d.id, l.line_no""")
                .bind("shop", shop).bind("from", period.from()).bind("to", period.last().atDay(1))
                .map(OutwardRegister::row).all().collectList().map(OutwardRegister::assemble);
    }

    private record Row(UUID id, OutwardDocument head, OutwardDocument.Line line) {
    }

    private static Row row(Readable r) {
        Integer lineNo = r.get("line_no", Integer.class);
        OutwardDocument.Line line = lineNo == null ? null : new OutwardDocument.Line(lineNo, r.get("hsn", String.class),
                r.get("description", String.class), r.get("unit", String.class), r.get("quantity", BigDecimal.class),
                r.get("rate", BigDecimal.class), r.get("taxable", BigDecimal.class), r.get("cgst", BigDecimal.class),
                r.get("sgst", BigDecimal.class), r.get("igst", BigDecimal.class));
        OutwardDocument head = new OutwardDocument(Kind.valueOf(r.get("kind", String.class)), r.get("order_id", String.class),
                r.get("number", String.class), r.get("doc_date", LocalDate.class), r.get("document_type", String.class),
                r.get("invoice_number", String.class), r.get("invoice_date", LocalDate.class), r.get("invoice_value", BigDecimal.class),
                r.get("buyer_gstin", String.class), r.get("place_of_supply", String.class), Boolean.TRUE.equals(r.get("inter_state", Boolean.class)),
                r.get("value", BigDecimal.class), List.of(), YearMonth.from(r.get("return_period", LocalDate.class)));
        return new Row(r.get("id", UUID.class), head, line);
    }

    private static List<OutwardDocument> assemble(List<Row> rows) {
        Map<UUID, OutwardDocument> heads = new LinkedHashMap<>();
        Map<UUID, List<OutwardDocument.Line>> lines = new HashMap<>();
        for (Row r : rows) {
            heads.putIfAbsent(r.id(), r.head());
            if (r.line() != null) lines.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.line());
        }
        List<OutwardDocument> out = new ArrayList<>();
        heads.forEach((id, h) -> out.add(new OutwardDocument(h.kind(), h.orderId(), h.number(), h.date(), h.documentType(), h.invoiceNumber(),
                h.invoiceDate(), h.invoiceValue(), h.buyerGstin(), h.placeOfSupply(), h.interState(), h.value(),
                lines.getOrDefault(id, List.of()), h.reportedIn())));
        return out;
    }

    private static String placeOfSupply(String pos, OrderEvents.Customer customer, String supplierState) {
        if (pos != null && pos.matches("[0-9]{2}")) return pos;
        if (customer != null && customer.stateCode() != null && customer.stateCode().matches("[0-9]{2}")) return customer.stateCode();
        String g = gstin(customer);
        if (g != null) return g.substring(0, 2);
        return supplierState != null && supplierState.matches("[0-9]{2}") ? supplierState : null;
    }

    private static String gstin(OrderEvents.Customer c) {
        return c == null || c.gstin() == null || c.gstin().isBlank() || c.gstin().strip().length() < 2 ? null : c.gstin().strip();
    }

    private static boolean interState(String supplyType, BigDecimal igst) {
        return supplyType == null ? igst != null && igst.signum() > 0 : "INTER_STATE".equals(supplyType);
    }

    private static String type(String documentType) {
        return documentType == null ? "TAX_INVOICE" : documentType;
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? ZERO : v;
    }
}
