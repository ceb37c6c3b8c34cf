package dev.kirana.accounting.purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of a supplier's bill and of its returns (pure functions). Per line: taxable value = quantity x unit
 * cost to the paisa (HALF_UP); within the state CGST and SGST are each taxable x rate/2 % to the paisa, across states
 * IGST is taxable x rate % to the paisa. The bill's totals are the sums of its lines.
 * <p>
 * A return of part of a line computes its share the same way; the return that takes the last of a line takes whatever
 * value and tax of it is still unreturned, so that a line returned in several goes reverses exactly what it posted.
 */
public final class PurchaseTax {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TWO_HUNDRED = new BigDecimal("200");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** Value and tax of a line or of a part of one. */
    public record Amounts(BigDecimal taxable, BigDecimal cgst, BigDecimal sgst, BigDecimal igst) {
        public static final Amounts NONE = new Amounts(ZERO, ZERO, ZERO, ZERO);

        public BigDecimal tax() {
            return cgst.add(sgst).add(igst);
        }

        public BigDecimal total() {
            return taxable.add(tax());
        }

        public Amounts plus(Amounts o) {
            return new Amounts(taxable.add(o.taxable), cgst.add(o.cgst), sgst.add(o.sgst), igst.add(o.igst));
        }

        public Amounts minus(Amounts o) {
            return new Amounts(taxable.subtract(o.taxable), cgst.subtract(o.cgst), sgst.subtract(o.sgst), igst.subtract(o.igst));
        }
    }

    public static Amounts line(BigDecimal quantity, BigDecimal unitCost, BigDecimal gstRate, SupplyType supply) {
        BigDecimal taxable = paise(quantity.multiply(unitCost));
        if (supply == SupplyType.INTRA_STATE) {
            BigDecimal half = paise(taxable.multiply(gstRate).divide(TWO_HUNDRED));
            return new Amounts(taxable, half, half, ZERO);
        }
        return new Amounts(taxable, ZERO, ZERO, paise(taxable.multiply(gstRate).divide(HUNDRED)));
    }

    public static Amounts sum(List<Amounts> lines) {
        return lines.stream().reduce(Amounts.NONE, Amounts::plus);
    }

    /**
     * What returning {@code quantity} of a line reverses.
     *
     * @param billed          the line as billed (its quantity and amounts)
     * @param returnedBefore  quantity of the line returned by earlier debit notes
     * @param reversedBefore  what those earlier returns reversed
     * @throws IllegalArgumentException when more would be returned than is left of the line
     */
    public static Amounts returned(BigDecimal billedQuantity, BigDecimal unitCost, BigDecimal gstRate, SupplyType supply,
                                   Amounts billed, BigDecimal returnedBefore, Amounts reversedBefore, BigDecimal quantity) {
        BigDecimal left = billedQuantity.subtract(returnedBefore);
        int cmp = quantity.compareTo(left);
        if (quantity.signum() <= 0 || cmp > 0) {
            throw new IllegalArgumentException("only " + left.stripTrailingZeros().toPlainString() + " of this line can still be returned");
        }
        if (cmp == 0) {
            return billed.minus(reversedBefore);
        }
        return line(quantity, unitCost, gstRate, supply);
    }

    /** How far a supplier's printed total may be from the sum of its lines: its rounding to the rupee, at most ₹1. */
    public static final BigDecimal MAX_ROUND_OFF = new BigDecimal("1.00");

    /**
     * The round-off of a bill whose printed total is {@code stated}: stated − computed (positive when the supplier rounded
     * up); zero when no total was stated.
     *
     * @throws IllegalArgumentException when the two differ by more than {@link #MAX_ROUND_OFF} (a line entered wrong)
     */
    public static BigDecimal roundOff(BigDecimal computed, BigDecimal stated) {
        if (stated == null) {
            return ZERO;
        }
        BigDecimal diff = paise(stated).subtract(computed);
        if (diff.abs().compareTo(MAX_ROUND_OFF) > 0) {
            throw new IllegalArgumentException("the lines add up to " + computed.toPlainString() + ", not " + paise(stated).toPlainString());
        }
        return diff;
    }

    private static BigDecimal paise(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private PurchaseTax() {
    }
}
