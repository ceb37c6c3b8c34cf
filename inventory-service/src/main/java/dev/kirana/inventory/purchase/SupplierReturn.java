package dev.kirana.inventory.purchase;

import dev.kirana.inventory.lots.Lot;
import java.math.BigDecimal;
import java.util.List;

/**
 * How much of a line of a debit note can leave stock (a pure rule). The debit note is already in the books when its
 * event arrives, and the goods have physically gone back: refusing the event would leave stock that is not there. So
 * what the location holds of it goes out — from the bill's batch when the line has one, never stock promised to orders
 * — and the rest is flagged for a manager (the stock figure was wrong before the return; a count will say where).
 */
public final class SupplierReturn {

    /** {@code out} leaves stock; {@code shortfall} could not (zero when all of it went). */
    public record Plan(BigDecimal out, BigDecimal shortfall) {
    }

    /**
     * @param available on hand less reserved at the location
     * @param lots      the product's open lots there
     * @param batchNo   the bill line's batch, or null
     */
    public static Plan plan(BigDecimal wanted, BigDecimal available, List<Lot> lots, String batchNo) {
        BigDecimal inLots = lots.stream().filter(l -> batchNo == null || batchNo.equals(l.batchNo()))
                .map(Lot::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal out = wanted.min(available.max(BigDecimal.ZERO)).min(inLots);
        return new Plan(out, wanted.subtract(out));
    }

    private SupplierReturn() {
    }
}
