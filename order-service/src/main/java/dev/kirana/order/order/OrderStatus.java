package dev.kirana.order.order;

import java.util.Set;

/**
 * The order's life: PENDING until inventory answers, then exactly one final state.
 * The allowed moves live here, not in handlers.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }

    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> Set.of(CONFIRMED, REJECTED, CANCELLED).contains(next);
            case CONFIRMED, REJECTED, CANCELLED -> false;
        };
    }

    /** @throws IllegalStateException when the move is not allowed */
    public OrderStatus moveTo(OrderStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("an order that is " + this + " cannot become " + next);
        }
        return next;
    }
}
