package dev.kirana.inventory.adjustment;

import dev.kirana.inventory.stock.Movement;
import java.math.BigDecimal;
import java.util.Optional;

/** Why stock is adjusted by hand. Damage and loss only ever take stock away; a correction goes either way. */
public enum AdjustmentReason {
    DAMAGE(Movement.DAMAGE),
    LOSS(Movement.LOSS),
    CORRECTION(Movement.CORRECTION);

    private final Movement movement;

    AdjustmentReason(Movement movement) {
        this.movement = movement;
    }

    public Movement movement() {
        return movement;
    }

    /** Why a change of {@code quantity} (signed: negative takes stock away) does not fit this reason, if it does not. */
    public Optional<String> problem(BigDecimal quantity) {
        if (quantity.signum() == 0) {
            return Optional.of("must not be zero");
        }
        if (this != CORRECTION && quantity.signum() > 0) {
            return Optional.of(name().toLowerCase() + " takes stock away: the quantity must be negative");
        }
        return Optional.empty();
    }
}
