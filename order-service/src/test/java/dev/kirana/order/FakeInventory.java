package dev.kirana.order;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Plays inventory-service's part of the saga for the shops it serves: reserves every order.placed, except orders with
 * a product it has been told is out of stock, which it rejects with the short line. Shops it does not serve get no
 * answer (their tests answer by hand, or let the order time out).
 */
final class FakeInventory {
    private static final FakeInventory INSTANCE = new FakeInventory();
    private final Map<String, Set<String>> outOfStockByShop = new ConcurrentHashMap<>();

    static FakeInventory get() {
        return INSTANCE;
    }

    void serve(String shopId, Set<String> outOfStockProducts) {
        outOfStockByShop.put(shopId, Set.copyOf(outOfStockProducts));
    }

    private FakeInventory() {
        Thread t = new Thread(this::run, "fake-inventory");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fake-inventory-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ORDER));
            while (true) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    answer(KiranaEvents.fromRecord(r));
                }
            }
        }
    }

    private void answer(CloudEvent e) {
        Set<String> outOfStock = outOfStockByShop.get(KiranaEvents.shopId(e));
        if (outOfStock == null || !EventTypes.ORDER_PLACED.equals(e.getType())) {
            return;
        }
        OrderEvents.OrderPlaced placed = KiranaEvents.data(e, OrderEvents.OrderPlaced.class);
        List<InventoryEvents.ShortLine> shortLines = placed.lines().stream().filter(l -> outOfStock.contains(l.productId()))
                .map(l -> new InventoryEvents.ShortLine(l.productId(), l.quantity(), BigDecimal.ZERO)).toList();
        String shop = KiranaEvents.shopId(e);
        if (shortLines.isEmpty()) {
            OrderServiceTestBase.publish(Topics.INVENTORY, placed.orderId(), shop, EventTypes.STOCK_RESERVED,
                    new InventoryEvents.StockReserved(placed.orderId(), "loc-counter", placed.lines().stream()
                            .map(l -> new InventoryEvents.StockLine(l.productId(), l.quantity())).toList()));
        } else {
            OrderServiceTestBase.publish(Topics.INVENTORY, placed.orderId(), shop, EventTypes.STOCK_RESERVATION_REJECTED,
                    new InventoryEvents.StockReservationRejected(placed.orderId(), "loc-counter", shortLines));
        }
    }
}
