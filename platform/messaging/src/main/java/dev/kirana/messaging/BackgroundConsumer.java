package dev.kirana.messaging;

/**
 * Kafka consumer properties for listeners off the sale's critical path: the books, read models, notifications and
 * the audit chain. Such a listener lets the broker gather records for up to
 * {@code kirana.messaging.background-fetch-max-wait} (250 ms) or until {@code kirana.messaging.background-fetch-min-bytes}
 * (64 KiB) are there, so at a busy till it gets a poll of many records instead of one fetch, one poll and one offset
 * commit per record — work the broker and the consumer do for every consumer group that reads a topic. The sale's own
 * consumers (inventory's reservations, order-service's saga, the replicas a sale reads) keep fetching at once.
 *
 * <pre>{@code @KafkaListener(topics = Topics.ORDER, properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})}</pre>
 */
public final class BackgroundConsumer {
    public static final String FETCH_MIN_BYTES = "fetch.min.bytes=${kirana.messaging.background-fetch-min-bytes:65536}";
    public static final String FETCH_MAX_WAIT = "fetch.max.wait.ms=${kirana.messaging.background-fetch-max-wait-ms:250}";

    private BackgroundConsumer() {
    }
}
