package dev.kirana.order.order;

import java.math.BigDecimal;

/**
 * A sale's totals: {@code total} is the amount payable, the invoice total rounded to the rupee,
 * {@code total = taxableValue + cgst + sgst + igst + roundOff}.
 */
public record Totals(BigDecimal gross, BigDecimal discount, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                     BigDecimal igst, BigDecimal roundOff, BigDecimal total) {
}
