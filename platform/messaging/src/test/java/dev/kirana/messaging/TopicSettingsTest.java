package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The replication settings a created topic gets (the production overlay's 3/2; the local 1/1 is checked on a broker). */
class TopicSettingsTest {

    static MessagingProperties props(int replicationFactor, int minInsyncReplicas) {
        return new MessagingProperties(List.of("kirana.x.events"), List.of("kirana.y.events"), 3, (short) replicationFactor,
                minInsyncReplicas, 3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30), null, Duration.ofDays(30), Duration.ofMillis(200));
    }

    @Test
    void everyCreatedTopicGetsTheReplicationFactorAndMinInsyncReplicas() {
        List<NewTopic> topics = MessagingAutoConfiguration.topics(props(3, 2));
        assertThat(topics).extracting(NewTopic::name).containsExactly("kirana.x.events", "kirana.y.events.dlq");
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(3);
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
            assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void eventTopicsKeepTheirHistoryAndDeadLettersThirtyDays() {
        List<NewTopic> topics = MessagingAutoConfiguration.topics(props(3, 2));
        // reporting rebuilds its read models from the first offset: an event topic must never drop a record
        assertThat(topics.get(0).configs()).containsEntry("retention.ms", "-1");
        // 30 days = 30 × 86,400,000 ms
        assertThat(topics.get(1).configs()).containsEntry("retention.ms", "2592000000");
        var twoYears = new MessagingProperties(List.of("kirana.x.events"), List.of(), 3, (short) 1, 1, 3,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofDays(730), Duration.ofDays(30), Duration.ofMillis(200));
        // 730 × 86,400,000 ms
        assertThat(MessagingAutoConfiguration.topics(twoYears).get(0).configs()).containsEntry("retention.ms", "63072000000");
    }

    @Test
    void aMinInsyncReplicasNoWriteCouldMeetIsRefused() {
        assertThatThrownBy(() -> MessagingAutoConfiguration.topics(props(1, 2))).hasMessageContaining("exceeds replication-factor");
        assertThatThrownBy(() -> MessagingAutoConfiguration.topics(props(0, 1))).hasMessageContaining("at least 1");
    }
}
