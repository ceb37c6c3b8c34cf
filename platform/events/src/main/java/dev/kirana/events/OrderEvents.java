package dev.kirana.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Data of the events on {@link Topics#ORDER}. */
public final class OrderEvents {
    public record OrderLine(String productId, String sku, String name, BigDecimal quantity, BigDecimal unitPrice,
                            BigDecimal lineTotal) {
    }

    public record OrderPlaced(String orderId, String cashierId, String locationId, String currency,
                              List<OrderLine> lines, BigDecimal total, Instant placedAt, Instant deadline) {
    }

    public record OrderConfirmed(String orderId, String cashierId, String currency, List<OrderLine> lines,
                                 BigDecimal total, Instant confirmedAt) {
    }

    public record OrderRejected(String orderId, String reason, List<InventoryEvents.ShortLine> shortLines) {
    }

    public record OrderCancelled(String orderId, String reason) {
    }

    private OrderEvents() {
    }
}
