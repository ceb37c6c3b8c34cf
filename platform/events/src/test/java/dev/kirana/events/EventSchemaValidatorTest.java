package dev.kirana.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EventSchemaValidatorTest {
    private final EventSchemaValidator validator = new EventSchemaValidator();

    private static OrderEvents.OrderPlaced placed() {
        return new OrderEvents.OrderPlaced("o-1", "u-1", "loc-1", "INR",
                List.of(new OrderEvents.OrderLine("p-1", "SKU1", "Atta 5kg", new BigDecimal("2"), new BigDecimal("245.50"), new BigDecimal("491.00"))),
                new BigDecimal("491.00"), Instant.parse("2026-04-01T10:00:00Z"), Instant.parse("2026-04-01T10:00:30Z"));
    }

    @Test
    void everyPublishedTypeHasASchema() {
        for (String type : EventTypes.ALL) {
            assertThat(EventSchemaValidator.class.getResource(EventSchemaValidator.schemaResource(type)))
                    .as(type).isNotNull();
        }
    }

    @Test
    void validOrderPlacedPassesAndMoneyIsADecimalString() {
        CloudEvent event = KiranaEvents.event(EventTypes.ORDER_PLACED, "order-service", "o-1", "shop-1", placed());
        assertThat(validator.validate(event)).isEmpty();
        String json = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"total\":\"491.00\"").contains("\"unitPrice\":\"245.50\"");
    }

    @Test
    void missingFieldsAndNumericMoneyAreViolations() {
        byte[] bad = "{\"orderId\":\"o-1\",\"currency\":\"INR\",\"lines\":[],\"total\":491.0}".getBytes(StandardCharsets.UTF_8);
        List<String> problems = validator.validate(EventTypes.ORDER_PLACED, bad);
        assertThat(problems).anyMatch(p -> p.contains("placedAt"))
                .anyMatch(p -> p.contains("total"))
                .anyMatch(p -> p.contains("lines"));
    }

    @Test
    void stockEventsMayNameTheirLotsAndStayValidWithout() {
        var lot = new InventoryEvents.LotMove("42", "M-0312", java.time.LocalDate.of(2026, 3, 12), Instant.parse("2026-03-01T09:30:00Z"),
                new BigDecimal("-6.000"), new BigDecimal("25.5000"), new BigDecimal("0.000"));
        var withLots = new InventoryEvents.StockCommitted("o-1", List.of(new InventoryEvents.CostedLine("p-1", new BigDecimal("6"),
                new BigDecimal("25.8125"), List.of(lot))));
        CloudEvent committed = KiranaEvents.event(EventTypes.STOCK_COMMITTED, "inventory-service", "o-1", "shop-1", withLots);
        assertThat(validator.validate(committed)).isEmpty();
        assertThat(new String(committed.getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"lotId\":\"42\"", "\"expiryDate\":\"2026-03-12\"", "\"receivedAt\":\"2026-03-01T09:30:00Z\"",
                        "\"quantity\":\"-6.000\"", "\"unitCost\":\"25.5000\"", "\"remaining\":\"0.000\"");
        assertThat(KiranaEvents.data(committed, InventoryEvents.StockCommitted.class)).isEqualTo(withLots);
        // events published before lots were named
        var received = new InventoryEvents.StockReceived("p-1", "loc-1", new BigDecimal("10"), new BigDecimal("26.00"), new BigDecimal("10"));
        assertThat(validator.validate(KiranaEvents.event(EventTypes.STOCK_RECEIVED, "inventory-service", "p-1", "shop-1", received))).isEmpty();
        var adjusted = new InventoryEvents.StockAdjusted("p-1", "loc-1", "DAMAGE", new BigDecimal("-2"), new BigDecimal("26.0000"),
                new BigDecimal("-52.00"), new BigDecimal("8"), "DAMAGE", null);
        assertThat(validator.validate(KiranaEvents.event(EventTypes.STOCK_ADJUSTED, "inventory-service", "p-1", "shop-1", adjusted))).isEmpty();
        // a lot move's quantity is a decimal string, its lot named
        byte[] bad = ("{\"productId\":\"p-1\",\"locationId\":\"loc-1\",\"quantity\":\"1\",\"unitCost\":\"1\",\"onHand\":\"1\","
                + "\"lots\":[{\"quantity\":1,\"unitCost\":\"1\",\"receivedAt\":\"2026-03-01T09:30:00Z\"}]}").getBytes(StandardCharsets.UTF_8);
        assertThat(validator.validate(EventTypes.STOCK_RECEIVED, bad)).anyMatch(p -> p.contains("lotId")).anyMatch(p -> p.contains("quantity"));
    }

    @Test
    void envelopeWithoutShopIsRefused() {
        assertThatThrownBy(() -> KiranaEvents.event("id", EventTypes.ORDER_PLACED, "order-service", "o-1", null,
                OffsetDateTime.now(), new byte[0])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> KiranaEvents.event("id", "order.placed", "order-service", "o-1", "s",
                OffsetDateTime.now(), new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kafkaBinaryModeRoundTripKeepsHeadersAndData() {
        CloudEvent event = KiranaEvents.event(EventTypes.ORDER_PLACED, "order-service", "o-1", "shop-1", placed());
        ProducerRecord<String, byte[]> out = KiranaEvents.toRecord(Topics.ORDER, "o-1", event);
        assertThat(out.headers().lastHeader("ce_type").value()).asString().isEqualTo(EventTypes.ORDER_PLACED);
        assertThat(out.headers().lastHeader("ce_shopid").value()).asString().isEqualTo("shop-1");
        ConsumerRecord<String, byte[]> in = new ConsumerRecord<>(Topics.ORDER, 0, 0L, out.key(), out.value());
        out.headers().forEach(h -> in.headers().add(h));
        CloudEvent back = KiranaEvents.fromRecord(in);
        assertThat(back.getId()).isEqualTo(event.getId());
        assertThat(KiranaEvents.shopId(back)).isEqualTo("shop-1");
        assertThat(KiranaEvents.data(back, OrderEvents.OrderPlaced.class)).isEqualTo(placed());
        validator.assertValid(back);
    }
}
