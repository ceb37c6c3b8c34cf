package dev.kirana.order.order;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.pricing.TenderType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order as the API shows it ({@link #of} maps the {@link Order}), and as it was sold: each line keeps the price,
 * HSN, rate and tax it was sold at. {@code total} is the amount payable, the invoice total rounded to the rupee:
 * {@code total = taxableValue + cgst + sgst + igst + roundOff}.
 */
public record OrderView(UUID id, OrderStatus status, String invoiceNumber, LocalDate invoiceDate, DocumentType documentType,
                        String cashierId, String locationId, String currency, Customer customer,
                        String supplierStateCode, String placeOfSupply, SupplyType supplyType,
                        List<Line> lines, BigDecimal gross, BigDecimal discount, BigDecimal taxableValue,
                        BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff, BigDecimal total,
                        List<Tender> tenders, BigDecimal received, BigDecimal change, BigDecimal refundedTotal,
                        long loyaltyPointsEarned, long loyaltyPointsRedeemed, String reason,
                        Instant placedAt, Instant deadline, Instant confirmedAt, Instant updatedAt,
                        Instant voidedAt, String voidedBy, CreditOverride creditOverride) {

    /** The order as the API shows it, in its present state. */
    public static OrderView of(Order order) {
        Sale s = order.sale();
        var c = s.customer();
        var co = s.creditOverride();
        var t = s.totals();
        return new OrderView(s.id(), order.status(), order.invoiceNumber(), order.invoiceDate(), s.documentType(),
                s.cashierId(), s.locationId(), s.currency(), c == null ? null : new Customer(c.name(), c.phone(), c.gstin()),
                s.supplierStateCode(), s.placeOfSupply(), s.supplyType(), lines(s), t.gross(), t.discount(),
                t.taxableValue(), t.cgst(), t.sgst(), t.igst(), t.roundOff(), t.total(), tenders(s), s.received(),
                s.change(), order.refundedTotal(), order.pointsEarned(), s.loyaltyPointsRedeemed(), order.reason(),
                s.placedAt(), s.deadline(), order.confirmedAt(), order.updatedAt(), order.voidedAt(), order.voidedBy(),
                co == null ? null : new CreditOverride(co.by(), co.role(), co.creditLimit(), co.balance(), co.amount()));
    }

    static List<Line> lines(Sale s) {
        return s.lines().stream().map(l -> new Line(l.lineNo(), l.productId(), l.sku(), l.barcode(), l.name(), l.hsn(),
                l.unit(), l.quantity(), l.unitPrice(), l.taxInclusive(), l.gstRate(), l.gross(), l.discount(),
                l.taxableValue(), l.cgst(), l.sgst(), l.igst(), l.lineTotal(), l.refundedQuantity())).toList();
    }

    static List<Tender> tenders(Sale s) {
        return s.tenders().stream().map(t -> new Tender(t.type(), t.tendered(), t.amount(), t.change(), t.reference(),
                t.points())).toList();
    }

    public record Customer(String name, String phone, String gstin) {
    }

    /**
     * The sale went beyond the customer's credit limit and {@code by} (an OWNER or MANAGER, {@code role}) allowed it:
     * the limit, the balance known at the counter (khata plus credit sold but not yet in the books) and the credit
     * amount of this sale. Absent when the sale was within the limit.
     */
    @Schema(description = "Present when an owner or manager allowed a CREDIT sale beyond the customer's credit limit")
    public record CreditOverride(String by, String role, BigDecimal creditLimit, BigDecimal balance, BigDecimal amount) {
    }

    /**
     * @param unitPrice  the price per unit as sold (tax included when {@code taxInclusive})
     * @param gross      unit price × quantity
     * @param discount   the line's own discount plus its share of an order discount
     * @param lineTotal  what the customer pays for the line: taxable value plus tax
     */
    public record Line(int lineNo, String productId, String sku, String barcode, String name, String hsn, String unit,
                       BigDecimal quantity, BigDecimal unitPrice, boolean taxInclusive, BigDecimal gstRate,
                       BigDecimal gross, BigDecimal discount, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                       BigDecimal igst, BigDecimal lineTotal, BigDecimal refundedQuantity) {
    }

    /** @param amount what the tender settles of the total; {@code tendered - change} for cash */
    public record Tender(TenderType type, BigDecimal tendered, BigDecimal amount, BigDecimal change, String reference,
                         Long points) {
    }
}
