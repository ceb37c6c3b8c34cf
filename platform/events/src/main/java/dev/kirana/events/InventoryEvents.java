package dev.kirana.events;

import java.math.BigDecimal;
import java.util.List;

/** Data of the events on {@link Topics#INVENTORY}. */
public final class InventoryEvents {
    public record StockLine(String productId, BigDecimal quantity) {
    }

    public record ShortLine(String productId, BigDecimal requested, BigDecimal available) {
    }

    public record CostedLine(String productId, BigDecimal quantity, BigDecimal unitCost) {
    }

    public record StockReserved(String orderId, String locationId, List<StockLine> lines) {
    }

    public record StockReservationRejected(String orderId, String locationId, List<ShortLine> shortLines) {
    }

    public record StockReleased(String orderId, String reason, List<StockLine> lines) {
    }

    public record StockCommitted(String orderId, List<CostedLine> lines) {
    }

    public record StockReceived(String productId, String locationId, BigDecimal quantity, BigDecimal unitCost,
                                BigDecimal onHand) {
    }

    private InventoryEvents() {
    }
}
