package dev.kirana.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it. */
public record OrderView(UUID id, OrderStatus status, String cashierId, String currency, BigDecimal total, String reason,
                        Instant placedAt, Instant deadline, Instant updatedAt, List<Line> lines) {
    public record Line(int lineNo, String productId, String sku, String name, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal lineTotal) {
    }
}
