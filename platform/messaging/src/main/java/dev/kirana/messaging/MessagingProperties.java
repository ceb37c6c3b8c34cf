package dev.kirana.messaging;

import java.time.Duration;
import dev.kirana.events.Topics;
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
 * @param eventRetention     how long an event topic keeps its records ({@code KIRANA_KAFKA_EVENT_RETENTION}); unset: for
 *                           ever ({@code retention.ms=-1}), because the topics are the history that reporting's read
 *                           models are rebuilt from (from the first offset) and that a new consumer starts from
 * @param deadLetterRetention how long a dead-letter topic keeps what was parked there ({@code KIRANA_KAFKA_DLQ_RETENTION},
 *                           30 days): long enough to look at and replay, not a second copy of history
 * @param batchLockTimeout   how long the transaction of a contended batch of records (a saga listener's poll,
 *                           {@link InboxProcessor#handleContendedBatch}) waits for a lock before it gives up and its
 *                           records are handled one transaction each
 *                           ({@code KIRANA_KAFKA_BATCH_LOCK_TIMEOUT}, 200 ms): two batches that lock the same rows in
 *                           different orders cannot wait out PostgreSQL's one-second deadlock check, and one that waits
 *                           on a busy row hands over to the record-at-a-time path, which waits as long as it takes
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
        @DefaultValue("5s") Duration outageRetryMaxInterval,
        @DefaultValue("30s") Duration handlerTimeout,
        Duration eventRetention,
        @DefaultValue("30d") Duration deadLetterRetention,
        @DefaultValue("200ms") Duration batchLockTimeout) {

    /** {@code retention.ms} of a topic this service creates: a dead-letter twin, or an event topic. */
    String retentionMs(String topic) {
        Duration retention = topic.endsWith(Topics.deadLetter("")) ? deadLetterRetention : eventRetention;
        return retention == null || retention.isZero() || retention.isNegative() ? "-1" : Long.toString(retention.toMillis());
    }
}
