package dev.kirana.inventory.lots;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Stock of one product at one location that came in together: a purchase receipt, a return, a transfer in.
 * It keeps its unit cost (FIFO values stock lot by lot), its batch number and expiry date (perishables are
 * sold first-expiry-first-out), and how much of it is left. Lots are consumed, never edited otherwise.
 */
public record Lot(long id, String batchNo, LocalDate expiryDate, BigDecimal unitCost, BigDecimal remaining) {

    /** Expired stock is not sellable; goods are sellable on their expiry date itself. */
    public boolean expiredOn(LocalDate today) {
        return expiryDate != null && expiryDate.isBefore(today);
    }
}
