package dev.kirana.order.order;

import java.util.Set;

/**
 * The order's life: PENDING until inventory answers, then exactly one outcome (CONFIRMED, REJECTED or CANCELLED);
 * a confirmed sale may later be VOIDED, or refunded in part (PARTIALLY_REFUNDED) or in full (REFUNDED).
 * The allowed moves live here; {@link Order} makes them.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, VOIDED, PARTIALLY_REFUNDED, REFUNDED;

    /** The saga is over: the order was either sold or not. */
    public boolean isFinal() {
        return this != PENDING;
    }

    /** A sale happened (it has an invoice number), whatever came after it. */
    public boolean wasSold() {
        return this == CONFIRMED || this == VOIDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** Goods can still be returned against it. */
    public boolean isRefundable() {
        return this == CONFIRMED || this == PARTIALLY_REFUNDED;
    }

    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> Set.of(CONFIRMED, REJECTED, CANCELLED).contains(next);
            case CONFIRMED -> Set.of(VOIDED, PARTIALLY_REFUNDED, REFUNDED).contains(next);
            case PARTIALLY_REFUNDED -> Set.of(PARTIALLY_REFUNDED, REFUNDED).contains(next);
            case REJECTED, CANCELLED, VOIDED, REFUNDED -> false;
        };
    }
}
