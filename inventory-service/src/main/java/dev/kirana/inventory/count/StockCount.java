package dev.kirana.inventory.count;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A posted count: per product what the books said, what was counted, the difference and what it was worth. */
public record StockCount(UUID id, UUID locationId, String note, String countedBy, Instant postedAt, List<Line> lines,
                         BigDecimal valueDifference) {

    public record Line(String productId, BigDecimal expected, BigDecimal counted, BigDecimal difference, BigDecimal unitCost,
                       BigDecimal value, Long ledgerId) {
    }
}
