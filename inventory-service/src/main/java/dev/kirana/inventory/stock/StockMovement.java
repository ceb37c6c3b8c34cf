package dev.kirana.inventory.stock;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One movement as an API answers it: quantity and value signed (negative when stock left), and what is left. */
public record StockMovement(long ledgerId, String movement, String productId, UUID locationId, BigDecimal quantity,
                            BigDecimal unitCost, BigDecimal value, BigDecimal onHand, BigDecimal averageCost, List<String> serials) {

    public static StockMovement of(StockMoves.Moved m) {
        return new StockMovement(m.ledgerId(), m.movement().name(), m.productId(), m.locationId(), m.quantity(), m.unitCost(),
                m.value(), m.onHandAfter(), m.averageCostAfter(), m.serials());
    }
}
