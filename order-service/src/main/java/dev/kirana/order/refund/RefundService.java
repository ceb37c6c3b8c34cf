package dev.kirana.order.refund;

import dev.kirana.events.EventTypes;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.audit.AuditLog;
import dev.kirana.order.gst.FinancialYear;
import dev.kirana.order.loyalty.LoyaltyPoints;
import dev.kirana.order.numbering.DocumentSeries;
import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderRepository;
import dev.kirana.order.order.OrderStatus;
import dev.kirana.order.order.OrderLine;
import dev.kirana.order.order.Sale;
import dev.kirana.order.order.SaleEvents;
import dev.kirana.order.pricing.PricingException;
import dev.kirana.order.pricing.RefundCalculator;
import dev.kirana.order.pricing.TenderType;
import dev.kirana.order.settings.OrderProperties;
import dev.kirana.order.shop.ShopDirectory;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Returns against a confirmed sale: the returned lines are paid back at the invoice's own prices and rates under a
 * credit note with its own gapless series, and {@code order.refunded} tells inventory what to restock (or write off)
 * and accounting what to reverse.
 */
@Service
public class RefundService {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OrderRepository orders;
    private final ShopDirectory shops;
    private final DocumentSeries series;
    private final LoyaltyPoints loyalty;
    private final OutboxWriter outbox;
    private final OrderProperties props;
    private final AuditLog audit;

    public RefundService(DatabaseClient db, TransactionalOperator tx, OrderRepository orders, ShopDirectory shops,
                         DocumentSeries series, LoyaltyPoints loyalty, OutboxWriter outbox, OrderProperties props, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.tx = tx;
        this.orders = orders;
        this.shops = shops;
        this.series = series;
        this.loyalty = loyalty;
        this.outbox = outbox;
        this.props = props;
    }

    public Mono<RefundView> refund(String shopId, UUID orderId, String by, RefundRequest request) {
        Mono<RefundView> work = orders.lockOrder(shopId, orderId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No order " + orderId + " in this shop")))
                .flatMap(order -> {
                    Sale o = order.sale();
                    // the sale's own rule first: a sale that cannot be refunded is a 409 before any tender's 400
                    order.requireRefundable();
                    if (request.tender() == TenderType.LOYALTY) {
                        return Mono.error(new PricingException("tender", "refund to CASH, CARD, UPI or CREDIT (the khata)"));
                    }
                    if (request.tender() == TenderType.CREDIT && (o.customer() == null || o.customer().phone() == null)) {
                        return Mono.error(new PricingException("tender", "the sale names no customer with a phone number, so there is no khata to credit"));
                    }
                    return Mono.zip(soldLines(orderId).collectList(), refundedByTender(orderId))
                            .flatMap(t -> issue(shopId, order, by, request, t.getT1(), t.getT2()));
                });
        return tx.transactional(work).onErrorMap(PricingException.class, e -> Problems.invalid(e.field(), e.getMessage()))
                .onErrorMap(Order.Refused.class, e -> Problems.conflict(e.getMessage()));
    }

    private Mono<RefundView> issue(String shopId, Order order, String by, RefundRequest request,
                                   List<RefundCalculator.SoldLine> sold, Map<TenderType, BigDecimal> refundedBefore) {
        Sale o = order.sale();
        BigDecimal before = order.refundedTotal();
        long alreadyReversed = order.pointsReversed();
        List<RefundCalculator.Return> returns = request.lines().stream()
                .map(l -> new RefundCalculator.Return(l.lineNo(), l.quantity())).toList();
        RefundCalculator.Refund refund = RefundCalculator.refund(sold, returns, o.total(), order.refundedTotal());
        TenderType tender = request.tender();
        if (tender != TenderType.CASH) {
            BigDecimal paid = o.paidBy(tender);
            BigDecimal left = paid.subtract(refundedBefore.getOrDefault(tender, BigDecimal.ZERO));
            if (refund.total().compareTo(left) > 0) {
                throw new PricingException("tender", "only " + left.setScale(2).toPlainString() + " of this sale was paid by "
                        + tender + " and can go back that way; refund " + refund.total().toPlainString() + " in cash instead");
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate day = now.atZone(props.shopZone()).toLocalDate();
        UUID refundId = UUID.randomUUID();
        long reversible = Math.max(0, order.pointsEarned() - alreadyReversed);
        long reverse = refund.completesSale() ? reversible : Math.min(reversible, o.total().signum() == 0 ? 0
                : BigDecimal.valueOf(order.pointsEarned()).multiply(refund.total())
                .divide(o.total(), 0, RoundingMode.DOWN).longValue());
        OrderStatus next = order.refund(refund.lines().stream().map(r -> new Order.LineReturn(r.lineNo(), r.quantity(),
                r.taxableValue(), r.cgst(), r.sgst(), r.igst())).toList(), refund.total(), reverse, refund.completesSale(), now);
        Map<Integer, OrderLine> byNo = o.lines().stream().collect(Collectors.toMap(OrderLine::lineNo, Function.identity()));
        Map<Integer, RefundView.Disposition> disposition = request.lines().stream().collect(Collectors.toMap(
                RefundRequest.Line::lineNo, l -> l.disposition() == null ? RefundView.Disposition.RESTOCK : l.disposition(), (a, b) -> a));
        List<RefundView.Line> lines = new ArrayList<>();
        for (RefundCalculator.RefundedLine r : refund.lines()) {
            OrderLine s = byNo.get(r.lineNo());
            lines.add(new RefundView.Line(r.lineNo(), s.productId(), s.sku(), s.name(), s.hsn(), s.unit(), r.quantity(),
                    s.gstRate(), disposition.get(r.lineNo()), r.taxableValue(), r.cgst(), r.sgst(), r.igst(), r.amount()));
        }
        String phone = o.customerPhone();
        // the credit-note number last: its series row stays locked until the transaction commits
        return orders.save(shopId, order)
                .then(phone == null ? Mono.just(0L) : loyalty.reverseEarning(shopId, phone, reverse, o.id()))
                .flatMap(taken -> shops.profile(shopId)
                        .flatMap(shop -> series.next(shopId, shop.creditNotePrefix(), DocumentSeries.Kind.CREDIT_NOTE,
                                FinancialYear.of(day, shop.fyStartMonth())))
                        .flatMap(number -> {
                            RefundView view = new RefundView(refundId, o.id(), number, day, order.invoiceNumber(), tender,
                                    blank(request.reference()), blank(request.reason()), List.copyOf(lines), refund.taxableValue(),
                                    refund.cgst(), refund.sgst(), refund.igst(), refund.roundOff(), refund.total(), reverse, by, now, next);
                            return insert(shopId, view)
                                    .then(outbox.append(Topics.ORDER, EventTypes.ORDER_REFUNDED, o.id().toString(), shopId,
                                            event(view, order, LoyaltyPoints.worth(taken, order.pointValue()))))
                                    .then(audit.record(shopId, AuditLog.Entry.of("order.refunded", "order", o.id())
                                            .change(refunded(order.invoiceNumber(), o.total(), before), refundState(view))))
                                    .thenReturn(view);
                        }));
    }

    private static Map<String, Object> refunded(String invoice, BigDecimal total, BigDecimal refundedBefore) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("invoiceNumber", invoice);
        m.put("total", total);
        m.put("refundedTotal", refundedBefore);
        return m;
    }

    private static Map<String, Object> refundState(RefundView r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("refundId", r.id().toString());
        m.put("creditNoteNumber", r.creditNoteNumber());
        m.put("amount", r.total());
        m.put("tender", r.tender().name());
        m.put("reason", r.reason());
        m.put("lines", r.lines().stream().map(l -> {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("lineNo", l.lineNo());
            line.put("sku", l.sku());
            line.put("quantity", l.quantity());
            line.put("amount", l.amount());
            return line;
        }).toList());
        return m;
    }

    private Mono<Void> insert(String shopId, RefundView r) {
        var spec = db.sql("""
                        INSERT INTO refunds (id, shop_id, order_id, credit_note_number, credit_note_date, tender, reference, reason,
                            taxable_value, cgst, sgst, igst, round_off, total, loyalty_points_reversed, refunded_by, created_at)
                        VALUES (:id, :shop, :order, :number, :day, :tender, :ref, :reason, :taxable, :cgst, :sgst, :igst, :roundOff,
                            :total, :reversed, :by, :at)""")
                .bind("id", r.id()).bind("shop", shopId).bind("order", r.orderId()).bind("number", r.creditNoteNumber())
                .bind("day", r.creditNoteDate()).bind("tender", r.tender().name()).bind("taxable", r.taxableValue())
                .bind("cgst", r.cgst()).bind("sgst", r.sgst()).bind("igst", r.igst()).bind("roundOff", r.roundOff())
                .bind("total", r.total()).bind("reversed", r.loyaltyPointsReversed()).bind("by", r.refundedBy())
                .bind("at", r.refundedAt().atOffset(ZoneOffset.UTC));
        spec = r.reference() == null ? spec.bindNull("ref", String.class) : spec.bind("ref", r.reference());
        spec = r.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", r.reason());
        return spec.then().thenMany(Flux.fromIterable(r.lines()).concatMap(l -> db.sql("""
                                INSERT INTO refund_lines (refund_id, line_no, quantity, disposition, taxable_value, cgst, sgst, igst, amount)
                                VALUES (:refund, :no, :qty, :disposition, :taxable, :cgst, :sgst, :igst, :amount)""")
                        .bind("refund", r.id()).bind("no", l.lineNo()).bind("qty", l.quantity()).bind("disposition", l.disposition().name())
                        .bind("taxable", l.taxableValue()).bind("cgst", l.cgst()).bind("sgst", l.sgst()).bind("igst", l.igst())
                        .bind("amount", l.amount()).then()))
                .then();
    }

    /** @param loyaltyValueReversed the rupee value of the points taken back, at the value they were earned at; null if never valued */
    static OrderEvents.OrderRefunded event(RefundView r, Order order, BigDecimal loyaltyValueReversed) {
        Sale o = order.sale();
        List<OrderEvents.RefundLine> lines = r.lines().stream().map(l -> new OrderEvents.RefundLine(l.lineNo(), l.productId(),
                l.sku(), l.name(), l.hsn(), l.quantity(), l.gstRate(), l.taxableValue(), l.cgst(), l.sgst(), l.igst(),
                l.amount(), l.disposition().name())).toList();
        OrderEvents.Tender tender = new OrderEvents.Tender(r.tender().name(), r.total(), null, null, r.reference(), null);
        return new OrderEvents.OrderRefunded(o.id().toString(), r.id().toString(), r.creditNoteNumber(), order.invoiceNumber(),
                r.reason(), r.refundedBy(), r.refundedAt(), o.currency(), o.locationId(), lines, r.total(),
                o.documentType().name(), o.placeOfSupply(), o.supplyType().name(), SaleEvents.customer(o), tender,
                r.taxableValue(), r.cgst(), r.sgst(), r.igst(), r.roundOff(), r.loyaltyPointsReversed(),
                r.orderStatus() == OrderStatus.REFUNDED, loyaltyValueReversed);
    }

    public Mono<List<RefundView>> refunds(String shopId, UUID orderId) {
        return orders.find(shopId, orderId)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No order " + orderId + " in this shop")))
                .flatMap(o -> db.sql("""
                                SELECT id, credit_note_number, credit_note_date, tender, reference, reason, taxable_value, cgst, sgst,
                                    igst, round_off, total, loyalty_points_reversed, refunded_by, created_at
                                FROM refunds WHERE shop_id = :shop AND order_id = :order ORDER BY created_at, id""")
                        .bind("shop", shopId).bind("order", orderId)
                        .map(r -> new RefundView(r.get("id", UUID.class), orderId, r.get("credit_note_number", String.class),
                                r.get("credit_note_date", LocalDate.class), o.invoiceNumber(),
                                TenderType.valueOf(r.get("tender", String.class)), r.get("reference", String.class),
                                r.get("reason", String.class), List.of(), r.get("taxable_value", BigDecimal.class),
                                r.get("cgst", BigDecimal.class), r.get("sgst", BigDecimal.class), r.get("igst", BigDecimal.class),
                                r.get("round_off", BigDecimal.class), r.get("total", BigDecimal.class),
                                r.get("loyalty_points_reversed", Long.class), r.get("refunded_by", String.class),
                                r.get("created_at", OffsetDateTime.class).toInstant(), o.status()))
                        .all()
                        .collectList().flatMapIterable(rows -> rows)
                        .concatMap(v -> refundLines(v.id(), o.sale()).collectList().map(lines -> withLines(v, lines)))
                        .collectList());
    }

    public Mono<RefundView> refund(String shopId, UUID orderId, UUID refundId) {
        return refunds(shopId, orderId).flatMap(all -> Mono.justOrEmpty(all.stream().filter(r -> r.id().equals(refundId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No refund " + refundId + " of order " + orderId)));
    }

    private Flux<RefundView.Line> refundLines(UUID refundId, Sale o) {
        Map<Integer, OrderLine> byNo = o.lines().stream().collect(Collectors.toMap(OrderLine::lineNo, Function.identity()));
        return db.sql("SELECT line_no, quantity, disposition, taxable_value, cgst, sgst, igst, amount FROM refund_lines WHERE refund_id = :id ORDER BY line_no")
                .bind("id", refundId)
                .map(r -> {
                    OrderLine s = byNo.get(r.get("line_no", Integer.class));
                    return new RefundView.Line(s.lineNo(), s.productId(), s.sku(), s.name(), s.hsn(), s.unit(),
                            r.get("quantity", BigDecimal.class), s.gstRate(),
                            RefundView.Disposition.valueOf(r.get("disposition", String.class)), r.get("taxable_value", BigDecimal.class),
                            r.get("cgst", BigDecimal.class), r.get("sgst", BigDecimal.class), r.get("igst", BigDecimal.class),
                            r.get("amount", BigDecimal.class));
                })
                .all();
    }

    private static RefundView withLines(RefundView v, List<RefundView.Line> lines) {
        return new RefundView(v.id(), v.orderId(), v.creditNoteNumber(), v.creditNoteDate(), v.invoiceNumber(), v.tender(),
                v.reference(), v.reason(), lines, v.taxableValue(), v.cgst(), v.sgst(), v.igst(), v.roundOff(), v.total(),
                v.loyaltyPointsReversed(), v.refundedBy(), v.refundedAt(), v.orderStatus());
    }

    private Flux<RefundCalculator.SoldLine> soldLines(UUID orderId) {
        return db.sql("""
                        SELECT line_no, quantity, taxable_value, cgst, sgst, igst, refunded_quantity, refunded_taxable, refunded_cgst,
                            refunded_sgst, refunded_igst FROM order_lines WHERE order_id = :id ORDER BY line_no""")
                .bind("id", orderId)
                .map(r -> new RefundCalculator.SoldLine(r.get("line_no", Integer.class), r.get("quantity", BigDecimal.class),
                        r.get("taxable_value", BigDecimal.class), r.get("cgst", BigDecimal.class), r.get("sgst", BigDecimal.class),
                        r.get("igst", BigDecimal.class), r.get("refunded_quantity", BigDecimal.class),
                        r.get("refunded_taxable", BigDecimal.class), r.get("refunded_cgst", BigDecimal.class),
                        r.get("refunded_sgst", BigDecimal.class), r.get("refunded_igst", BigDecimal.class)))
                .all();
    }

    private Mono<Map<TenderType, BigDecimal>> refundedByTender(UUID orderId) {
        return db.sql("SELECT tender, sum(total) AS total FROM refunds WHERE order_id = :id GROUP BY tender").bind("id", orderId)
                .map(r -> Map.entry(TenderType.valueOf(r.get("tender", String.class)), r.get("total", BigDecimal.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
