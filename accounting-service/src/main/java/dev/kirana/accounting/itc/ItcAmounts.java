package dev.kirana.accounting.itc;

import java.math.BigDecimal;

/** A document's taxable value and tax per head, in rupees to the paisa. */
public record ItcAmounts(BigDecimal taxableValue, BigDecimal igst, BigDecimal cgst, BigDecimal sgst, BigDecimal cess) {
    public static final ItcAmounts ZERO = new ItcAmounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public ItcAmounts {
        taxableValue = money(taxableValue);
        igst = money(igst);
        cgst = money(cgst);
        sgst = money(sgst);
        cess = money(cess);
    }

    public ItcAmounts plus(ItcAmounts o) {
        return new ItcAmounts(taxableValue.add(o.taxableValue), igst.add(o.igst), cgst.add(o.cgst), sgst.add(o.sgst), cess.add(o.cess));
    }

    public ItcAmounts minus(ItcAmounts o) {
        return new ItcAmounts(taxableValue.subtract(o.taxableValue), igst.subtract(o.igst), cgst.subtract(o.cgst), sgst.subtract(o.sgst),
                cess.subtract(o.cess));
    }

    /** The input tax credit it carries: IGST + CGST + SGST + cess. */
    public BigDecimal tax() {
        return igst.add(cgst).add(sgst).add(cess);
    }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
