package dev.kirana.catalog.tax;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the GST rate schedule: goods whose HSN code starts with {@code hsnPrefix} are taxed at
 * {@code rate} percent (plus {@code cess} percent compensation cess, when known) from {@code effectiveFrom}
 * until the next row of the same prefix.
 */
public record ScheduledRate(String hsnPrefix, LocalDate effectiveFrom, BigDecimal rate, BigDecimal cess, String description) {
}
