package dev.kirana.inventory.reservation;

/**
 * A reservation's life: an order's stock is either RESERVED (held for it) or REJECTED (some line was short, nothing
 * held); a reserved order is then sold (COMMITTED) or given up (RELEASED), and that is final.
 */
public enum ReservationStatus {
    RESERVED, REJECTED, COMMITTED, RELEASED;

    public boolean canMoveTo(ReservationStatus next) {
        return this == RESERVED && (next == COMMITTED || next == RELEASED);
    }
}
