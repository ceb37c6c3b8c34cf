package dev.kirana.inventory.stock;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.lots.LotChange;
import dev.kirana.messaging.OutboxWriter;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes {@code stock.adjusted} for a movement other than a purchase or a sale, so that accounting can post it;
 * and turns what a movement did to its lots into the lot moves every stock event carries.
 */
@Component
public class StockEvents {
    private final OutboxWriter outbox;

    public StockEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Mono<Void> adjusted(String shopId, StockMoves.Moved m, String reason, String reference) {
        return outbox.append(Topics.INVENTORY, EventTypes.STOCK_ADJUSTED, m.productId(), shopId,
                new InventoryEvents.StockAdjusted(m.productId(), m.locationId().toString(), m.movement().name(), m.quantity(),
                        m.unitCost(), m.value().setScale(2, RoundingMode.HALF_UP), m.onHandAfter(), reason, reference,
                        lotMoves(m))).then();
    }

    /**
     * The lot moves of a movement, one per lot it changed, at the scale the lots are stored at (quantities to 3
     * decimals, costs to 4), so that they add up to exactly what each lot holds.
     */
    public static List<InventoryEvents.LotMove> lotMoves(StockMoves.Moved m) {
        return m.lotChanges().stream().map(StockEvents::lotMove).toList();
    }

    static InventoryEvents.LotMove lotMove(LotChange c) {
        var lot = c.lot();
        return new InventoryEvents.LotMove(String.valueOf(lot.id()), lot.batchNo(), lot.expiryDate(), lot.receivedAt(),
                c.quantity().setScale(3, RoundingMode.HALF_UP), lot.unitCost().setScale(4, RoundingMode.HALF_UP),
                c.remainingAfter().setScale(3, RoundingMode.HALF_UP));
    }
}
