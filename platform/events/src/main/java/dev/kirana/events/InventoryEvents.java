package dev.kirana.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Data of the events on {@link Topics#INVENTORY}. */
public final class InventoryEvents {
    public record StockLine(String productId, BigDecimal quantity) {
    }

    public record ShortLine(String productId, BigDecimal requested, BigDecimal available) {
    }

    /**
     * How much of one lot (a batch of one product at one location that came in together) a movement took or added.
     * Every change to a lot's quantity is published as one of these, so that for each lot the sum of the
     * {@code quantity} of its lot moves over all events is what the lot still holds (lots created before lot moves were
     * published are the exception: {@code remaining} gives their state).
     *
     * @param lotId      the lot, stable for its whole life (unique across shops and locations)
     * @param batchNo    the batch number it came in with, when it has one
     * @param expiryDate the day after which it may no longer be sold, when it has one
     * @param receivedAt when the lot came into being (its receipt, return, count surplus or transfer into its location)
     * @param quantity   signed: positive into the lot (its receipt), negative out of it (a sale, write-off, transfer out...)
     * @param unitCost   the lot's own unit cost (what it came in at; under FIFO also what it is valued at)
     * @param remaining  what the lot holds after this move
     */
    public record LotMove(String lotId, String batchNo, LocalDate expiryDate, Instant receivedAt, BigDecimal quantity,
                          BigDecimal unitCost, BigDecimal remaining) {
        public LotMove(String lotId, String batchNo, LocalDate expiryDate, Instant receivedAt, BigDecimal quantity, BigDecimal unitCost) {
            this(lotId, batchNo, expiryDate, receivedAt, quantity, unitCost, null);
        }
    }

    /**
     * A product sold by an order, at its cost of sale. {@code lots} are the lots the quantity was drawn from (each move
     * negative; together they make {@code -quantity}); absent in events published before lots were named.
     */
    public record CostedLine(String productId, BigDecimal quantity, BigDecimal unitCost, List<LotMove> lots) {
        public CostedLine(String productId, BigDecimal quantity, BigDecimal unitCost) {
            this(productId, quantity, unitCost, null);
        }
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
     * receipt is stock brought in by the owner (opening stock, stock introduced). {@code lots} are the lots the goods
     * went into (the one new lot of the receipt, its move positive); absent in events published before lots were named.
     */
    public record StockReceived(String productId, String locationId, BigDecimal quantity, BigDecimal unitCost,
                                BigDecimal onHand, String purchaseBillId, List<LotMove> lots) {
        public StockReceived(String productId, String locationId, BigDecimal quantity, BigDecimal unitCost, BigDecimal onHand) {
            this(productId, locationId, quantity, unitCost, onHand, null, null);
        }

        public StockReceived(String productId, String locationId, BigDecimal quantity, BigDecimal unitCost, BigDecimal onHand,
                             String purchaseBillId) {
            this(productId, locationId, quantity, unitCost, onHand, purchaseBillId, null);
        }
    }

    /**
     * Stock moved for a reason other than a purchase or a sale ({@code stock.adjusted}): damage, loss, correction,
     * a physical count's difference, a transfer leg, a customer return or goods sent back to a supplier on a debit note
     * ({@code SUPPLIER_RETURN}, {@code reference} purchase-return:{return id}:{bill line}). {@code quantity} and {@code value} are
     * signed (negative when stock left the location); {@code value} = quantity x unitCost. {@code lots} are the lots whose
     * quantity this movement changed: draws negative, stock coming in (a new lot: a return, a count surplus, a transfer's
     * in leg) positive; together they make {@code quantity}. Absent in events published before lots were named.
     */
    public record StockAdjusted(String productId, String locationId, String movement, BigDecimal quantity,
                                BigDecimal unitCost, BigDecimal value, BigDecimal onHand, String reason, String reference,
                                List<LotMove> lots) {
        public StockAdjusted(String productId, String locationId, String movement, BigDecimal quantity, BigDecimal unitCost,
                             BigDecimal value, BigDecimal onHand, String reason, String reference) {
            this(productId, locationId, movement, quantity, unitCost, value, onHand, reason, reference, null);
        }
    }

    /** A product's available stock (all locations) fell to or below its reorder level ({@code stock.low}). */
    public record StockLow(String productId, String sku, String name, BigDecimal available, BigDecimal onHand,
                           BigDecimal reorderLevel) {
    }

    /**
     * A batch (lot) with stock left expires within the inventory's look-ahead ({@code stock.batch-expiring}, keyed by
     * the product): published once per batch per day by the daily expiry check, {@code daysLeft} = {@code expiryDate}
     * − {@code day} (0: it expires today).
     */
    public record BatchExpiring(String lotId, String productId, String sku, String name, String locationId, String batchNo,
                                LocalDate expiryDate, BigDecimal remaining, int daysLeft, LocalDate day) {
    }

    private InventoryEvents() {
    }
}
