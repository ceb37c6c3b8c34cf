package dev.kirana.inventory.lots;

import dev.kirana.inventory.lots.LotPicker.Take;
import java.math.BigDecimal;

/**
 * What one movement did to one lot: {@code quantity} is signed (positive into the lot, negative out of it) and
 * {@code remainingAfter} is what the lot holds once the movement is done. The changes a movement reports are exactly
 * the ones it applied to {@code stock_lots}, so their sum per lot over all movements is the lot's remaining quantity.
 */
public record LotChange(Lot lot, BigDecimal quantity, BigDecimal remainingAfter) {

    /** A lot just created with everything it holds. */
    public static LotChange created(Lot lot) {
        return new LotChange(lot, lot.remaining(), lot.remaining());
    }

    /** A take from an open lot ({@code take.lot()} as it was before the take). */
    public static LotChange taken(Take take) {
        return new LotChange(take.lot(), take.quantity().negate(), take.lot().remaining().subtract(take.quantity()));
    }
}
