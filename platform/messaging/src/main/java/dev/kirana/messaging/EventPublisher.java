package dev.kirana.messaging;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends one record to Kafka; the future completes when the broker acknowledged it (acks=all). */
@FunctionalInterface
public interface EventPublisher {
    CompletableFuture<?> publish(ProducerRecord<String, byte[]> record);
}
