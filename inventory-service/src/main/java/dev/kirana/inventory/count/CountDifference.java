package dev.kirana.inventory.count;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A physical count against the books: the difference (counted − on hand) is posted as a count
 * adjustment. A count cannot go below what is reserved for orders not yet handed over — those goods
 * are promised, so the count must be settled after them.
 */
public final class CountDifference {
    private CountDifference() {
    }

    public static BigDecimal of(BigDecimal onHand, BigDecimal counted) {
        return counted.subtract(onHand);
    }

    /** Why this count cannot be posted, if it cannot. */
    public static Optional<String> problem(BigDecimal counted, BigDecimal reserved) {
        if (counted.signum() < 0) {
            return Optional.of("a count cannot be negative");
        }
        if (counted.compareTo(reserved) < 0) {
            return Optional.of("counted " + counted.stripTrailingZeros().toPlainString() + " is below the "
                    + reserved.stripTrailingZeros().toPlainString() + " reserved for pending orders; settle those orders first");
        }
        return Optional.empty();
    }
}
