package dev.kirana.inventory.lots;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Stock of one product at one location that came in together: a purchase receipt, a return, a transfer in.
 * It keeps its unit cost (FIFO values stock lot by lot), its batch number and expiry date (perishables are
 * sold first-expiry-first-out), how much of it is left, and when it came into being ({@code receivedAt}).
 * Lots are consumed, never edited otherwise.
 */
public record Lot(long id, String batchNo, LocalDate expiryDate, BigDecimal unitCost, BigDecimal remaining, Instant receivedAt) {

    /** A lot whose arrival time does not matter (picking and valuation do not use it). */
    public Lot(long id, String batchNo, LocalDate expiryDate, BigDecimal unitCost, BigDecimal remaining) {
        this(id, batchNo, expiryDate, unitCost, remaining, null);
    }

    /** Expired stock is not sellable; goods are sellable on their expiry date itself. */
    public boolean expiredOn(LocalDate today) {
        return expiryDate != null && expiryDate.isBefore(today);
    }
}
