package dev.kirana.order.gst;

import java.math.BigDecimal;

/** The taxable value and tax of one invoice line, each to the paise; {@code total()} is what the customer pays for it. */
public record LineTax(BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst) {
    public BigDecimal tax() {
        return cgst.add(sgst).add(igst);
    }

    public BigDecimal total() {
        return taxableValue.add(tax());
    }
}
