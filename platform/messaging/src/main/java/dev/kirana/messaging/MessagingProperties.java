package dev.kirana.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service publishes and consumes ({@code kirana.messaging.*}): the topics it publishes and the
 * dead-letter twins of those it consumes are created at start-up; listener retries are bounded.
 *
 * @param replicationFactor  copies of each partition a created topic gets ({@code KIRANA_KAFKA_REPLICATION_FACTOR};
 *                           1 locally, 3 in production)
 * @param minInsyncReplicas  the topic's {@code min.insync.replicas} ({@code KIRANA_KAFKA_MIN_INSYNC_REPLICAS}; 1 locally,
 *                           2 in production): with the producers' {@code acks=all}, a write is acknowledged only once
 *                           this many replicas have it, so losing one broker loses no acknowledged event
 */
@ConfigurationProperties("kirana.messaging")
public record MessagingProperties(
        @DefaultValue List<String> publishes,
        @DefaultValue List<String> consumes,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("1") int minInsyncReplicas,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("200ms") Duration retryInterval,
        @DefaultValue("30s") Duration handlerTimeout) {
}
