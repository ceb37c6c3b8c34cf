package dev.kirana.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Data of the events on {@link Topics#ORDER}. */
public final class OrderEvents {
    /**
     * One line of a sale. {@code lineTotal} is what the customer pays for the line (taxable value plus tax, after
     * discounts). The fields after it are additive in v1 and absent from events of older producers: the HSN, unit
     * and GST rate the line was sold at, whether its price included tax, the discount it got (its own plus its share
     * of an order discount), and its taxable value and tax split (CGST+SGST intra-state, IGST inter-state; all zero
     * on a bill of supply).
     */
    public record OrderLine(String productId, String sku, String name, BigDecimal quantity, BigDecimal unitPrice,
                            BigDecimal lineTotal, Integer lineNo, String hsn, String unit, BigDecimal gstRate,
                            Boolean taxInclusive, BigDecimal discount, BigDecimal taxableValue, BigDecimal cgst,
                            BigDecimal sgst, BigDecimal igst) {
        public OrderLine(String productId, String sku, String name, BigDecimal quantity, BigDecimal unitPrice,
                         BigDecimal lineTotal) {
            this(productId, sku, name, quantity, unitPrice, lineTotal, null, null, null, null, null, null, null, null,
                    null, null);
        }
    }

    /** The buyer named on a sale: a walk-in customer (name/phone) or a registered business (GSTIN; its state is the place of supply). */
    public record Customer(String name, String phone, String gstin, String stateCode) {
    }

    /**
     * One payment of a sale: {@code type} CASH, CARD, UPI, CREDIT (the customer's khata) or LOYALTY (points).
     * {@code amount} is what the tender settles of the invoice; for cash, {@code tendered} is what was handed over
     * and {@code change} what was given back ({@code amount = tendered - change}); {@code points} for LOYALTY.
     */
    public record Tender(String type, BigDecimal amount, BigDecimal tendered, BigDecimal change, String reference,
                         Long points) {
    }

    /**
     * A CREDIT sale beyond the customer's credit limit that an owner or manager allowed: who ({@code by}, the user
     * id, and {@code role}), and the figures at the counter: the limit, the balance known then (khata balance plus
     * credit sold but not yet in the books) and the credit amount of this sale. Additive in v1 on
     * {@code order.placed} and {@code order.confirmed}; absent when no override was needed.
     */
    public record CreditOverride(String by, String role, BigDecimal creditLimit, BigDecimal balance, BigDecimal amount) {
    }

    /**
     * A sale awaiting stock. {@code total} is the amount payable: the invoice total rounded to the rupee. The fields
     * after {@code deadline} are additive in v1: {@code documentType} TAX_INVOICE or BILL_OF_SUPPLY (composition or
     * unregistered shop, no tax), the supplier's state code, the place of supply, {@code supplyType} INTRA_STATE or
     * INTER_STATE, the customer, the tenders, the total discount, taxable value and tax split, and the round-off
     * ({@code total = taxableValue + cgst + sgst + igst + roundOff}).
     */
    public record OrderPlaced(String orderId, String cashierId, String locationId, String currency,
                              List<OrderLine> lines, BigDecimal total, Instant placedAt, Instant deadline,
                              String documentType, String supplierStateCode, String placeOfSupply, String supplyType,
                              Customer customer, List<Tender> tenders, BigDecimal discount, BigDecimal taxableValue,
                              BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff,
                              CreditOverride creditOverride) {
        public OrderPlaced(String orderId, String cashierId, String locationId, String currency,
                           List<OrderLine> lines, BigDecimal total, Instant placedAt, Instant deadline) {
            this(orderId, cashierId, locationId, currency, lines, total, placedAt, deadline, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
        }

        public OrderPlaced(String orderId, String cashierId, String locationId, String currency,
                           List<OrderLine> lines, BigDecimal total, Instant placedAt, Instant deadline,
                           String documentType, String supplierStateCode, String placeOfSupply, String supplyType,
                           Customer customer, List<Tender> tenders, BigDecimal discount, BigDecimal taxableValue,
                           BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff) {
            this(orderId, cashierId, locationId, currency, lines, total, placedAt, deadline, documentType,
                    supplierStateCode, placeOfSupply, supplyType, customer, tenders, discount, taxableValue, cgst, sgst,
                    igst, roundOff, null);
        }
    }

    /**
     * A completed sale: what accounting posts and reporting counts. The fields after {@code confirmedAt} are additive
     * in v1 (see {@link OrderPlaced}); {@code invoiceNumber} is the gapless number of the tax invoice or bill of
     * supply, assigned at confirmation; {@code loyaltyPointsEarned} the points credited to the customer.
     * {@code loyaltyValueEarned} (additive in v1) is what those points are worth in rupees (points × the shop's rupee
     * value of a point, as when they are redeemed), 0.00 when none were earned; a producer that sends it books points
     * as a liability, so its LOYALTY tenders release that liability. Absent from events of older producers.
     */
    public record OrderConfirmed(String orderId, String cashierId, String currency, List<OrderLine> lines,
                                 BigDecimal total, Instant confirmedAt, String invoiceNumber, Instant placedAt,
                                 String locationId, String documentType, String supplierStateCode,
                                 String placeOfSupply, String supplyType, Customer customer, List<Tender> tenders,
                                 BigDecimal discount, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                                 BigDecimal igst, BigDecimal roundOff, Long loyaltyPointsEarned,
                                 CreditOverride creditOverride, BigDecimal loyaltyValueEarned) {
        public OrderConfirmed(String orderId, String cashierId, String currency, List<OrderLine> lines,
                              BigDecimal total, Instant confirmedAt) {
            this(orderId, cashierId, currency, lines, total, confirmedAt, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null);
        }

        public OrderConfirmed(String orderId, String cashierId, String currency, List<OrderLine> lines,
                              BigDecimal total, Instant confirmedAt, String invoiceNumber, Instant placedAt,
                              String locationId, String documentType, String supplierStateCode,
                              String placeOfSupply, String supplyType, Customer customer, List<Tender> tenders,
                              BigDecimal discount, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                              BigDecimal igst, BigDecimal roundOff, Long loyaltyPointsEarned,
                              CreditOverride creditOverride) {
            this(orderId, cashierId, currency, lines, total, confirmedAt, invoiceNumber, placedAt, locationId,
                    documentType, supplierStateCode, placeOfSupply, supplyType, customer, tenders, discount,
                    taxableValue, cgst, sgst, igst, roundOff, loyaltyPointsEarned, creditOverride, null);
        }

        public OrderConfirmed(String orderId, String cashierId, String currency, List<OrderLine> lines,
                              BigDecimal total, Instant confirmedAt, String invoiceNumber, Instant placedAt,
                              String locationId, String documentType, String supplierStateCode,
                              String placeOfSupply, String supplyType, Customer customer, List<Tender> tenders,
                              BigDecimal discount, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                              BigDecimal igst, BigDecimal roundOff, Long loyaltyPointsEarned) {
            this(orderId, cashierId, currency, lines, total, confirmedAt, invoiceNumber, placedAt, locationId,
                    documentType, supplierStateCode, placeOfSupply, supplyType, customer, tenders, discount,
                    taxableValue, cgst, sgst, igst, roundOff, loyaltyPointsEarned, null, null);
        }
    }

    public record OrderRejected(String orderId, String reason, List<InventoryEvents.ShortLine> shortLines) {
    }

    /** A pending order that will not be sold: timed out, or cancelled by {@code cancelledBy} (additive in v1). */
    public record OrderCancelled(String orderId, String reason, String cancelledBy) {
        public OrderCancelled(String orderId, String reason) {
            this(orderId, reason, null);
        }
    }

    /**
     * A confirmed sale was voided (manager or owner): every line goes back to stock and its books are reversed in
     * full. Carries the sale as it was confirmed, so consumers need no other event to undo it.
     * {@code loyaltyValueReversed} (additive in v1): the rupee value of the points taken off the customer's balance, at
     * the value they were earned at ({@code loyaltyValueEarned} of the sale), 0.00 when none. It can be less than
     * {@code loyaltyPointsReversed} at that value: points the customer had already spent cannot be taken back. Absent
     * when the sale's points were never valued (older producers, or a sale confirmed before points were valued).
     */
    public record OrderVoided(String orderId, String invoiceNumber, String reason, String voidedBy, Instant voidedAt,
                              String currency, String locationId, List<OrderLine> lines, BigDecimal total,
                              String documentType, String placeOfSupply, String supplyType, Customer customer,
                              List<Tender> tenders, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                              BigDecimal igst, BigDecimal roundOff, Long loyaltyPointsReversed,
                              BigDecimal loyaltyValueReversed) {
        public OrderVoided(String orderId, String invoiceNumber, String reason, String voidedBy, Instant voidedAt,
                           String currency, String locationId, List<OrderLine> lines, BigDecimal total,
                           String documentType, String placeOfSupply, String supplyType, Customer customer,
                           List<Tender> tenders, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                           BigDecimal igst, BigDecimal roundOff, Long loyaltyPointsReversed) {
            this(orderId, invoiceNumber, reason, voidedBy, voidedAt, currency, locationId, lines, total, documentType,
                    placeOfSupply, supplyType, customer, tenders, taxableValue, cgst, sgst, igst, roundOff,
                    loyaltyPointsReversed, null);
        }
    }

    /**
     * One returned line of a refund, at the rates and prices of the original invoice. {@code disposition} RESTOCK
     * (goods back on the shelf) or WRITE_OFF (damaged: not restocked).
     */
    public record RefundLine(Integer lineNo, String productId, String sku, String name, String hsn, BigDecimal quantity,
                             BigDecimal gstRate, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                             BigDecimal igst, BigDecimal amount, String disposition) {
    }

    /**
     * Goods of a confirmed sale were returned and paid back: a credit note ({@code creditNoteNumber}, its own gapless
     * series) against {@code invoiceNumber}. {@code total = taxableValue + cgst + sgst + igst + roundOff} was paid
     * back through {@code tender}. {@code loyaltyValueReversed} (additive in v1): the rupee value of the points
     * taken back, as on {@link OrderVoided}.
     */
    public record OrderRefunded(String orderId, String refundId, String creditNoteNumber, String invoiceNumber,
                                String reason, String refundedBy, Instant refundedAt, String currency,
                                String locationId, List<RefundLine> lines, BigDecimal total, String documentType,
                                String placeOfSupply, String supplyType, Customer customer, Tender tender,
                                BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst,
                                BigDecimal roundOff, Long loyaltyPointsReversed, boolean fullyRefunded,
                                BigDecimal loyaltyValueReversed) {
        public OrderRefunded(String orderId, String refundId, String creditNoteNumber, String invoiceNumber,
                             String reason, String refundedBy, Instant refundedAt, String currency,
                             String locationId, List<RefundLine> lines, BigDecimal total, String documentType,
                             String placeOfSupply, String supplyType, Customer customer, Tender tender,
                             BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst,
                             BigDecimal roundOff, Long loyaltyPointsReversed, boolean fullyRefunded) {
            this(orderId, refundId, creditNoteNumber, invoiceNumber, reason, refundedBy, refundedAt, currency,
                    locationId, lines, total, documentType, placeOfSupply, supplyType, customer, tender, taxableValue,
                    cgst, sgst, igst, roundOff, loyaltyPointsReversed, fullyRefunded, null);
        }
    }

    private OrderEvents() {
    }
}
