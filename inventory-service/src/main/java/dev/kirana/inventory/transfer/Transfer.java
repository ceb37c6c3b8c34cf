package dev.kirana.inventory.transfer;

import dev.kirana.inventory.stock.StockMovement;
import java.util.List;
import java.util.UUID;

/** A posted transfer: the movements out of the source and into the destination. */
public record Transfer(UUID fromLocationId, UUID toLocationId, List<StockMovement> movements) {
}
