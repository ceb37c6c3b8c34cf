package dev.kirana.inventory.stock;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Publishes {@code stock.adjusted} for a movement other than a purchase or a sale, so that accounting can post it. */
@Component
public class StockEvents {
    private final OutboxWriter outbox;

    public StockEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Mono<Void> adjusted(String shopId, StockMoves.Moved m, String reason, String reference) {
        return outbox.append(Topics.INVENTORY, EventTypes.STOCK_ADJUSTED, m.productId(), shopId,
                new InventoryEvents.StockAdjusted(m.productId(), m.locationId().toString(), m.movement().name(), m.quantity(),
                        m.unitCost(), m.value().setScale(2, RoundingMode.HALF_UP), m.onHandAfter(), reason, reference)).then();
    }
}
