package dev.kirana.inventory.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One movement in a product's stock history: quantity (negative when stock left), unit cost, the
 * resulting quantity and value at the location, why, who, what caused it, and which batches and serial
 * units it moved.
 */
public record LedgerEntry(long id, String productId, UUID locationId, String movement, BigDecimal quantity, BigDecimal unitCost,
                          BigDecimal onHandAfter, BigDecimal valueAfter, String reason, String actor, String cause, Instant createdAt,
                          List<LotPart> lots, List<String> serials) {

    /** The part of a movement that came from or went to one lot. */
    public record LotPart(long lotId, String batchNo, LocalDate expiryDate, BigDecimal quantity, BigDecimal unitCost) {
    }
}
