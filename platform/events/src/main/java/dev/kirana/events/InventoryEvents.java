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

    /**
     * Goods came into stock ({@code stock.received}). {@code purchaseBillId} names the supplier bill the goods came
     * in on when the receipt follows one (the bill posts Inventory against the supplier itself); without it the
     * receipt is stock brought in by the owner (opening stock, stock introduced).
     */
    public record StockReceived(String productId, String locationId, BigDecimal quantity, BigDecimal unitCost,
                                BigDecimal onHand, String purchaseBillId) {
        public StockReceived(String productId, String locationId, BigDecimal quantity, BigDecimal unitCost, BigDecimal onHand) {
            this(productId, locationId, quantity, unitCost, onHand, null);
        }
    }

    /**
     * Stock moved for a reason other than a purchase or a sale ({@code stock.adjusted}): damage, loss, correction,
     * a physical count's difference, a transfer leg, a customer return or goods sent back to a supplier on a debit note
     * ({@code SUPPLIER_RETURN}, {@code reference} purchase-return:{return id}:{bill line}). {@code quantity} and {@code value} are
     * signed (negative when stock left the location); {@code value} = quantity x unitCost.
     */
    public record StockAdjusted(String productId, String locationId, String movement, BigDecimal quantity,
                                BigDecimal unitCost, BigDecimal value, BigDecimal onHand, String reason, String reference) {
    }

    /** A product's available stock (all locations) fell to or below its reorder level ({@code stock.low}). */
    public record StockLow(String productId, String sku, String name, BigDecimal available, BigDecimal onHand,
                           BigDecimal reorderLevel) {
    }

    private InventoryEvents() {
    }
}
