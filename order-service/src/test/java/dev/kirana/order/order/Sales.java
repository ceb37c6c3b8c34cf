package dev.kirana.order.order;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.pricing.TenderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sale for unit tests: 2 × Atta 5kg at ₹245.00 (tax inclusive, 5% GST) = ₹490.00, paid ₹20.00 with 20 loyalty
 * points and ₹470.00 in cash by the customer on 9800000001.
 */
public final class Sales {
    public static final Instant PLACED = Instant.parse("2025-10-15T06:00:00Z");
    public static final String PHONE = "9800000001";

    public static Sale pending(UUID id) {
        OrderLine atta = new OrderLine(1, "p-atta", "ATTA-5", null, "Atta 5kg", "1101", "PCS", new BigDecimal("2"),
                new BigDecimal("245.00"), true, new BigDecimal("5"), new BigDecimal("490.00"), new BigDecimal("0.00"),
                new BigDecimal("466.67"), new BigDecimal("11.67"), new BigDecimal("11.66"), BigDecimal.ZERO.setScale(2),
                new BigDecimal("490.00"), BigDecimal.ZERO);
        List<Tender> tenders = List.of(
                new Tender(TenderType.LOYALTY, new BigDecimal("20.00"), new BigDecimal("20.00"), BigDecimal.ZERO.setScale(2), null, 20L),
                new Tender(TenderType.CASH, new BigDecimal("470.00"), new BigDecimal("470.00"), BigDecimal.ZERO.setScale(2), null, null));
        return new Sale(id, DocumentType.TAX_INVOICE, "u-cashier", null, "INR", new Customer("Asha", PHONE, null), "29", "29",
                SupplyType.INTRA_STATE, List.of(atta), new Totals(new BigDecimal("490.00"), new BigDecimal("0.00"),
                new BigDecimal("466.67"), new BigDecimal("11.67"), new BigDecimal("11.66"), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), new BigDecimal("490.00")),
                tenders, new BigDecimal("490.00"), BigDecimal.ZERO.setScale(2), 20, PLACED, PLACED.plusSeconds(30), null);
    }

    /** The sale as the repository reads it back after placing. */
    public static Order pendingOrder(UUID id) {
        return Order.place(pending(id)).order();
    }

    private Sales() {
    }
}
