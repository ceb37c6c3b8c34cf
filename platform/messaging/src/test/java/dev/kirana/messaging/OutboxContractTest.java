package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Under test (as in every service's tests, {@code kirana.messaging.validate-events}) the outbox refuses an event of a
 * published type that breaks its JSON Schema: the change that made it fails and nothing is written.
 */
class OutboxContractTest extends MessagingTestSupport {

    @Test
    void anEventThatBreaksItsSchemaIsRefusedAndNothingIsWritten() {
        String product = "p-" + UUID.randomUUID();
        // stock.low needs productId, available, onHand and reorderLevel, all decimals as strings
        assertThatThrownBy(() -> tx.transactional(outbox.append("kirana.inventory.events", EventTypes.STOCK_LOW, product, "shop-1",
                        Map.of("productId", product, "available", 2))).block(Duration.ofSeconds(10)))
                .hasMessageContaining("breaks its published schema").hasMessageContaining("onHand");
        assertThat(outboxRows(List.of(product), false)).isZero();

        // the same event as the schema has it is written
        tx.transactional(outbox.append("kirana.inventory.events", EventTypes.STOCK_LOW, product, "shop-1",
                new InventoryEvents.StockLow(product, "SKU-1", "Atta 5kg", new BigDecimal("2.000"), new BigDecimal("2.000"),
                        new BigDecimal("5.000")))).block(Duration.ofSeconds(10));
        assertThat(outboxRows(List.of(product), false)).isEqualTo(1);
        db.sql("DELETE FROM kirana_outbox WHERE subject = :s").bind("s", product).then().block(Duration.ofSeconds(10));
    }
}
