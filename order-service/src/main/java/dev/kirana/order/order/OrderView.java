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
 * A sale as the API shows it, and as it was sold: each line keeps the price, HSN, rate and tax it was sold at.
 * {@code total} is the amount payable, the invoice total rounded to the rupee:
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

    public OrderView(UUID id, OrderStatus status, String invoiceNumber, LocalDate invoiceDate, DocumentType documentType,
                     String cashierId, String locationId, String currency, Customer customer,
                     String supplierStateCode, String placeOfSupply, SupplyType supplyType,
                     List<Line> lines, BigDecimal gross, BigDecimal discount, BigDecimal taxableValue,
                     BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff, BigDecimal total,
                     List<Tender> tenders, BigDecimal received, BigDecimal change, BigDecimal refundedTotal,
                     long loyaltyPointsEarned, long loyaltyPointsRedeemed, String reason,
                     Instant placedAt, Instant deadline, Instant confirmedAt, Instant updatedAt,
                     Instant voidedAt, String voidedBy) {
        this(id, status, invoiceNumber, invoiceDate, documentType, cashierId, locationId, currency, customer,
                supplierStateCode, placeOfSupply, supplyType, lines, gross, discount, taxableValue, cgst, sgst, igst,
                roundOff, total, tenders, received, change, refundedTotal, loyaltyPointsEarned, loyaltyPointsRedeemed,
                reason, placedAt, deadline, confirmedAt, updatedAt, voidedAt, voidedBy, null);
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

    public OrderView withLinesAndTenders(List<Line> newLines, List<Tender> newTenders) {
        return new OrderView(id, status, invoiceNumber, invoiceDate, documentType, cashierId, locationId, currency, customer,
                supplierStateCode, placeOfSupply, supplyType, newLines, gross, discount, taxableValue, cgst, sgst, igst,
                roundOff, total, newTenders, received, change, refundedTotal, loyaltyPointsEarned, loyaltyPointsRedeemed,
                reason, placedAt, deadline, confirmedAt, updatedAt, voidedAt, voidedBy, creditOverride);
    }

    public OrderView withCreditOverride(CreditOverride override) {
        return new OrderView(id, status, invoiceNumber, invoiceDate, documentType, cashierId, locationId, currency, customer,
                supplierStateCode, placeOfSupply, supplyType, lines, gross, discount, taxableValue, cgst, sgst, igst,
                roundOff, total, tenders, received, change, refundedTotal, loyaltyPointsEarned, loyaltyPointsRedeemed,
                reason, placedAt, deadline, confirmedAt, updatedAt, voidedAt, voidedBy, override);
    }
}
