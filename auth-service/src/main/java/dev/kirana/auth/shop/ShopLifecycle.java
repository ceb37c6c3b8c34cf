package dev.kirana.auth.shop;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A shop's deletion state and the moves between its states: delete (ACTIVE → DELETED, restorable until
 * {@code purgeAfter}), restore (DELETED → ACTIVE while the window is open) and purge (DELETED → PURGED once it closed).
 * A move from the wrong state is refused with the reason; nothing else changes a shop's status.
 */
public record ShopLifecycle(ShopStatus status, Instant deletedAt, Instant purgeAfter, Instant purgedAt) {

    public static final ShopLifecycle ACTIVE = new ShopLifecycle(ShopStatus.ACTIVE, null, null, null);

    public ShopLifecycle {
        Objects.requireNonNull(status);
    }

    /** Why a move was refused. */
    public enum Refusal {
        /** deleting a shop that is deleted (or purged) already */
        NOT_ACTIVE,
        /** restoring a shop that is not deleted */
        NOT_DELETED,
        /** restoring after the window closed (the shop is being or has been purged) */
        WINDOW_CLOSED,
        /** purging before the window closed */
        WINDOW_OPEN
    }

    public static final class Refused extends RuntimeException {
        private final Refusal reason;

        Refused(Refusal reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** Soft-deletes at {@code now}; restorable for {@code window}. */
    public ShopLifecycle delete(Instant now, Duration window) {
        if (status != ShopStatus.ACTIVE) {
            throw new Refused(Refusal.NOT_ACTIVE, "The shop is " + status + " already (since " + deletedAt + ")");
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("a negative restore window: " + window);
        }
        return new ShopLifecycle(ShopStatus.DELETED, now, now.plus(window), null);
    }

    /** Back to ACTIVE, while {@code now} is before {@code purgeAfter}. */
    public ShopLifecycle restore(Instant now) {
        if (status == ShopStatus.PURGED || (status == ShopStatus.DELETED && !now.isBefore(purgeAfter))) {
            throw new Refused(Refusal.WINDOW_CLOSED, "The restore window closed at " + purgeAfter);
        }
        if (status != ShopStatus.DELETED) {
            throw new Refused(Refusal.NOT_DELETED, "The shop is not deleted");
        }
        return ACTIVE;
    }

    public boolean purgeDue(Instant now) {
        return status == ShopStatus.DELETED && !now.isBefore(purgeAfter);
    }

    public ShopLifecycle purge(Instant now) {
        if (!purgeDue(now)) {
            throw new Refused(status == ShopStatus.DELETED ? Refusal.WINDOW_OPEN : Refusal.NOT_DELETED,
                    "The shop is " + status + (status == ShopStatus.DELETED ? " and restorable until " + purgeAfter : ""));
        }
        return new ShopLifecycle(ShopStatus.PURGED, deletedAt, purgeAfter, now);
    }
}
