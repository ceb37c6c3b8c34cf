package dev.kirana.order.refund;

import dev.kirana.order.order.OrderStatus;
import dev.kirana.order.pricing.TenderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A refund and its credit note: the returned lines at the invoice's rates, paid back through {@code tender}. */
public record RefundView(UUID id, UUID orderId, String creditNoteNumber, LocalDate creditNoteDate, String invoiceNumber,
                         TenderType tender, String reference, String reason, List<Line> lines, BigDecimal taxableValue,
                         BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff, BigDecimal total,
                         long loyaltyPointsReversed, String refundedBy, Instant refundedAt, OrderStatus orderStatus) {

    public record Line(int lineNo, String productId, String sku, String name, String hsn, String unit, BigDecimal quantity,
                       BigDecimal gstRate, Disposition disposition, BigDecimal taxableValue, BigDecimal cgst,
                       BigDecimal sgst, BigDecimal igst, BigDecimal amount) {
    }

    /** What happens to returned goods: back on the shelf, or written off as damaged. */
    public enum Disposition { RESTOCK, WRITE_OFF }
}
