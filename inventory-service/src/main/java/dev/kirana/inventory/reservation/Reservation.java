package dev.kirana.inventory.reservation;

import java.util.UUID;

/** Stock held for one order at one location; it guards its own moves (only a RESERVED reservation commits or releases). */
public record Reservation(String orderId, String shopId, UUID locationId, ReservationStatus status) {

    public static Reservation reserved(String orderId, String shopId, UUID locationId) {
        return new Reservation(orderId, shopId, locationId, ReservationStatus.RESERVED);
    }

    public static Reservation rejected(String orderId, String shopId, UUID locationId) {
        return new Reservation(orderId, shopId, locationId, ReservationStatus.REJECTED);
    }

    /** The order was sold: the held stock leaves the shelf. */
    public Reservation commit() {
        return moveTo(ReservationStatus.COMMITTED);
    }

    /** The order will not be sold: the held stock is available again. */
    public Reservation release() {
        return moveTo(ReservationStatus.RELEASED);
    }

    private Reservation moveTo(ReservationStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("reservation of order " + orderId + " is " + status + " and cannot become " + next);
        }
        return new Reservation(orderId, shopId, locationId, next);
    }
}
