package dev.kirana.reporting.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How far the read models are behind the topics: per topic, the events published that the live consumer group has
 * not yet committed. Published as the gauge {@code kirana.reporting.consumer.lag} (tag {@code topic}) and shown by
 * the status endpoint. Measured at most every few seconds, through the Kafka admin API.
 */
@Component
public class ConsumerLag implements DisposableBean {
    private static final Duration FRESH = Duration.ofSeconds(5);
    private final Admin admin;
    private final String group;
    private volatile Snapshot last;

    public ConsumerLag(KafkaAdmin kafkaAdmin, MeterRegistry meters,
                       @Value("${spring.kafka.consumer.group-id:reporting-service}") String group) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.group = group;
        for (String topic : LiveProjection.TOPICS) {
            Gauge.builder("kirana.reporting.consumer.lag", this, l -> l.lagOf(topic))
                    .description("Events on the topic not yet applied to the read models")
                    .tag("topic", topic)
                    .register(meters);
        }
    }

    private double lagOf(String topic) {
        Snapshot s = measure();
        return s.perTopic().getOrDefault(topic, s.reachable() ? 0L : -1L);
    }

    /** The lag now (measured at most every {@code 5 s}); {@code reachable} false when Kafka did not answer. */
    public synchronized Snapshot measure() {
        Snapshot s = last;
        if (s != null && s.measuredAt().plus(FRESH).isAfter(Instant.now())) {
            return s;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var d : admin.describeTopics(LiveProjection.TOPICS).allTopicNames().get(5, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            Map<String, Long> perTopic = new TreeMap<>();
            LiveProjection.TOPICS.forEach(t -> perTopic.put(t, 0L));
            ends.forEach((tp, end) -> {
                OffsetAndMetadata done = committed.get(tp);
                long lag = Math.max(0, end.offset() - (done == null ? 0 : done.offset()));
                perTopic.merge(tp.topic(), lag, Long::sum);
            });
            s = new Snapshot(true, Instant.now(), perTopic.values().stream().mapToLong(Long::longValue).sum(), perTopic);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            s = new Snapshot(false, Instant.now(), -1, Map.of());
        }
        last = s;
        return s;
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }

    public record Snapshot(boolean reachable, Instant measuredAt, long total, Map<String, Long> perTopic) {
    }

}
